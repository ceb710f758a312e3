import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchStore

/// An event as its reader may see it: participants' wishes and contacts and the organiser's
/// pair rules are for the organiser; a participant sees its own wishes.
package struct EventDetails: Encodable, Sendable {
    package let event: MeetingEvent
    /// Participants who have said when they are free or whom they want to meet.
    package let answered: Int
    /// Every planning run (the organiser's).
    package let plans: [EventPlanRecord]
}

/// A line of `events.list`.
package struct EventSummary: Encodable, Sendable {
    package let id: String
    package let name: String
    package let nameEn: String?
    package let date: CalendarDate?
    package let status: MeetingEvent.Status
    package let published: String?
    package let provinces: Int
    package let ngos: Int
    package let answered: Int
}

/// A pair rule as set.
package struct EventPairRule: Encodable, Sendable {
    package let event: String
    package let province: String
    package let ngo: String
    package let rule: String
}

extension Caller {
    /// The ministry (or the local user) organises events.
    var isOrganiser: Bool {
        switch self {
        case .local, .token(_, .ministry), .person(_, .ministry, .organise): true
        default: false
        }
    }

    /// Whether the caller is this participant.
    func isParty(_ side: EventParticipant.Side, _ id: String) -> Bool {
        switch (role, side) {
        case (.province(let own), .province): own.rawValue == id
        case (.ngo(let own), .ngo): own.rawValue == id
        default: false
        }
    }

    func mayOrganise(_ method: String) throws {
        if isOrganiser { return }
        guard let role else { throw ServiceError.unauthorized }
        throw ServiceError.forbidden(.key("forbidden.events", method, role.description))
    }

    /// A participant answers for itself; the organiser for anyone.
    func mayAnswer(for participant: EventParticipant, _ method: String) throws {
        if isOrganiser { return }
        _ = try writer(method)
        if isParty(participant.side, participant.id) { return }
        guard let role else { throw ServiceError.unauthorized }
        throw ServiceError.forbidden(.key("forbidden.answer", method, role.description, participant.name))
    }
}

extension MatchService {
    // MARK: - Settings

    package func createEvent(_ params: EventSettingsParams<CreatingEvent>, caller: Caller) throws -> MeetingEvent {
        try caller.mayOrganise("events.create")
        var problems: [FieldProblem] = []
        if params.name == nil { problems.append(FieldProblem(field: "name", .key("problem.required"))) }
        if params.slots == nil { problems.append(FieldProblem(field: "slots", .key("problem.required"))) }
        var event = MeetingEvent(id: "", name: params.name ?? "", slots: params.slots ?? 1, status: .draft)
        problems += try apply(params, to: &event)
        if let id = params.id, !Slug.isValid(id) {
            problems.append(
                FieldProblem(field: "id", .key("problem.badID", id, Slug.make(from: id))))
        }
        try refuse(problems, event: params.name ?? "—")
        event.id = try params.id ?? freeEventID(Slug.make(from: event.name))
        return try registry.createEvent(event, audit: caller.audit("events.create"))
    }

    package func updateEvent(_ params: EventSettingsParams<ChangingEvent>, caller: Caller) throws -> MeetingEvent {
        try caller.mayOrganise("events.update")
        guard let id = params.event else {
            throw ServiceError.invalidParams(field: "event", expected: .key("problem.required"))
        }
        return try registry.changeEventSettings(id, audit: caller.audit("events.update")) { event in
            try refuseIfClosed(event, "events.update")
            var problems = try apply(params, to: &event)
            for participant in event.participants {
                for slot in participant.unavailable where slot >= event.slots {
                    problems.append(
                        FieldProblem(
                            field: "slots",
                            .key("problem.slotsDropAnswer", event.slots, slot, participant.name, slot + 1)))
                }
            }
            try refuse(problems, event: event.name)
        }
    }

    /// Opens the event to participants' answers, or closes it after the day.
    /// Opening tells every invited participant's people that answers are open, and until when:
    /// `answersBy`, else two days before the event, else no day (and no reminders).
    package func setEventStatus(_ id: String, open: Bool, answersBy: String? = nil, caller: Caller) throws
        -> MeetingEvent
    {
        let method = open ? "events.open" : "events.close"
        try caller.mayOrganise(method)
        let due = try answersBy.map { text -> CalendarDate in
            guard let day = CalendarDate(text) else {
                throw ServiceError.invalidParams(field: "answersBy", expected: .key("params.day", text))
            }
            return day
        }
        let people = open ? peopleOfParticipants(try registry.event(id).participants) : [:]
        let opening: (MeetingEvent, MeetingEvent) -> [OutboxDraft] = { before, after in
            open && before.status == .draft && after.status == .open ? self.openingNotices(after, people: people) : []
        }
        return try registry.changeEventSettings(id, audit: caller.audit(method), notices: opening) { event in
            if open {
                try refuseIfClosed(event, method)
                if let due, let day = event.date, due > day {
                    throw ServiceError.invalidParams(
                        field: "answersBy", expected: .key("params.answersAfterEvent", due.description, day.description)
                    )
                }
                if let due { event.answersBy = due }
                if event.answersBy == nil, let day = event.date {
                    event.answersBy = CalendarDate(dayNumber: day.dayNumber - 2)
                }
                if event.status == .draft { event.status = .open }
            } else {
                event.status = .closed
            }
        }
    }

