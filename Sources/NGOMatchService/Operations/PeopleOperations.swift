import NGOMatchCore
import NGOMatchStore

public enum PersonInviteOperation: ServiceOperation {
    public static let name = "people.invite"
    public static let command = "people invite"
    public static let access = Access.write("the ministry, or an editor of the same organisation")
    public static let summary = "Invites a person by e-mail to act for the ministry, a province or an NGO."
    public static let guidance =
        "Adds a person and sends them an invitation with a sign-in link and a code, valid 72 hours. The ministry invites anyone; an organisation's editors invite colleagues of their own organisation. Units and NGOs are named as everywhere (former names, with or without diacritics). Rights: read, edit (default) or organise (ministry only)."
    public static let example =
        #"{"email":"minh.tran@caobang.example.vn","name":"Trần Văn Minh","for":"province:Cao Bang","language":"vi"}"#
    public static let commandExample = [
        "people", "invite", "minh.tran@caobang.example.vn", "--name", "Trần Văn Minh", "--for",
        "province:Cao Bang", "--language", "vi",
    ]
    public static func run(_ service: MatchService, _ params: PersonInviteParams, caller: Caller) throws -> Person {
        try service.invite(params, caller: caller)
    }
}

public enum PeopleListOperation: ServiceOperation {
    public static let name = "people.list"
    public static let command = "people list"
    public static let access = Access.read
    public static let summary = "The people who sign in, by organisation."
    public static let guidance =
        "Everyone who signs in, by name: their address, organisation, rights, language and last sign-in. The ministry sees everyone; anyone else the people of their own organisation."
    public static let example = #"{"for":"province:Cao Bang"}"#
    public static let commandExample = ["people", "list", "--for", "province:Cao Bang"]
    // People change without a new revision: a kept reply could outlive a change.
    public static let cost = OperationEntry.Cost.uncached
    public static func run(_ service: MatchService, _ params: PeopleListParams, caller: Caller) throws -> [Person] {
        try service.people(params, caller: caller)
    }
}

public enum PersonShowOperation: ServiceOperation {
    public static let name = "people.show"
    public static let command = "people show"
    public static let access = Access.read
    public static let summary = "One person, with every notice written to them."
    public static let guidance =
        "A person by id or address, with each message written to them: what it was, when, and whether it was delivered."
    public static let example = #"{"person":"lan.nguyen@caobang.example.vn"}"#
    public static let commandExample = ["people", "show", "lan.nguyen@caobang.example.vn"]
    public static let cost = OperationEntry.Cost.uncached
    public static func run(_ service: MatchService, _ params: PersonParams, caller: Caller) throws -> PersonDetails {
        try service.person(params, caller: caller)
    }
}

public enum PersonUpdateOperation: ServiceOperation {
    public static let name = "people.update"
    public static let command = "people update"
    public static let access = Access.write("the ministry, an editor of the same organisation, or the person")
    public static let summary = "Changes a person's name, address, language or rights."
    public static let guidance =
        "Changes what is given and keeps the rest. A person may change their own name, address and language; rights are changed by the ministry or an editor of the organisation."
    public static let example = #"{"person":"lan.nguyen@caobang.example.vn","language":"en"}"#
    public static let commandExample = ["people", "update", "lan.nguyen@caobang.example.vn", "--language", "en"]
    public static func run(_ service: MatchService, _ params: PersonUpdateParams, caller: Caller) throws -> Person {
        try service.updatePerson(params, caller: caller)
    }
}

public enum PersonRemoveOperation: ServiceOperation {
    public static let name = "people.remove"
    public static let command = "people remove"
    public static let access = Access.write("the ministry, an editor of the same organisation, or the person")
    public static let summary = "A person leaves: they can no longer sign in."
    public static let guidance =
        "Marks the person as gone: their links and codes stop working and no notice is written to them. Their past is kept; the same address can be invited again."
    public static let example = #"{"person":"lan.nguyen@caobang.example.vn"}"#
    public static let commandExample = ["people", "remove", "lan.nguyen@caobang.example.vn"]
    public static func run(_ service: MatchService, _ params: PersonParams, caller: Caller) throws -> Person {
        try service.removePerson(params, caller: caller)
    }
}

public enum OutboxListOperation: ServiceOperation {
    public static let name = "outbox.list"
    public static let command = "outbox list"
    public static let access = Access.read
    public static let summary = "Every notice written, and how its delivery went (ministry)."
    public static let guidance =
        "The outbox, newest first: to whom, what, how many tries, the relay's last answer, and when it was sent. A failed message says why; outbox.retry puts it back in line. The ministry's to read."
    public static let example = #"{"state":"failed"}"#
    public static let commandExample = ["outbox", "list", "--state", "failed"]
    public static let cost = OperationEntry.Cost.uncached
    public static func run(_ service: MatchService, _ params: OutboxListParams, caller: Caller) throws
        -> [OutboxEntry]
    {
        try service.outbox(params, caller: caller)
    }
}

public enum OutboxRetryOperation: ServiceOperation {
    public static let name = "outbox.retry"
    public static let command = "outbox retry"
    public static let access = Access.write("the ministry")
    public static let summary = "Tries a failed message again (ministry)."
    public static let guidance =
        "Puts a failed message back in line, due now, with the same Message-ID: after the address was corrected at the relay, say."
    public static let example = #"{"id":1}"#
    public static let commandExample = ["outbox", "retry", "1"]
    public static func run(_ service: MatchService, _ params: OutboxRetryParams, caller: Caller) throws -> OutboxEntry {
        try service.retryOutbox(params, caller: caller)
    }
}

public enum PersonNoticesOperation: ServiceOperation {
    public static let name = "people.notices"
    public static let command = "people notices"
    public static let access = Access.write("the person, an editor of the same organisation, or the ministry")
    public static let summary = "Chooses how a kind of notice reaches a person."
    public static let guidance =
        "For event-invitation, event-opened, event-reminder or event-schedule: immediately, daily or weekly (gathered in one digest), or off (the web's inbox only). Invitations to ngomatch and sign-in mail always go at once."
    public static let example =
        #"{"person":"lan.nguyen@caobang.example.vn","kind":"event-reminder","cadence":"weekly"}"#
    public static let commandExample = [
        "people", "notices", "lan.nguyen@caobang.example.vn", "--kind", "event-reminder", "--cadence", "weekly",
    ]
    public static func run(_ service: MatchService, _ params: PersonNoticesParams, caller: Caller) throws
        -> PersonNoticeSettings
    {
        try service.setNoticeSetting(params, caller: caller)
    }
}
