import NGOMatchCore
import NGOMatchPlanner

// Meeting events kept in the registry. The examples run in order on the demo registry's
// event `gap-go-2026` (see `DemoEvent`), so each door can be compared on them.

private let organiser = Access.write("the ministry")
private let participantOrOrganiser = Access.write("the ministry; a province or NGO token for itself")

package enum EventCreateOperation: ServiceOperation {
    package static let name = "events.create"
    package static let command = "events create"
    package static let access = organiser
    package static let summary = "Creates a meeting event."
    package static let guidance =
        "Creates a meeting between provinces and NGOs (a day, slots of so many minutes, tables, breaks), as a draft: invite participants next, then open it for their answers."
    package static let example =
        #"{"name":"Gặp gỡ các tổ chức phi chính phủ nước ngoài 2027","date":"2027-03-10","start":"14:00","slotMinutes":20,"slots":6,"tables":4,"breaks":[3]}"#
    package static let commandExample = [
        "events", "create", "--name", "Gặp gỡ các tổ chức phi chính phủ nước ngoài 2027", "--date", "2027-03-10",
        "--start", "14:00", "--slot-minutes", "20", "--slots", "6", "--tables", "4", "--break", "3",
    ]
    package static func run(_ service: MatchService, _ params: EventSettingsParams<CreatingEvent>, caller: Caller)
        throws
        -> MeetingEvent
    { try service.createEvent(params, caller: caller) }
}

package enum EventUpdateOperation: ServiceOperation {
    package static let name = "events.update"
    package static let command = "events update"
    package static let access = organiser
    package static let summary = "Changes an event's settings."
    package static let guidance =
        "Changes the name, day, start, slots, breaks, tables, rule set or minimum score of an event."
    package static let example = #"{"event":"gap-go-2026","slotMinutes":25}"#
    package static let commandExample = ["events", "update", "gap-go-2026", "--slot-minutes", "25"]
    package static func run(_ service: MatchService, _ params: EventSettingsParams<ChangingEvent>, caller: Caller)
        throws
        -> MeetingEvent
    { try service.updateEvent(params, caller: caller) }
}

package enum EventOpenOperation: ServiceOperation {
    package static let name = "events.open"
    package static let command = "events open"
    package static let access = organiser
    package static let summary = "Opens an event to participants' answers."
    package static let guidance =
        "Lets invited provinces and NGOs state when they are free and whom they want to meet, until answersBy (default: two days before the event). The people of every participant are told by mail, and those who have not answered are reminded every two days."
    package static let example = #"{"event":"gap-go-2026","answersBy":"2026-12-10"}"#
    package static let commandExample = ["events", "open", "gap-go-2026", "--answers-by", "2026-12-10"]
    package static func run(_ service: MatchService, _ params: EventOpenParams, caller: Caller) throws -> MeetingEvent {
        try service.setEventStatus(params.event, open: true, answersBy: params.answersBy, caller: caller)
    }
}

package enum EventCloseOperation: ServiceOperation {
    package static let name = "events.close"
    package static let command = "events close"
    package static let access = organiser
    package static let summary = "Closes an event after the day."
    package static let guidance = "Closes the event: nothing changes any more but the outcomes of its meetings."
    package static let example = #"{"event":"gap-go-2026"}"#
    package static let commandExample = ["events", "close", "gap-go-2026"]
    package static func run(_ service: MatchService, _ params: EventParams, caller: Caller) throws -> MeetingEvent {
        try service.setEventStatus(params.event, open: false, caller: caller)
    }
}

package enum EventGetOperation: ServiceOperation {
    package static let name = "events.get"
    package static let command = "events show"
    package static let access = Access.read
    package static let summary = "One event: settings, participants, answers, plans."
    package static let guidance =
        "An event with its participants and what they answered. The ministry also sees every wish, the pair rules and every planning run; a participant sees its own wishes."
    package static let example = #"{"event":"gap-go-2026"}"#
    package static let commandExample = ["events", "show", "gap-go-2026"]
    package static let cost = OperationEntry.Cost.uncached
    package static func run(_ service: MatchService, _ params: EventParams, caller: Caller) throws -> EventDetails {
        try service.event(params.event, caller: caller)
    }
}

