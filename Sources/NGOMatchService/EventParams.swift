import NGOMatchCore
import NGOMatchPlanner

/// Which operation settings are for: a new event (with an optional id) or an existing one.
package protocol EventSettingsPurpose: Sendable {
    static var leading: [Parameter] { get }
}

package enum CreatingEvent: EventSettingsPurpose {
    package static let leading = [Parameter("id", .text, "An id for the event (default: made from the name).")]
}

package enum ChangingEvent: EventSettingsPurpose {
    package static let leading = [Parameter.event]
}

/// The settings of an event, as `events.create` takes them and `events.update` changes them.
package struct EventSettingsParams<Purpose: EventSettingsPurpose>: OperationParams {
    static var settings: [Parameter] {
        [
            Parameter("name", .text, "The event's name (Vietnamese, as the ministry writes it)."),
            Parameter("nameEn", .text, "The event's name in English."),
            Parameter("date", .text, "The day, YYYY-MM-DD."),
            Parameter("start", .text, "When slot 0 starts, HH:MM (Vietnam time)."),
            Parameter("slotMinutes", .integer, "Length of a slot in minutes (default 20)."),
            Parameter("slots", .integer, "How many meeting slots the event has, 1–64."),
            Parameter("breaks", .integerList, "Slots nobody meets in (the plenary), numbered from 0."),
            Parameter("tables", .integer, "How many meetings can run at once."),
            Parameter("tableLabels", .textList, "A label for each table (\"Room A\")."),
            Parameter.rules, Parameter("minScore", .number, "Pairs scoring below this (0–100) are not proposed."),
        ]
    }
    package static var parameters: [Parameter] { Purpose.leading + settings }

    package var event: String?
    package var id: String?
    package var name: String?
    package var nameEn: String?
    package var date: String?
    package var start: String?
    package var slotMinutes: Int?
    package var slots: Int?
    package var breaks: [Int]?
    package var tables: Int?
    package var tableLabels: [String]?
    package var rules: String?
    package var minScore: Double?

    package init(
        event: String? = nil, id: String? = nil, name: String? = nil, nameEn: String? = nil, date: String? = nil,
        start: String? = nil, slotMinutes: Int? = nil, slots: Int? = nil, breaks: [Int]? = nil, tables: Int? = nil,
        tableLabels: [String]? = nil, rules: String? = nil, minScore: Double? = nil
    ) {
        self.event = event
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.date = date
        self.start = start
        self.slotMinutes = slotMinutes
        self.slots = slots
        self.breaks = breaks
        self.tables = tables
        self.tableLabels = tableLabels
        self.rules = rules
        self.minScore = minScore
    }
}

/// Names an event, for the methods that take nothing else.
package struct EventParams: OperationParams {
    package static let parameters = [Parameter.event, Parameter.lang]
    package var event: String
    package var lang: Language?

    package init(event: String, lang: Language? = nil) {
        self.event = event
        self.lang = lang
    }
}

package struct EventOpenParams: OperationParams {
    package static let parameters = [
        Parameter.event,
        Parameter(
            "answersBy", .text,
            "The last day for answers, YYYY-MM-DD (default: two days before the event). Participants who have not answered are reminded every two days until then."
        ),
        Parameter.lang,
    ]
    package var event: String
    package var answersBy: String?
    package var lang: Language?

    package init(event: String, answersBy: String? = nil, lang: Language? = nil) {
        self.event = event
        self.answersBy = answersBy
        self.lang = lang
    }
}

package struct EventsListParams: OperationParams {
    package static let parameters = [
        Parameter(
            "status", .choice(MeetingEvent.Status.allCases.map(\.rawValue)), "Only events in this state."),
        Paging.limit, Paging.after,
    ]
    package var status: String?
    package var limit: Int?
    package var after: String?

    package init(status: String? = nil, limit: Int? = nil, after: String? = nil) {
        self.status = status
        self.limit = limit
        self.after = after
    }
}

/// What a participant tells the organiser; `events.invite` sets it for everyone it invites.
package struct EventParticipantParams: OperationParams {
    static let answers = [
        Parameter("unavailable", .integerList, "Slots the participant cannot attend, numbered from 0."),
        Parameter("maxMeetings", .integer, "At most this many meetings."),
        Parameter("minMeetings", .integer, "At least this many meetings, if any schedule allows."),
        Parameter("languages", .textList, "Languages the delegation meets in: vi, en."),
        Parameter("delegation", .integer, "How many people come."),
        Parameter("contact", .text, "Who to reach, for the organiser."),
    ]
    package static let parameters =
        [
            Parameter.event,
            Parameter(
                "participants", .textList,
                "events.invite: provinces and NGOs by any name the registry knows ('ha giang', 'MCNV')."),
            Parameter("participant", .text, "events.availability: the participant, by any name."),
        ] + answers

    package var event: String
    package var participants: [String]?
    package var participant: String?
    package var unavailable: [Int]?
    package var maxMeetings: Int?
    package var minMeetings: Int?
    package var languages: [String]?
    package var delegation: Int?
    package var contact: String?

    package init(
        event: String, participants: [String]? = nil, participant: String? = nil, unavailable: [Int]? = nil,
        maxMeetings: Int? = nil, minMeetings: Int? = nil, languages: [String]? = nil, delegation: Int? = nil,
        contact: String? = nil
    ) {
        self.event = event
        self.participants = participants
        self.participant = participant
        self.unavailable = unavailable
        self.maxMeetings = maxMeetings
        self.minMeetings = minMeetings
        self.languages = languages
        self.delegation = delegation
        self.contact = contact
    }
}

