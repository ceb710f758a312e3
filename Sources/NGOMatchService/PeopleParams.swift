import NGOMatchCore

package struct PersonInviteParams: OperationParams {
    package static let parameters = [
        Parameter("email", .text, required: true, "The address the person signs in with; the invitation goes there."),
        Parameter("name", .text, required: true, "The name they go by, as it will greet them."),
        Parameter(
            "for", .text, required: true,
            "Whom they act for: ministry, province:UNIT (any of the unit's names, former ones too) or ngo:NGO (id, name or acronym)."
        ),
        Parameter("language", .choice(["vi", "en"]), "The language of their mail and pages (default vi)."),
        Parameter(
            "rights", .choice(PersonRights.allCases.map(\.rawValue)),
            "read, edit (the default: change the organisation's records, invite colleagues) or organise (meeting events; ministry only)."
        ),
    ]
    package var email: String
    package var name: String
    package var `for`: String
    package var language: Language?
    package var rights: PersonRights?

    package init(
        email: String, name: String, for organisation: String, language: Language? = nil, rights: PersonRights? = nil
    ) {
        self.email = email
        self.name = name
        self.for = organisation
        self.language = language
        self.rights = rights
    }
}

package struct PeopleListParams: OperationParams {
    package static let parameters = [
        Parameter("for", .text, "Only the people of one organisation, written as people.invite takes it."),
        Parameter("includeLeft", .boolean, "Also those who left."),
    ]
    package var `for`: String?
    package var includeLeft: Bool?

    package init(for organisation: String? = nil, includeLeft: Bool? = nil) {
        self.for = organisation
        self.includeLeft = includeLeft
    }
}

package struct PersonParams: OperationParams {
    package static let parameters = [Parameter("person", .text, required: true, "A person by id or e-mail address.")]
    package var person: String

    package init(person: String) { self.person = person }
}

package struct PersonUpdateParams: OperationParams {
    package static let parameters = [
        Parameter("person", .text, required: true, "A person by id or e-mail address."),
        Parameter("name", .text, "A new name."),
        Parameter("email", .text, "A new address to sign in with."),
        Parameter("language", .choice(["vi", "en"]), "A new language for their mail and pages."),
        Parameter("rights", .choice(PersonRights.allCases.map(\.rawValue)), "New rights: read, edit or organise."),
    ]
    package var person: String
    package var name: String?
    package var email: String?
    package var language: Language?
    package var rights: PersonRights?

    package init(
        person: String, name: String? = nil, email: String? = nil, language: Language? = nil,
        rights: PersonRights? = nil
    ) {
        self.person = person
        self.name = name
        self.email = email
        self.language = language
        self.rights = rights
    }
}

/// A person with every notice written to them, newest first (who was told what, and when),
/// and how each kind of notice reaches them.
package struct PersonDetails: Encodable, Sendable {
    package let person: Person
    package let notices: [OutboxEntry]
    package let settings: [String: NoticeCadence]
}

package struct OutboxListParams: OperationParams {
    package static let parameters = [
        Parameter(
            "state", .choice(OutboxEntry.State.allCases.map(\.rawValue)), "Only messages pending, sent or failed."),
        Parameter("limit", .integer, "How many, newest first (default 200)."),
    ]
    package var state: OutboxEntry.State?
    package var limit: Int?

    package init(state: OutboxEntry.State? = nil, limit: Int? = nil) {
        self.state = state
        self.limit = limit
    }
}

package struct OutboxRetryParams: OperationParams {
    package static let parameters = [
        Parameter("id", .integer, required: true, "The message's number, as outbox.list shows it.")
    ]
    package var id: Int

    package init(id: Int) { self.id = id }
}

package struct PersonNoticesParams: OperationParams {
    package static let parameters = [
        Parameter("person", .text, required: true, "A person by id or e-mail address."),
        Parameter("kind", .choice(NoticeCadence.choosableKinds), required: true, "Which kind of notice."),
        Parameter(
            "cadence", .choice(NoticeCadence.allCases.map(\.rawValue)), required: true,
            "immediately, daily (one digest a day), weekly (one a week) or off (the web's inbox only)."),
    ]
    package var person: String
    package var kind: String
    package var cadence: NoticeCadence

    package init(person: String, kind: String, cadence: NoticeCadence) {
        self.person = person
        self.kind = kind
        self.cadence = cadence
    }
}

/// A person's choice for each kind of notice.
package struct PersonNoticeSettings: Encodable, Sendable {
    package let person: String
    package let settings: [String: NoticeCadence]
}
