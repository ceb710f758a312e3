import Foundation
import NGOMatchCore

/// A meeting of provinces and NGOs to be scheduled: who comes, when they are free,
/// how many tables there are, and which pairs must or must not meet.
///
/// Participants are named as the organiser writes them; resolving the names
/// against a registry is the caller's job (see `PlanningProblem`).
package struct Event: Hashable, Sendable {
    package struct Participant: Hashable, Sendable {
        package var id: String
        /// Defaults to the number of slots.
        package var maxMeetings: Int?
        package var minMeetings: Int
        package var unavailable: [Int]
        /// Languages the delegation can meet in ("vi", "en"); a pair sharing none needs an interpreter.
        package var languages: [String]
        /// How many people come.
        package var delegation: Int?
        /// Who to reach, for the organiser.
        package var contact: String?

        package init(
            id: String, maxMeetings: Int? = nil, minMeetings: Int = 0, unavailable: [Int] = [],
            languages: [String] = [], delegation: Int? = nil, contact: String? = nil
        ) {
            self.id = id
            self.maxMeetings = maxMeetings
            self.minMeetings = minMeetings
            self.unavailable = unavailable
            self.languages = languages
            self.delegation = delegation
            self.contact = contact
        }
    }

    package struct PairScore: Hashable, Sendable {
        package var province: String
        package var ngo: String
        package var score: Double

        package init(province: String, ngo: String, score: Double) {
            self.province = province
            self.ngo = ngo
            self.score = score
        }
    }

    package struct Pair: Hashable, Sendable {
        package var province: String
        package var ngo: String

        package init(province: String, ngo: String) {
            self.province = province
            self.ngo = ngo
        }
    }

    /// A participant's wish to meet another; `from` and `to` may be either side.
    package struct Request: Hashable, Sendable {
        package var from: String
        package var to: String
        /// 0–1.
        package var weight: Double
        /// Why, in the participant's words; the organiser reads it.
        package var reason: String?

        package init(from: String, to: String, weight: Double = 1, reason: String? = nil) {
            self.from = from
            self.to = to
            self.weight = weight
            self.reason = reason
        }
    }

    package var name: String
    /// The name in English, when the event has one.
    package var nameEn: String?
    package var slots: Int
    /// Slots nobody can meet in (the plenary, lunch).
    package var breaks: [Int]
    package var date: CalendarDate?
    /// Minutes after midnight, local time in Vietnam.
    package var start: Int?
    package var slotMinutes: Int?
    /// Meetings that can run at once in one slot; nil means unlimited.
    package var tables: Int?
    package var tableLabels: [String]?
    package var minScore: Double
    package var provinces: [Participant]
    package var ngos: [Participant]
    /// When present, only these pairs may meet, with these scores.
    package var scores: [PairScore]?
    package var mustMeet: [Pair]
    package var avoid: [Pair]
    package var requests: [Request]
    /// The rule set that scores pairs from the registry, when the event names one.
    package var rules: String?

    package init(
        name: String, slots: Int, date: CalendarDate? = nil, start: Int? = nil, slotMinutes: Int? = nil,
        tables: Int? = nil, tableLabels: [String]? = nil, minScore: Double = 0, provinces: [Participant],
        ngos: [Participant], scores: [PairScore]? = nil, mustMeet: [Pair] = [], avoid: [Pair] = [],
        requests: [Request] = [], nameEn: String? = nil, breaks: [Int] = [], rules: String? = nil
    ) {
        self.name = name
        self.nameEn = nameEn
        self.breaks = breaks
        self.rules = rules
        self.slots = slots
        self.date = date
        self.start = start
        self.slotMinutes = slotMinutes
        self.tables = tables
        self.tableLabels = tableLabels
        self.minScore = minScore
        self.provinces = provinces
        self.ngos = ngos
        self.scores = scores
        self.mustMeet = mustMeet
        self.avoid = avoid
        self.requests = requests
    }

    /// Slots fit in one 64-bit mask per participant; no real meeting has more.
    package static let maximumSlots = 64

    /// The label people see for a table: its entry in `tableLabels`, or its number from 1.
    package func tableLabel(_ table: Int) -> String {
        if let labels = tableLabels, labels.indices.contains(table) { return labels[table] }
        return "Table \(table + 1)"
    }

    /// The slot's start as minutes after midnight, when the event says when it starts.
    package func slotStart(_ slot: Int) -> Int? {
        guard let start else { return nil }
        return start + slot * (slotMinutes ?? 20)
    }

    /// "14:20–14:40", or "slot 2" when the event has no clock times.
    package func slotLabel(_ slot: Int) -> String {
        guard let begin = slotStart(slot) else { return "slot \(slot)" }
        return "\(Self.clock(begin))–\(Self.clock(begin + (slotMinutes ?? 20)))"
    }

    package static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60 % 24
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
