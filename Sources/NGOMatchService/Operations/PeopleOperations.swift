import NGOMatchCore
import NGOMatchStore

package enum PersonInviteOperation: ServiceOperation {
    package static let name = "people.invite"
    package static let command = "people invite"
    package static let access = Access.write("the ministry, or an editor of the same organisation")
    package static let summary = "Invites a person by e-mail to act for the ministry, a province or an NGO."
    package static let guidance =
        "Adds a person and sends them an invitation with a sign-in link and a code, valid 72 hours. The ministry invites anyone; an organisation's editors invite colleagues of their own organisation. Units and NGOs are named as everywhere (former names, with or without diacritics). Rights: read, edit (default) or organise (ministry only)."
    package static let example =
        #"{"email":"minh.tran@caobang.example.vn","name":"Trần Văn Minh","for":"province:Cao Bang","language":"vi"}"#
    package static let commandExample = [
        "people", "invite", "minh.tran@caobang.example.vn", "--name", "Trần Văn Minh", "--for",
        "province:Cao Bang", "--language", "vi",
    ]
    package static func run(_ service: MatchService, _ params: PersonInviteParams, caller: Caller) throws -> Person {
        try service.invite(params, caller: caller)
    }
}

package enum PeopleListOperation: ServiceOperation {
    package static let name = "people.list"
    package static let command = "people list"
    package static let access = Access.read
    package static let summary = "The people who sign in, by organisation."
    package static let guidance =
        "Everyone who signs in, by name: their address, organisation, rights, language and last sign-in. The ministry sees everyone; anyone else the people of their own organisation."
    package static let example = #"{"for":"province:Cao Bang"}"#
    package static let commandExample = ["people", "list", "--for", "province:Cao Bang"]
    // People change without a new revision: a kept reply could outlive a change.
    package static let cost = OperationEntry.Cost.uncached
    package static func run(_ service: MatchService, _ params: PeopleListParams, caller: Caller) throws -> [Person] {
        try service.people(params, caller: caller)
    }
}

package enum PersonShowOperation: ServiceOperation {
    package static let name = "people.show"
    package static let command = "people show"
    package static let access = Access.read
    package static let summary = "One person, with every notice written to them."
    package static let guidance =
        "A person by id or address, with each message written to them: what it was, when, and whether it was delivered."
    package static let example = #"{"person":"lan.nguyen@caobang.example.vn"}"#
    package static let commandExample = ["people", "show", "lan.nguyen@caobang.example.vn"]
    package static let cost = OperationEntry.Cost.uncached
    package static func run(_ service: MatchService, _ params: PersonParams, caller: Caller) throws -> PersonDetails {
        try service.person(params, caller: caller)
    }
}

package enum PersonUpdateOperation: ServiceOperation {
    package static let name = "people.update"
    package static let command = "people update"
    package static let access = Access.write("the ministry, an editor of the same organisation, or the person")
    package static let summary = "Changes a person's name, address, language or rights."
    package static let guidance =
        "Changes what is given and keeps the rest. A person may change their own name, address and language; rights are changed by the ministry or an editor of the organisation."
    package static let example = #"{"person":"lan.nguyen@caobang.example.vn","language":"en"}"#
    package static let commandExample = ["people", "update", "lan.nguyen@caobang.example.vn", "--language", "en"]
    package static func run(_ service: MatchService, _ params: PersonUpdateParams, caller: Caller) throws -> Person {
        try service.updatePerson(params, caller: caller)
    }
}

package enum PersonRemoveOperation: ServiceOperation {
    package static let name = "people.remove"
    package static let command = "people remove"
    package static let access = Access.write("the ministry, an editor of the same organisation, or the person")
    package static let summary = "A person leaves: they can no longer sign in."
    package static let guidance =
        "Marks the person as gone: their links and codes stop working and no notice is written to them. Their past is kept; the same address can be invited again."
    package static let example = #"{"person":"lan.nguyen@caobang.example.vn"}"#
    package static let commandExample = ["people", "remove", "lan.nguyen@caobang.example.vn"]
    package static func run(_ service: MatchService, _ params: PersonParams, caller: Caller) throws -> Person {
        try service.removePerson(params, caller: caller)
    }
}

package enum OutboxListOperation: ServiceOperation {
    package static let name = "outbox.list"
    package static let command = "outbox list"
    package static let access = Access.read
    package static let summary = "Every notice written, and how its delivery went (ministry)."
    package static let guidance =
        "The outbox, newest first: to whom, what, how many tries, the relay's last answer, and when it was sent. A failed message says why; outbox.retry puts it back in line. The ministry's to read."
    package static let example = #"{"state":"failed"}"#
    package static let commandExample = ["outbox", "list", "--state", "failed"]
    package static let cost = OperationEntry.Cost.uncached
    package static func run(_ service: MatchService, _ params: OutboxListParams, caller: Caller) throws
        -> [OutboxEntry]
    {
        try service.outbox(params, caller: caller)
    }
}

package enum OutboxRetryOperation: ServiceOperation {
    package static let name = "outbox.retry"
    package static let command = "outbox retry"
    package static let access = Access.write("the ministry")
    package static let summary = "Tries a failed message again (ministry)."
    package static let guidance =
        "Puts a failed message back in line, due now, with the same Message-ID: after the address was corrected at the relay, say."
    package static let example = #"{"id":1}"#
    package static let commandExample = ["outbox", "retry", "1"]
    package static func run(_ service: MatchService, _ params: OutboxRetryParams, caller: Caller) throws -> OutboxEntry
    {
        try service.retryOutbox(params, caller: caller)
    }
}

package enum PersonNoticesOperation: ServiceOperation {
    package static let name = "people.notices"
    package static let command = "people notices"
    package static let access = Access.write("the person, an editor of the same organisation, or the ministry")
    package static let summary = "Chooses how a kind of notice reaches a person."
    package static let guidance =
        "For event-invitation, event-opened, event-reminder or event-schedule: immediately, daily or weekly (gathered in one digest), or off (the web's inbox only). Invitations to ngomatch and sign-in mail always go at once."
    package static let example =
        #"{"person":"lan.nguyen@caobang.example.vn","kind":"event-reminder","cadence":"weekly"}"#
    package static let commandExample = [
        "people", "notices", "lan.nguyen@caobang.example.vn", "--kind", "event-reminder", "--cadence", "weekly",
    ]
    package static func run(_ service: MatchService, _ params: PersonNoticesParams, caller: Caller) throws
        -> PersonNoticeSettings
    {
        try service.setNoticeSetting(params, caller: caller)
    }
}