    /// Applies the settings given; returns what is wrong with them.
    private func apply<Purpose>(_ params: EventSettingsParams<Purpose>, to event: inout MeetingEvent) throws
        -> [FieldProblem]
    {
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ what: Phrase) {
            problems.append(FieldProblem(field: field, what))
        }
        if let name = params.name {
            if name.trimmingCharacters(in: .whitespaces).isEmpty { problem("name", .key("problem.empty")) }
            event.name = name
        }
        if let nameEn = params.nameEn { event.nameEn = nameEn.isEmpty ? nil : nameEn }
        if let slots = params.slots {
            if (1...Event.maximumSlots).contains(slots) {
                event.slots = slots
            } else {
                problem("slots", .key("problem.outOfRange", 1, Event.maximumSlots, slots))
            }
        }
        if let text = params.date {
            if let date = CalendarDate(text) {
                event.date = date
            } else {
                problem("date", .key("problem.expectedDate", text))
            }
        }
        if let text = params.start {
            if let start = Event.parseClock(text) {
                event.start = start
            } else {
                problem("start", .key("problem.expectedClock", text))
            }
        }
        if let minutes = params.slotMinutes {
            if (1...24 * 60).contains(minutes) {
                event.slotMinutes = minutes
            } else {
                problem("slotMinutes", .key("problem.outOfRange", 1, 1440, minutes))
            }
        }
        if let breaks = params.breaks { event.breaks = Array(Set(breaks)).sorted() }
        for slot in event.breaks where !(0..<event.slots).contains(slot) {
            problem("breaks", .key("problem.noSuchSlot", slot, event.slots - 1))
        }
        if let tables = params.tables {
            if tables >= 1 { event.tables = tables } else { problem("tables", .key("problem.atLeast", 1, tables)) }
        }
        if let labels = params.tableLabels { event.tableLabels = labels.isEmpty ? nil : labels }
        if let labels = event.tableLabels, let tables = event.tables, labels.count < tables {
            problem("tableLabels", .key("problem.tableLabels", labels.count, tables))
        }
        if let rules = params.rules {
            do {
                _ = try self.rules(rules)
                event.rules = rules
            } catch {
                problem("rules", .of(error))
            }
        }
        if let minScore = params.minScore {
            if (0...100).contains(minScore) {
                event.minScore = minScore
            } else {
                problem("minScore", .key("problem.outOfRange", 0, 100, minScore))
            }
        }
        return problems
    }

    func freeEventID(_ base: String) throws -> String {
        let taken = Set(try registry.events().map(\.id))
        let start = base.isEmpty ? "event" : base
        var id = start
        var number = 2
        while taken.contains(id) {
            id = "\(start)-\(number)"
            number += 1
        }
        return id
    }

    func refuse(_ problems: [FieldProblem], event name: String) throws {
        guard problems.isEmpty else {
            throw ValidationFailure(records: [
                RecordProblems(location: .verbatim("params"), record: .key("record.event", name), problems: problems)
            ])
        }
    }

    func refuseIfClosed(_ event: MeetingEvent, _ method: String) throws {
        if event.status == .closed {
            throw RegistryError.conflict(.key("conflict.eventClosed", method, event.id))
        }
    }

    // MARK: - Reading

    package func event(_ id: String, caller: Caller) throws -> EventDetails {
        let event = try registry.event(id)
        try mayRead(event, caller: caller, "events.get")
        let answered = event.participants.filter { $0.answeredAt != nil }.count
        guard !caller.isOrganiser else {
            return EventDetails(event: event, answered: answered, plans: try registry.eventPlans(id))
        }
        var seen = event
        seen.wishes = event.wishes.filter { wish in
            caller.isParty(wish.from, wish.from == .province ? wish.province : wish.ngo)
        }
        seen.mustMeet = []
        seen.avoid = []
        seen.participants = event.participants.map { participant in
            var shown = participant
            if !caller.isParty(participant.side, participant.id) { shown.contact = nil }
            return shown
        }
        return EventDetails(event: seen, answered: answered, plans: [])
    }

    package func events(_ params: EventsListParams, caller: Caller) throws -> Page<EventSummary> {
        if case .anonymous = caller { throw ServiceError.unauthorized }
        let events = try registry.events().filter { event in
            (params.status == nil || event.status.rawValue == params.status)
                && (caller.isOrganiser || event.participants.contains { caller.isParty($0.side, $0.id) })
        }
        let summaries = events.map { event in
            EventSummary(
                id: event.id, name: event.name, nameEn: event.nameEn, date: event.date, status: event.status,
                published: event.published, provinces: event.provinces.count, ngos: event.ngos.count,
                answered: event.participants.filter { $0.answeredAt != nil }.count)
        }
        return try Paging.page(summaries, list: "events", key: \.id, limit: params.limit, after: params.after)
    }

    /// The organiser reads every event; a participant the events it is invited to.
    func mayRead(_ event: MeetingEvent, caller: Caller, _ method: String) throws {
        if caller.isOrganiser || event.participants.contains(where: { caller.isParty($0.side, $0.id) }) { return }
        guard let role = caller.role else { throw ServiceError.unauthorized }
        throw ServiceError.forbidden(.key("forbidden.notInvited", method, role.description, event.id))
    }

    // MARK: - Participants

    /// A province or an NGO, by any name the registry knows.
    func party(_ name: String) throws -> (side: EventParticipant.Side, id: String, name: String) {
        if let province = reference.provinces.find(name) {
            return (.province, province.id.rawValue, province.name.vi)
        }
        do {
            let ngo = try ngoDirectory().resolve(name)
            return (.ngo, ngo.id.rawValue, ngo.name)
        } catch let error as LookupError {
            guard case .unknown(let ngoSuggestions) = error.problem else { throw error }
            var suggestions = ngoSuggestions
            do {
                _ = try reference.provinces.resolve(name)
            } catch {
                if case .unknown(let close) = error.problem { suggestions = close + suggestions }
            }
            throw LookupError(
                kind: "province or NGO", input: name, problem: .unknown(suggestions: Array(suggestions.prefix(3))))
        }
    }

    /// An invited participant, by any name.
    func invited(_ name: String, in event: String) throws -> EventParticipant {
        let party = try party(name)
        guard let participant = try registry.eventParticipant(event, side: party.side, party: party.id) else {
            _ = try registry.eventPlans(event)  // an unknown event is reported as such
            throw RegistryError.conflict(.key("conflict.notInvited", party.name, event, name))
        }
        return participant
    }

    package func invite(_ params: EventParticipantParams, caller: Caller) throws -> MeetingEvent {
        try caller.mayOrganise("events.invite")
        let names = params.participants ?? params.participant.map { [$0] } ?? []
        guard !names.isEmpty else {
            throw ServiceError.invalidParams(field: "participants", expected: .key("params.inviteSomeone"))
        }
        var problems: [FieldProblem] = []
        var participants: [EventParticipant] = []
        for (index, name) in names.enumerated() {
            do {
                let party = try party(name)
                guard !participants.contains(where: { $0.side == party.side && $0.id == party.id }) else { continue }
                var participant =
                    try registry.eventParticipant(params.event, side: party.side, party: party.id)
                    ?? EventParticipant(side: party.side, id: party.id, name: party.name)
                answer(params, into: &participant)
                participants.append(participant)
            } catch let error as LookupError {
                problems.append(FieldProblem(field: "participants[\(index)]", error.phrase))
            }
        }
        try refuse(problems, event: params.event)
        let people = peopleOfParticipants(participants)
        return try registry.saveEventParticipants(
            params.event, participants, audit: caller.audit("events.invite"),
            check: { event in
                try refuseIfClosed(event, "events.invite")
                try refuse(participants.flatMap { answerProblems($0, slots: event.slots) }, event: event.name)
            },
            notices: { before, after in
                invitationNotices(
                    before: before, after: after,
                    organiser: { (try? self.inviterName(caller, $0)) ?? Messages.text("org.ministry", $0) },
                    people: people)
            })
    }

    /// A participant's availability and what it tells the organiser.
    package func setAvailability(_ params: EventParticipantParams, caller: Caller) throws -> EventParticipant {
        guard let name = params.participant else {
            throw ServiceError.invalidParams(field: "participant", expected: .key("params.participantRequired"))
        }
        let found = try invited(name, in: params.event)
        try caller.mayAnswer(for: found, "events.availability")
        return try registry.changeEventParticipant(
            params.event, side: found.side, party: found.id, audit: caller.audit("events.availability")
        ) { participant, event in
            try mayAnswerNow(event, caller: caller, "events.availability")
            answer(params, into: &participant)
            try refuse(answerProblems(participant, slots: event.slots), event: event.name)
        }
    }

    /// Participants answer while the event is open (and after planning, to replan); the organiser until it closes.
    func mayAnswerNow(_ event: MeetingEvent, caller: Caller, _ method: String) throws {
        try refuseIfClosed(event, method)
        if event.status == .draft && !caller.isOrganiser {
            throw RegistryError.conflict(.key("conflict.eventNotOpen", method, event.id))
        }
    }

    private func answer(_ params: EventParticipantParams, into participant: inout EventParticipant) {
        if let unavailable = params.unavailable { participant.unavailable = Array(Set(unavailable)).sorted() }
        if let max = params.maxMeetings { participant.maxMeetings = max }
        if let min = params.minMeetings { participant.minMeetings = min }
        if let languages = params.languages { participant.languages = languages.map { $0.lowercased() } }
        if let delegation = params.delegation { participant.delegation = delegation }
        if let contact = params.contact { participant.contact = contact.isEmpty ? nil : contact }
    }

    private func answerProblems(_ participant: EventParticipant, slots: Int) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ what: Phrase) {
            problems.append(FieldProblem(field: field, .sequence([.verbatim(participant.name + ": "), what])))
        }
        for slot in participant.unavailable where !(0..<slots).contains(slot) {
            problem("unavailable", .key("problem.noSuchSlot", slot, slots - 1))
        }
        if let max = participant.maxMeetings, !(0...slots).contains(max) {
            problem("maxMeetings", .key("problem.outOfRange", 0, slots, max))
        }
        if !(0...slots).contains(participant.minMeetings) {
            problem("minMeetings", .key("problem.outOfRange", 0, slots, participant.minMeetings))
        }
        if let max = participant.maxMeetings, participant.minMeetings > max {
            problem("minMeetings", .key("problem.minAboveMax", participant.minMeetings, max))
        }
        if let delegation = participant.delegation, !(1...1000).contains(delegation) {
            problem("delegation", .key("problem.outOfRange", 1, 1000, delegation))
        }
        for language in participant.languages
        where !(2...3).contains(language.count) || !language.allSatisfy(\.isLetter) {
            problem("languages", .key("problem.languageCode", language))
        }
        return problems
    }

    // MARK: - Wishes and pair rules

    package func wish(_ params: EventWishParams, caller: Caller) throws -> EventWish {
        let from = try invited(params.from, in: params.event)
        let to = try invited(params.to, in: params.event)
        try caller.mayAnswer(for: from, "events.wish")
        guard from.side != to.side else {
            throw ServiceError.invalidParams(
                field: "to",
                expected: .key(
                    from.side == .province ? "params.bothProvinces" : "params.bothNGOs", from.name, to.name))
        }
        let weight = params.weight ?? 1
        guard (0...1).contains(weight) else {
            throw ServiceError.invalidParams(field: "weight", expected: .key("problem.outOfRange", 0, 1, weight))
        }
        let wish = EventWish(
            province: from.side == .province ? from.id : to.id, ngo: from.side == .ngo ? from.id : to.id,
            from: from.side, weight: weight, reason: params.reason)
        return try registry.saveEventWish(params.event, wish, audit: caller.audit("events.wish")) { event in
            try mayAnswerNow(event, caller: caller, "events.wish")
        }
    }

    package func setPairRule(_ params: EventPairParams, caller: Caller) throws -> EventPairRule {
        try caller.mayOrganise("events.pair")
        let rules = ["mustMeet", "avoid", "free"]
        guard rules.contains(params.rule) else {
            throw ServiceError.invalidParams(
                field: "rule",
                expected: .notOneOf(params.rule, rules))
        }
        let province = try invited(params.province, in: params.event)
        let ngo = try invited(params.ngo, in: params.event)
        guard province.side == .province, ngo.side == .ngo else {
            throw ServiceError.invalidParams(
                field: province.side == .province ? "ngo" : "province",
                expected: .key("params.pairSides", province.name, ngo.name))
        }
        let rule = params.rule == "free" ? nil : params.rule
        _ = try registry.saveEventPairRule(
            params.event, EventPair(province: province.id, ngo: ngo.id), rule: rule,
            audit: caller.audit("events.pair")
        ) { event in try refuseIfClosed(event, "events.pair") }
        return EventPairRule(event: params.event, province: province.id, ngo: ngo.id, rule: params.rule)
    }
}
