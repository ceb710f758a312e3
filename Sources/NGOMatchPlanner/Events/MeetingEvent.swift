import NGOMatchCore

/// A meeting between provinces and NGOs kept in the registry: the ministry invites, the
/// participants say when they are free and whom they want to meet, the ministry plans and
/// publishes, the participants confirm, and outcomes are recorded after the day.
package struct MeetingEvent: Codable, Hashable, Sendable {
    /// `draft → open → planned → published → closed`.
    package enum Status: String, Codable, CaseIterable, Hashable, Sendable {
        /// Being prepared by the ministry.
        case draft
        /// Participants may state availability and wishes.
        case open
        /// At least one plan was made; none published yet.
        case planned
        /// A schedule is published (preliminary or final).
        case published
        /// After the day: nothing changes but outcomes.
        case closed
    }

    package var id: String
    package var name: String
    package var nameEn: String?
    package var date: CalendarDate?
    /// Minutes after midnight, Vietnam time.
    package var start: Int?
    package var slotMinutes: Int
    package var slots: Int
    /// Slots nobody can meet in (the plenary).
    package var breaks: [Int]
    package var tables: Int?
    package var tableLabels: [String]?
    package var rules: String?
    package var minScore: Double
    package var status: Status
    package var participants: [EventParticipant]
    package var wishes: [EventWish]
    package var mustMeet: [EventPair]
    package var avoid: [EventPair]
    /// The published schedule's kind, `preliminary` or `final`, once one is published.
    package var published: String?
    /// The last day for answers, set when the event is opened: invited participants who have
    /// not answered are reminded until then.
    package var answersBy: CalendarDate?
    package var createdAt: String?
    package var updatedAt: String?

    package init(
        id: String, name: String, nameEn: String? = nil, date: CalendarDate? = nil, start: Int? = nil,
        slotMinutes: Int = 20, slots: Int, breaks: [Int] = [], tables: Int? = nil, tableLabels: [String]? = nil,
        rules: String? = nil, minScore: Double = 0, status: Status = .draft, participants: [EventParticipant] = [],
        wishes: [EventWish] = [], mustMeet: [EventPair] = [], avoid: [EventPair] = [], published: String? = nil,
        createdAt: String? = nil, updatedAt: String? = nil
    ) {
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
        self.status = status
        self.participants = participants
        self.wishes = wishes
        self.mustMeet = mustMeet
        self.avoid = avoid
        self.published = published
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    package var provinces: [EventParticipant] { participants.filter { $0.side == .province } }
    package var ngos: [EventParticipant] { participants.filter { $0.side == .ngo } }

    package func participant(_ side: EventParticipant.Side, _ id: String) -> EventParticipant? {
        participants.first { $0.side == side && $0.id == id }
    }

    /// The event as the planner and the event file take it. Pairs that declined a meeting are
    /// avoided: a declined meeting is not proposed again.
    package func planning(declined: [EventPair] = []) -> Event {
        let avoided = avoid + declined.filter { !avoid.contains($0) && !mustMeet.contains($0) }
        return Event(
            name: name, slots: slots, date: date, start: start, slotMinutes: slotMinutes, tables: tables,
            tableLabels: tableLabels, minScore: minScore, provinces: provinces.map(\.planning),
            ngos: ngos.map(\.planning), mustMeet: mustMeet.map { .init(province: $0.province, ngo: $0.ngo) },
            avoid: avoided.map { .init(province: $0.province, ngo: $0.ngo) },
            requests: wishes.map { wish in
                Event.Request(
                    from: wish.from == .province ? wish.province : wish.ngo,
                    to: wish.from == .province ? wish.ngo : wish.province, weight: wish.weight, reason: wish.reason)
            }, nameEn: nameEn, breaks: breaks, rules: rules)
    }

    /// "14:00–14:20", or "slot 2" without a start time.
    package func slotLabel(_ slot: Int) -> String { planning().slotLabel(slot) }
}
