import NGOMatchCore
import NGOMatchPlanner

/// Which operation settings are for: a new event (with an optional id) or an existing one.
public protocol EventSettingsPurpose: Sendable {
    static var leading: [Parameter] { get }
}

public enum CreatingEvent: EventSettingsPurpose {
    public static let leading = [Parameter("id", .text, "An id for the event (default: made from the name).")]
}

public enum ChangingEvent: EventSettingsPurpose {
    public static let leading = [Parameter.event]
}

/// The settings of an event, as `events.create` takes them and `events.update` changes them.
public struct EventSettingsParams<Purpose: EventSettingsPurpose>: OperationParams {
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
    public static var parameters: [Parameter] { Purpose.leading + settings }

    public var event: String?
    public var id: String?
    public var name: String?
    public var nameEn: String?
    public var date: String?
    public var start: String?
    public var slotMinutes: Int?
    public var slots: Int?
    public var breaks: [Int]?
    public var tables: Int?
    public var tableLabels: [String]?
    public var rules: String?
    public var minScore: Double?

    public init(
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
public struct EventParams: OperationParams {
    public static let parameters = [Parameter.event, Parameter.lang]
    public var event: String
    public var lang: Language?

    public init(event: String, lang: Language? = nil) {
        self.event = event
        self.lang = lang
    }
}

public struct EventOpenParams: OperationParams {
    public static let parameters = [
        Parameter.event,
        Parameter(
            "answersBy", .text,
            "The last day for answers, YYYY-MM-DD (default: two days before the event). Participants who have not answered are reminded every two days until then."
        ),
        Parameter.lang,
    ]
    public var event: String
    public var answersBy: String?
    public var lang: Language?

    public init(event: String, answersBy: String? = nil, lang: Language? = nil) {
        self.event = event
        self.answersBy = answersBy
        self.lang = lang
    }
}

public struct EventsListParams: OperationParams {
    public static let parameters = [
        Parameter(
            "status", .choice(MeetingEvent.Status.allCases.map(\.rawValue)), "Only events in this state."),
        Paging.limit, Paging.after,
    ]
    public var status: String?
    public var limit: Int?
    public var after: String?

    public init(status: String? = nil, limit: Int? = nil, after: String? = nil) {
        self.status = status
        self.limit = limit
        self.after = after
    }
}

/// What a participant tells the organiser; `events.invite` sets it for everyone it invites.
public struct EventParticipantParams: OperationParams {
    static let answers = [
        Parameter("unavailable", .integerList, "Slots the participant cannot attend, numbered from 0."),
        Parameter("maxMeetings", .integer, "At most this many meetings."),
        Parameter("minMeetings", .integer, "At least this many meetings, if any schedule allows."),
        Parameter("languages", .textList, "Languages the delegation meets in: vi, en."),
        Parameter("delegation", .integer, "How many people come."),
        Parameter("contact", .text, "Who to reach, for the organiser."),
    ]
    public static let parameters =
        [
            Parameter.event,
            Parameter(
                "participants", .textList,
                "events.invite: provinces and NGOs by any name the registry knows ('ha giang', 'MCNV')."),
            Parameter("participant", .text, "events.availability: the participant, by any name."),
        ] + answers

    public var event: String
    public var participants: [String]?
    public var participant: String?
    public var unavailable: [Int]?
    public var maxMeetings: Int?
    public var minMeetings: Int?
    public var languages: [String]?
    public var delegation: Int?
    public var contact: String?

    public init(
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

public struct EventWishParams: OperationParams {
    public static let parameters = [
        Parameter.event, Parameter("from", .text, required: true, "Who wishes: a participant, by any name."),
        Parameter("to", .text, required: true, "Whom they wish to meet, on the other side."),
        Parameter("weight", .number, "How much, 0–1 (default 1); 0 withdraws the wish."),
        Parameter("reason", .text, "Why, in a few words, for the organiser."),
    ]
    public var event: String
    public var from: String
    public var to: String
    public var weight: Double?
    public var reason: String?

    public init(event: String, from: String, to: String, weight: Double? = nil, reason: String? = nil) {
        self.event = event
        self.from = from
        self.to = to
        self.weight = weight
        self.reason = reason
    }
}

public struct EventPairParams: OperationParams {
    public static let parameters = [
        Parameter.event, Parameter("province", .text, required: true, "The province, by any name."),
        Parameter.ngo,
        Parameter(
            "rule", .choice(["mustMeet", "avoid", "free"]), required: true,
            "mustMeet: the pair meets; avoid: it does not; free: the planner decides."),
    ]
    public var event: String
    public var province: String
    public var ngo: String
    public var rule: String

    public init(event: String, province: String, ngo: String, rule: String) {
        self.event = event
        self.province = province
        self.ngo = ngo
        self.rule = rule
    }
}

public struct EventPlanParams: OperationParams {
    public static let parameters = [
        Parameter.event,
        Parameter(
            "publish", .choice(["preliminary", "final"]),
            "Publish the new schedule to the participants, as preliminary or final."),
        Parameter.lang,
    ]
    public var event: String
    public var publish: String?
    public var lang: Language?

    public init(event: String, publish: String? = nil, lang: Language? = nil) {
        self.event = event
        self.publish = publish
        self.lang = lang
    }
}

public struct EventAgendaParams: OperationParams {
    public static let parameters = [
        Parameter.event,
        Parameter("participant", .text, "Only this participant's meetings (a province's or an NGO's, by any name)."),
        Parameter.lang,
    ]
    public var event: String
    public var participant: String?
    public var lang: Language?

    public init(event: String, participant: String? = nil, lang: Language? = nil) {
        self.event = event
        self.participant = participant
        self.lang = lang
    }
}

public struct EventMeetingParams: OperationParams {
    public static let actions = ["confirm", "decline", "held", "no-show", "cancel", "follow-up", "no-follow-up"]
    public static let parameters = [
        Parameter.event, Parameter("meeting", .integer, required: true, "The meeting's number in the agenda."),
        Parameter(
            "action", .choice(actions), required: true,
            "confirm or decline (a participant, for its side; the ministry, for both); held or no-show (check-in on the day); cancel; follow-up or no-follow-up (the outcome, afterwards)."
        ),
        Parameter("note", .text, "A note: why declined, what was agreed."),
    ]
    public var event: String
    public var meeting: Int
    public var action: String
    public var note: String?

    public init(event: String, meeting: Int, action: String, note: String? = nil) {
        self.event = event
        self.meeting = meeting
        self.action = action
        self.note = note
    }
}

/// An event file (the `pair --event` format) to store as a new event.
public struct EventImportParams: OperationParams {
    public static let isOpen = true
    public static let parameters = [
        Parameter("id", .text, "An id for the event (default: made from its name)."),
        Parameter("slots", .integer, required: true, "How many meeting slots the event has."),
        Parameter("provinces", .objectList, required: true, "Participating provinces, as in the event file."),
        Parameter("ngos", .objectList, required: true, "Participating NGOs, as in the event file."),
    ]
    public let id: String?
    public let event: Event

    public init(event: Event, id: String? = nil) {
        self.event = event
        self.id = id
    }

    public init(from decoder: any Decoder) throws { self = try Self.decode(try JSONValue(from: decoder)) }

    public static func decode(_ value: JSONValue?) throws -> Self {
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
