import NGOMatchCore

public struct PersonInviteParams: OperationParams {
    public static let parameters = [
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
    public var email: String
    public var name: String
    public var `for`: String
    public var language: Language?
    public var rights: PersonRights?

    public init(
        email: String, name: String, for organisation: String, language: Language? = nil, rights: PersonRights? = nil
    ) {
        self.email = email
        self.name = name
        self.for = organisation
        self.language = language
        self.rights = rights
    }
}

public struct PeopleListParams: OperationParams {
    public static let parameters = [
        Parameter("for", .text, "Only the people of one organisation, written as people.invite takes it."),
        Parameter("includeLeft", .boolean, "Also those who left."),
    ]
    public var `for`: String?
    public var includeLeft: Bool?

    public init(for organisation: String? = nil, includeLeft: Bool? = nil) {
        self.for = organisation
        self.includeLeft = includeLeft
    }
}

public struct PersonParams: OperationParams {
    public static let parameters = [Parameter("person", .text, required: true, "A person by id or e-mail address.")]
    public var person: String

    public init(person: String) { self.person = person }
}

public struct PersonUpdateParams: OperationParams {
    public static let parameters = [
        Parameter("person", .text, required: true, "A person by id or e-mail address."),
        Parameter("name", .text, "A new name."),
        Parameter("email", .text, "A new address to sign in with."),
        Parameter("language", .choice(["vi", "en"]), "A new language for their mail and pages."),
        Parameter("rights", .choice(PersonRights.allCases.map(\.rawValue)), "New rights: read, edit or organise."),
    ]
    public var person: String
    public var name: String?
    public var email: String?
    public var language: Language?
    public var rights: PersonRights?

    public init(
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
public struct PersonDetails: Encodable, Sendable {
    public let person: Person
    public let notices: [OutboxEntry]
    public let settings: [String: NoticeCadence]
}

public struct OutboxListParams: OperationParams {
    public static let parameters = [
        Parameter(
            "state", .choice(OutboxEntry.State.allCases.map(\.rawValue)), "Only messages pending, sent or failed."),
        Parameter("limit", .integer, "How many, newest first (default 200)."),
    ]
    public var state: OutboxEntry.State?
    public var limit: Int?

    public init(state: OutboxEntry.State? = nil, limit: Int? = nil) {
        self.state = state
        self.limit = limit
    }
}

public struct OutboxRetryParams: OperationParams {
    public static let parameters = [
        Parameter("id", .integer, required: true, "The message's number, as outbox.list shows it.")
    ]
    public var id: Int

    public init(id: Int) { self.id = id }
}

public struct PersonNoticesParams: OperationParams {
    public static let parameters = [
        Parameter("person", .text, required: true, "A person by id or e-mail address."),
        Parameter("kind", .choice(NoticeCadence.choosableKinds), required: true, "Which kind of notice."),
        Parameter(
            "cadence", .choice(NoticeCadence.allCases.map(\.rawValue)), required: true,
            "immediately, daily (one digest a day), weekly (one a week) or off (the web's inbox only)."),
    ]
    public var person: String
    public var kind: String
    public var cadence: NoticeCadence

    public init(person: String, kind: String, cadence: NoticeCadence) {
        self.person = person
        self.kind = kind
        self.cadence = cadence
    }
}

/// A person's choice for each kind of notice.
public struct PersonNoticeSettings: Encodable, Sendable {
    public let person: String
    public let settings: [String: NoticeCadence]
}