package enum EventNoticesOperation: ServiceOperation {
    package static let name = "events.notices"
    package static let command = "events notices"
    package static let access = Access.read
    package static let summary = "Who was told what about an event, and when (organiser)."
    package static let guidance =
        "Every message written about the event, newest first: to whom, what (invitation, answers open, reminder, schedule), its subject, and whether it was delivered. The organiser's to read."
    package static let example = #"{"event":"gap-go-2026"}"#
    package static let commandExample = ["events", "notices", "gap-go-2026"]
    package static let cost = OperationEntry.Cost.uncached
    package static func run(_ service: MatchService, _ params: EventParams, caller: Caller) throws -> [OutboxEntry] {
        try service.eventNotices(params.event, caller: caller)
    }
}

package enum EventsListOperation: ServiceOperation {
    package static let name = "events.list"
    package static let command = "events list"
    package static let access = Access.read
    package static let summary = "Meeting events."
    package static let guidance =
        "Meeting events, with how many provinces and NGOs are invited and how many answered; a participant sees the events it is invited to."
    package static let example = #"{}"#
    package static let commandExample = ["events", "list"]
    package static let cost = OperationEntry.Cost.uncached
    package static func run(_ service: MatchService, _ params: EventsListParams, caller: Caller) throws -> Page<
        EventSummary
    > {
        try service.events(params, caller: caller)
    }
}

package enum EventInviteOperation: ServiceOperation {
    package static let name = "events.invite"
    package static let command = "events invite"
    package static let access = organiser
    package static let summary = "Invites provinces and NGOs to an event."
    package static let guidance =
        "Invites participants by any name the registry knows (former province names too); the caps, minimums and languages given apply to each."
    package static let example = #"{"event":"gap-go-2026","participants":["Điện Biên","WWF"]}"#
    package static let commandExample = ["events", "invite", "gap-go-2026", "Điện Biên", "WWF"]
    package static func run(_ service: MatchService, _ params: EventParticipantParams, caller: Caller) throws
        -> MeetingEvent
    {
        try service.invite(params, caller: caller)
    }
}

package enum EventAvailabilityOperation: ServiceOperation {
    package static let name = "events.availability"
    package static let command = "events availability"
    package static let access = participantOrOrganiser
    package static let summary = "A participant's unavailable slots and delegation."
    package static let guidance =
        "Says which slots a participant cannot attend (numbered from 0), and optionally its meeting cap, minimum, languages and delegation size."
    package static let example = #"{"event":"gap-go-2026","participant":"Cao Bằng","unavailable":[0,1]}"#
    package static let commandExample = [
        "events", "availability", "gap-go-2026", "--participant", "Cao Bằng", "--unavailable", "0,1",
    ]
    package static func run(_ service: MatchService, _ params: EventParticipantParams, caller: Caller) throws
        -> EventParticipant
    { try service.setAvailability(params, caller: caller) }
}

package enum EventWishOperation: ServiceOperation {
    package static let name = "events.wish"
    package static let command = "events wish"
    package static let access = participantOrOrganiser
    package static let summary = "A participant's wish to meet another."
    package static let guidance =
        "Records that a province wants to meet an NGO, or an NGO a province, with a weight from 0 to 1 and a reason; only the ministry reads others' wishes."
    package static let example =
        #"{"event":"gap-go-2026","from":"Cao Bằng","to":"MCNV","weight":0.8,"reason":"commune health stations"}"#
    package static let commandExample = [
        "events", "wish", "gap-go-2026", "--from", "Cao Bằng", "--to", "MCNV", "--weight", "0.8", "--reason",
        "commune health stations",
    ]
    package static func run(_ service: MatchService, _ params: EventWishParams, caller: Caller) throws -> EventWish {
        try service.wish(params, caller: caller)
    }
}

package enum EventPairOperation: ServiceOperation {
    package static let name = "events.pair"
    package static let command = "events must-meet"
    package static let otherCommands = ["events avoid", "events free"]
    package static let access = organiser
    package static let summary = "Makes a pair meet, or keeps it apart."
    package static let guidance =
        "The organiser's rule for a province–NGO pair: mustMeet (the plan includes it), avoid (never), or free again."
    package static let example = #"{"event":"gap-go-2026","province":"Cao Bằng","ngo":"MCNV","rule":"mustMeet"}"#
    package static let commandExample = ["events", "must-meet", "gap-go-2026", "Cao Bằng", "MCNV"]
    package static func run(_ service: MatchService, _ params: EventPairParams, caller: Caller) throws -> EventPairRule
    {
        try service.setPairRule(params, caller: caller)
    }
}

