import Foundation
import NGOMatchCore
import NGOMatchStore

extension MatchService {
    /// How long an invitation's link and code stay good.
    package static let invitationValidity: Duration = .seconds(72 * 3600)

    /// Adds a person and writes their invitation, in one transaction. The ministry invites
    /// anyone; an organisation's editors invite colleagues of their own organisation.
    package func invite(_ params: PersonInviteParams, caller: Caller) throws -> Person {
        let method = PersonInviteOperation.name
        let organisation = try organisation(named: params.for, field: "for")
        let rights = params.rights ?? .edit
        try mayManagePeople(of: organisation, granting: rights, caller: caller, method)
        let address = try mailbox(params.email, name: params.name, field: "email")
        let name = try personName(params.name)
        let language = params.language ?? .vi
        let person = Person(
            id: "p-" + Secret.identifier(lowercase: true),
            email: address.address, name: name, language: language, organisation: organisation.description,
            rights: rights, invitedAt: Registry.stamp(Date()), invitedBy: caller.actor, lastSignIn: nil, leftAt: nil)
        let (grant, mail) = signInMail(
            .invitation(
                inviter: try inviterName(caller, language), organisation: organisationName(organisation, language)),
            to: person, address: address, purpose: .invitation, validity: Self.invitationValidity)
        return try registry.invite(
            NewPerson(person: person, grant: grant, invitation: mail), audit: caller.audit(method))
    }

    /// The people the caller may see: the ministry everyone, anyone else their own organisation.
    package func people(_ params: PeopleListParams, caller: Caller) throws -> [Person] {
        let asked = try params.for.map { try organisation(named: $0, field: "for") }
        guard let role = caller.role, role != .ministry else {
            if case .anonymous = caller { throw ServiceError.unauthorized }
            return try registry.people(organisation: asked?.description, includingLeft: params.includeLeft == true)
        }
        if let asked, asked != role {
            throw ServiceError.forbidden(.key("people.organisationOnly", PeopleListOperation.name, role.description))
        }
        return try registry.people(organisation: role.description, includingLeft: params.includeLeft == true)
    }

    package func person(_ params: PersonParams, caller: Caller) throws -> PersonDetails {
        let person = try registry.person(params.person)
        try mayRead(person, caller: caller, PersonShowOperation.name)
        return PersonDetails(
            person: person, notices: try registry.outbox(recipient: person.email),
            settings: try registry.noticeSettings(of: person.id))
    }

    package func updatePerson(_ params: PersonUpdateParams, caller: Caller) throws -> Person {
        let method = PersonUpdateOperation.name
        let existing = try registry.person(params.person)
        let organisation = try existing.role ?? organisation(named: existing.organisation, field: "for")
        let isSelf = caller.personID == existing.id
        if !isSelf || params.rights != nil {
            try mayManagePeople(of: organisation, granting: params.rights ?? .read, caller: caller, method)
        }
        let email = try params.email.map { try mailbox($0, name: existing.name, field: "email").address }
        let name = try params.name.map(personName)
        return try registry.updatePerson(existing.id, audit: caller.audit(method)) { person in
            if let leftAt = person.leftAt {
                throw RegistryError.conflict(.key("people.alreadyLeft", person.name, leftAt))
            }
            if let email { person.email = email }
            if let name { person.name = name }
            if let language = params.language { person.language = language }
            if let rights = params.rights { person.rights = rights }
        }
    }

    /// A person leaves: they sign in no more and are told nothing more. They may leave themselves.
    package func removePerson(_ params: PersonParams, caller: Caller) throws -> Person {
        let method = PersonRemoveOperation.name
        let existing = try registry.person(params.person)
        if caller.personID != existing.id {
            let organisation = try existing.role ?? organisation(named: existing.organisation, field: "for")
            try mayManagePeople(of: organisation, granting: .read, caller: caller, method)
        }
        return try registry.updatePerson(existing.id, audit: caller.audit(method)) { person in
            if let leftAt = person.leftAt {
                throw RegistryError.conflict(.key("people.alreadyLeft", person.name, leftAt))
            }
            person.leftAt = Registry.stamp(Date())
        }
    }