package struct EventWishParams: OperationParams {
    package static let parameters = [
        Parameter.event, Parameter("from", .text, required: true, "Who wishes: a participant, by any name."),
        Parameter("to", .text, required: true, "Whom they wish to meet, on the other side."),
        Parameter("weight", .number, "How much, 0–1 (default 1); 0 withdraws the wish."),
        Parameter("reason", .text, "Why, in a few words, for the organiser."),
    ]
    package var event: String
    package var from: String
    package var to: String
    package var weight: Double?
    package var reason: String?

    package init(event: String, from: String, to: String, weight: Double? = nil, reason: String? = nil) {
        self.event = event
        self.from = from
        self.to = to
        self.weight = weight
        self.reason = reason
    }
}

package struct EventPairParams: OperationParams {
    package static let parameters = [
        Parameter.event, Parameter("province", .text, required: true, "The province, by any name."),
        Parameter.ngo,
        Parameter(
            "rule", .choice(["mustMeet", "avoid", "free"]), required: true,
            "mustMeet: the pair meets; avoid: it does not; free: the planner decides."),
    ]
    package var event: String
    package var province: String
    package var ngo: String
    package var rule: String

    package init(event: String, province: String, ngo: String, rule: String) {
        self.event = event
        self.province = province
        self.ngo = ngo
        self.rule = rule
    }
}

package struct EventPlanParams: OperationParams {
    package static let parameters = [
        Parameter.event,
        Parameter(
            "publish", .choice(["preliminary", "final"]),
            "Publish the new schedule to the participants, as preliminary or final."),
        Parameter.lang,
    ]
    package var event: String
    package var publish: String?
    package var lang: Language?

    package init(event: String, publish: String? = nil, lang: Language? = nil) {
        self.event = event
        self.publish = publish
        self.lang = lang
    }
}

package struct EventAgendaParams: OperationParams {
    package static let parameters = [
        Parameter.event,
        Parameter("participant", .text, "Only this participant's meetings (a province's or an NGO's, by any name)."),
        Parameter.lang,
    ]
    package var event: String
    package var participant: String?
    package var lang: Language?

    package init(event: String, participant: String? = nil, lang: Language? = nil) {
        self.event = event
        self.participant = participant
        self.lang = lang
    }
}

package struct EventMeetingParams: OperationParams {
    package static let actions = ["confirm", "decline", "held", "no-show", "cancel", "follow-up", "no-follow-up"]
    package static let parameters = [
        Parameter.event, Parameter("meeting", .integer, required: true, "The meeting's number in the agenda."),
        Parameter(
            "action", .choice(actions), required: true,
            "confirm or decline (a participant, for its side; the ministry, for both); held or no-show (check-in on the day); cancel; follow-up or no-follow-up (the outcome, afterwards)."
        ),
        Parameter("note", .text, "A note: why declined, what was agreed."),
    ]
    package var event: String
    package var meeting: Int
    package var action: String
    package var note: String?

    package init(event: String, meeting: Int, action: String, note: String? = nil) {
        self.event = event
        self.meeting = meeting
        self.action = action
        self.note = note
    }
}

/// An event file (the `pair --event` format) to store as a new event.
package struct EventImportParams: OperationParams {
    package static let isOpen = true
    package static let parameters = [
        Parameter("id", .text, "An id for the event (default: made from its name)."),
        Parameter("slots", .integer, required: true, "How many meeting slots the event has."),
        Parameter("provinces", .objectList, required: true, "Participating provinces, as in the event file."),
        Parameter("ngos", .objectList, required: true, "Participating NGOs, as in the event file."),
    ]
    package let id: String?
    package let event: Event

    package init(event: Event, id: String? = nil) {
        self.event = event
        self.id = id
    }

    package init(from decoder: any Decoder) throws { self = try Self.decode(try JSONValue(from: decoder)) }

    package static func decode(_ value: JSONValue?) throws -> Self {
        guard let value, case .object = value else {
            throw ServiceError.invalidParams(field: "params", expected: .key("params.eventObject"))
        }
        var reader = FieldReader(value)
        let id = reader.string("id")
        return Self(event: try Event.read(value, source: "params", ignoring: ["id"]), id: id)
    }
}

extension Parameter {
    static let event = Parameter("event", .text, required: true, "The event's id (events.list gives them).")
}