package enum EventPlanOperation: ServiceOperation {
    package static let name = "events.plan"
    package static let command = "events plan"
    package static let access = organiser
    package static let cost = OperationEntry.Cost.lengthy
    package static let summary = "Plans an event's meetings, and publishes them."
    package static let guidance =
        "Plans the bilateral meetings from the participants' answers and the registry's scores, keeping every confirmed meeting in place and proposing no declined pair again; reports what changed since the published schedule and whom to tell. With publish, the plan becomes the schedule participants see."
    package static let example = #"{"event":"gap-go-2026","publish":"preliminary"}"#
    package static let commandExample = ["events", "plan", "gap-go-2026", "--publish", "preliminary"]
    package static func run(_ service: MatchService, _ params: EventPlanParams, caller: Caller) throws
        -> EventPlanResult
    {
        try service.planEvent(params, caller: caller)
    }
}

package enum EventAgendaOperation: ServiceOperation {
    package static let name = "events.agenda"
    package static let command = "events agenda"
    package static let access = Access.read
    package static let summary = "The published schedule, or one participant's agenda."
    package static let guidance =
        "The meetings of an event's published schedule, each with its number, time, table, both parties, why they meet and whether it is confirmed; with participant, only that participant's."
    package static let example = #"{"event":"gap-go-2026","participant":"Cao Bằng"}"#
    package static let commandExample = [
        "events", "agenda", "gap-go-2026", "--participant", "Cao Bằng", "--format", "json",
    ]
    package static let cost = OperationEntry.Cost.uncached
    package static func run(_ service: MatchService, _ params: EventAgendaParams, caller: Caller) throws -> EventAgenda
    {
        try service.eventAgenda(params, caller: caller).agenda
    }
}

package enum EventMeetingOperation: ServiceOperation {
    package static let name = "events.meeting.update"
    package static let command = "events confirm"
    package static let otherCommands = ["events decline", "events checkin", "events cancel", "events outcome"]
    package static let access = participantOrOrganiser
    package static let summary = "Confirms, declines, checks in or records the outcome of a meeting."
    package static let guidance =
        "Changes one meeting of the published schedule by its number: confirm or decline (each party for itself; a meeting is confirmed when both have), held or no-show and cancel (the ministry), follow-up or no-follow-up afterwards (a follow-up opens or advances the partnership for the need the pair was scored on)."
    package static let example = #"{"event":"gap-go-2026","meeting":1,"action":"confirm"}"#
    package static let commandExample = ["events", "confirm", "gap-go-2026", "--meeting", "1"]
    package static func run(_ service: MatchService, _ params: EventMeetingParams, caller: Caller) throws
        -> EventMeeting
    {
        try service.updateMeeting(params, caller: caller)
    }
}

package enum EventImportOperation: ServiceOperation {
    package static let name = "events.import"
    package static let command = "events import"
    package static let access = organiser
    package static let cost = OperationEntry.Cost.lengthy
    package static let summary = "Stores an event file as an event."
    package static let guidance =
        "Stores an event written in the event file format (as for pairing.plan, without scores) as a new event, open for answers; participants are resolved against the registry."
    package static let example =
        #"{"name":"Side meetings","slots":2,"provinces":[{"id":"Cao Bằng"}],"ngos":[{"id":"wwf-vietnam"},{"id":"mcnv"}]}"#
    package static let commandExample = ["events", "import", "{file}"]
    package static func run(_ service: MatchService, _ params: EventImportParams, caller: Caller) throws -> MeetingEvent
    {
        try service.importEvent(params, caller: caller)
    }
}

package enum EventExportOperation: ServiceOperation {
    package static let name = "events.export"
    package static let command = "events export"
    package static let access = Access.read
    package static let summary = "An event as an event file."
    package static let guidance =
        "The event in the event file format (settings, participants with their answers, wishes, pair rules): events.import takes it back and pairing.plan plans it. The ministry's only: it holds every wish."
    package static let example = #"{"event":"gap-go-2026"}"#
    package static let commandExample = ["events", "export", "gap-go-2026"]
    package static let cost = OperationEntry.Cost.uncached
    package static func run(_ service: MatchService, _ params: EventParams, caller: Caller) throws -> JSONValue {
        try service.exportEvent(params.event, caller: caller)
    }
}