    /// A role as people write one, for a door that names organisations (`notices.subscribe`).
    package func organisationRole(named text: String) throws -> Role { try organisation(named: text, field: "for") }

    /// A role as people write one: `ministry`, `province:Cao Bang`, `ngo:WWF`, names resolved.
    func organisation(named text: String, field: String) throws -> Role {
        guard let named = Role(text.trimmingCharacters(in: .whitespaces)) else {
            throw ServiceError.invalidParams(field: field, expected: .key("params.role", text))
        }
        switch named {
        case .ministry: return .ministry
        case .province(let name): return .province(try reference.provinces.resolve(name.rawValue).province.id)
        case .ngo(let name): return .ngo(try registry.ngo(named: name.rawValue).id)
        }
    }

    /// An organisation as its people read it: the province's name as the registry spells it.
    package func organisationName(_ role: Role, _ language: Language) -> String {
        switch role {
        case .ministry: Messages.text("org.ministry", language)
        case .province(let id): reference.provinces[id]?.name.vi ?? id.rawValue
        case .ngo(let id): (try? registry.ngo(named: id.rawValue).name) ?? id.rawValue
        }
    }

    func inviterName(_ caller: Caller, _ language: Language) throws -> String {
        if let id = caller.personID, let inviter = try? registry.person(id) { return inviter.name }
        return organisationName(caller.role ?? .ministry, language)
    }

    private func mayManagePeople(of organisation: Role, granting rights: PersonRights, caller: Caller, _ method: String)
        throws
    {
        if rights == .organise, organisation != .ministry {
            throw ServiceError.invalidParams(
                field: "rights", expected: .key("people.organiseMinistryOnly", organisation.description))
        }
        if rights == .organise, !caller.isOrganiser {
            throw ServiceError.forbidden(.key("forbidden.events", method, caller.role?.description ?? "—"))
        }
        switch try caller.writer(method) {
        case nil, .ministry?: return
        case let role? where role == organisation: return
        case let role?: throw ServiceError.forbidden(.key("people.organisationOnly", method, role.description))
        }
    }

    private func mayRead(_ person: Person, caller: Caller, _ method: String) throws {
        if caller.seesEverything || caller.personID == person.id { return }
        guard let role = caller.role else { throw ServiceError.unauthorized }
        guard role.description == person.organisation else {
            throw ServiceError.forbidden(.key("people.organisationOnly", method, role.description))
        }
    }

    func mailbox(_ email: String, name: String?, field: String) throws -> MailAddress {
        do {
            return try MailAddress(email, name: name)
        } catch {
            throw ServiceError.invalidParams(field: field, expected: error.phrase)
        }
    }

    private func personName(_ name: String) throws -> String {
        let trimmed = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !trimmed.isEmpty, trimmed.count <= 200 else {
            throw ServiceError.invalidParams(field: "name", expected: .key("people.nameExpected"))
        }
        return trimmed
    }

    /// A way in and the message that carries it, for one person.
    func signInMail(
        _ occasion: SignInMail.Occasion, to person: Person, address: MailAddress, purpose: SignInGrant.Purpose,
        validity: Duration
    ) -> (SignInGrant, OutboxDraft) {
        let link = Secret.make()
        let code = Secret.code()
        let grant = SignInGrant(
            purpose: purpose, link: link, code: code, personID: person.id,
            expires: Date().addingTimeInterval(TimeInterval(validity.components.seconds)))
        let content = SignInMail(
            occasion: occasion, name: person.name, language: person.language,
            link: "\(mail.publicURL)/signin/link?key=\(link)", code: code, validity: validity)
        let messageID = mail.messageID(purpose.rawValue, secret: Secret.make(bytes: 12))
        let message = content.message(to: address, from: mail.from, messageID: messageID, date: Date())
        return (
            grant,
            OutboxDraft(
                messageID: messageID, recipient: address.address, personID: person.id, kind: purpose.rawValue,
                subject: content.subject, message: message.rendered, holdsSecret: true)
        )
    }
}

extension Caller {
    /// The person signed in, when it is one.
    package var personID: String? {
        if case .person(let id, _, _) = self { return id }
        return nil
    }
}
