import NGOMatchCore

/// A province or an NGO invited to a meeting event, with what it told the organiser.
package struct EventParticipant: Codable, Hashable, Sendable {
    package enum Side: String, Codable, Hashable, Sendable {
        case province, ngo
    }

    package var side: Side
    /// The registry's id: a province's (`cao-bang`) or an NGO's (`mcnv`).
    package var id: String
    package var name: String
    /// Defaults to the number of slots.
    package var maxMeetings: Int?
    package var minMeetings: Int
    /// Slot indices from 0, as in the event file.
    package var unavailable: [Int]
    /// Languages the delegation can meet in ("vi", "en"); two sharing none need an interpreter.
    package var languages: [String]
    package var delegation: Int?
    package var contact: String?
    /// When the participant last said when it is free or whom it wants to meet: who has answered.
    package var answeredAt: String?

    package init(
        side: Side, id: String, name: String, maxMeetings: Int? = nil, minMeetings: Int = 0, unavailable: [Int] = [],
        languages: [String] = [], delegation: Int? = nil, contact: String? = nil, answeredAt: String? = nil
    ) {
        self.side = side
        self.id = id
        self.name = name
        self.maxMeetings = maxMeetings
        self.minMeetings = minMeetings
        self.unavailable = unavailable
        self.languages = languages
        self.delegation = delegation
        self.contact = contact
        self.answeredAt = answeredAt
    }

    /// The participant as the planner's event file writes it.
    package var planning: Event.Participant {
        Event.Participant(
            id: id, maxMeetings: maxMeetings, minMeetings: minMeetings, unavailable: unavailable,
            languages: languages, delegation: delegation, contact: contact)
    }
}

/// A participant's wish to meet one on the other side. Wishes are the organiser's to read:
/// another participant never sees them.
package struct EventWish: Codable, Hashable, Sendable {
    package var province: String
    package var ngo: String
    /// Who asked.
    package var from: EventParticipant.Side
    /// 0–1.
    package var weight: Double
    package var reason: String?

    package init(province: String, ngo: String, from: EventParticipant.Side, weight: Double, reason: String? = nil) {
        self.province = province
        self.ngo = ngo
        self.from = from
        self.weight = weight
        self.reason = reason
    }
}

/// A province–NGO pair the organiser requires or forbids.
package struct EventPair: Codable, Hashable, Sendable {
    package var province: String
    package var ngo: String

    package init(province: String, ngo: String) {
        self.province = province
        self.ngo = ngo
    }
}
