import Foundation
import NGOMatchCore

/// An event compiled for the planner: participants by position, slot masks, and
/// the pairs that may meet with their scores and values.
package struct PlanningProblem: Sendable {
    package struct Party: Hashable, Sendable {
        package let id: String
        package let name: String
        package let maxMeetings: Int
        package let minMeetings: Int
        /// Bit `s` is set when the party can meet in slot `s`.
        package let available: UInt64

        package var freeSlots: Int { available.nonzeroBitCount }
    }

    /// A pair that may meet.
    package struct Candidate: Hashable, Sendable {
        package let province: Int
        package let ngo: Int
        /// The pair's score as given or computed.
        package let score: Double
        /// What the planner maximises: the score raised by wishes (see `Wishes`).
        package let value: Double
        package let mustMeet: Bool
        /// Slots both parties are free in.
        package let slots: UInt64
        /// The top reasons for the pairing, for agendas.
        package let reasons: [String]
        package let wish: Wishes.Kind?
    }

    package let event: Event
    package let slotCount: Int
    /// nil when the event sets no limit.
    package let tables: Int?
    package let provinces: [Party]
    package let ngos: [Party]
    /// Sorted by value, best first; ties by province and NGO so that plans repeat exactly.
    package let candidates: [Candidate]
    /// Constraints that cannot all hold, found before planning (e.g. a must-meet pair with no common free slot).
    package let conflicts: [PlanConflict]

    package var allSlots: UInt64 { slotCount == 64 ? ~0 : (1 << UInt64(slotCount)) - 1 }
    package var tableLimit: Int { tables ?? Int.max / 4 }

    /// - Parameter scores: every pair that may meet; when the event lists scores, `resolved.givenScores`.
    package init(_ resolved: ResolvedEvent, scores: [ScoredPair]) {
        let event = resolved.event
        let provinces = resolved.provinces
        let ngos = resolved.ngos
        self.event = event
        slotCount = event.slots
        tables = event.tables
        let all: UInt64 = event.slots == 64 ? ~0 : (1 << UInt64(event.slots)) - 1
        func party(_ participant: Event.Participant, _ resolved: ResolvedParticipant) -> Party {
            let blocked = (participant.unavailable + event.breaks).reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
            return Party(
                id: resolved.id, name: resolved.name, maxMeetings: participant.maxMeetings ?? event.slots,
                minMeetings: participant.minMeetings, available: all & ~blocked)
        }
        self.provinces = zip(event.provinces, provinces).map(party)
        self.ngos = zip(event.ngos, ngos).map(party)
        let pairKey = { (province: Int, ngo: Int) in province * max(1, ngos.count) + ngo }
        let must = Set(resolved.mustMeet.map { pairKey($0.province, $0.ngo) })
        let avoided = Set(resolved.avoid.map { pairKey($0.province, $0.ngo) })
        let wishes = Wishes(resolved.requests)
        var conflicts: [PlanConflict] = []
        var candidates: [Candidate] = []
        var scored = Set<Int>()
        for pair in scores {
            let key = pairKey(pair.province, pair.ngo)
            guard scored.insert(key).inserted, !avoided.contains(key) else { continue }
            let isMust = must.contains(key)
            guard isMust || (pair.score > 0 && pair.score >= event.minScore) else { continue }
            let slots = self.provinces[pair.province].available & self.ngos[pair.ngo].available
            guard slots != 0 else { continue }
            let wish = wishes.kind(province: pair.province, ngo: pair.ngo)
            candidates.append(
                Candidate(
                    province: pair.province, ngo: pair.ngo, score: pair.score,
                    value: max(0, pair.score) * wishes.factor(province: pair.province, ngo: pair.ngo),
                    mustMeet: isMust, slots: slots, reasons: pair.reasons + (wish.map { [$0.reason] } ?? []),
                    wish: wish))
        }
        for position in resolved.mustMeet {
            let key = pairKey(position.province, position.ngo)
            let province = self.provinces[position.province]
            let ngo = self.ngos[position.ngo]
            if avoided.contains(key) {
                conflicts.append(.mustMeetAvoided(province: province.name, ngo: ngo.name))
            } else if province.available & ngo.available == 0 {
                conflicts.append(.noCommonSlot(province: province.name, ngo: ngo.name))
            } else if !scored.contains(key) {
                let slots = province.available & ngo.available
                candidates.append(
                    Candidate(
                        province: position.province, ngo: position.ngo, score: 0, value: 0, mustMeet: true,
                        slots: slots, reasons: ["must meet (set by the organiser)"], wish: nil))
            }
        }
        self.candidates = candidates.sorted {
            ($0.mustMeet ? 1 : 0, $0.value, -$0.province, -$0.ngo) > (
                $1.mustMeet ? 1 : 0, $1.value, -$1.province, -$1.ngo
            )
        }
        self.conflicts = conflicts + Self.capacityConflicts(self.provinces, self.ngos, self.candidates, tables: tables)
    }

    /// Minimums and must-meets that the numbers alone rule out, before any planning.
    private static func capacityConflicts(
        _ provinces: [Party], _ ngos: [Party], _ candidates: [Candidate], tables: Int?
    ) -> [PlanConflict] {
        var conflicts: [PlanConflict] = []
        var partners = [Int](repeating: 0, count: provinces.count)
        var ngoPartners = [Int](repeating: 0, count: ngos.count)
        var mustCount = [Int](repeating: 0, count: provinces.count)
        var ngoMust = [Int](repeating: 0, count: ngos.count)
        for candidate in candidates {
            partners[candidate.province] += 1
            ngoPartners[candidate.ngo] += 1
            if candidate.mustMeet {
                mustCount[candidate.province] += 1
                ngoMust[candidate.ngo] += 1
            }
        }
        func unreachable(_ party: Party, partners: Int, partnerKind: String) -> PlanConflict? {
            guard party.minMeetings > min(partners, party.freeSlots, party.maxMeetings) else { return nil }
            return .minimumUnreachable(
                party: party.name, wanted: party.minMeetings,
                reason: partners < party.freeSlots
                    ? .key(
                        (partnerKind == "NGO" ? "plan.fewNGOs" : "plan.fewProvinces") + (partners == 1 ? ".one" : ""),
                        partners)
                    : .key(party.freeSlots == 1 ? "plan.fewSlots.one" : "plan.fewSlots", party.freeSlots))
        }
        for (position, province) in provinces.enumerated() {
            if let conflict = unreachable(province, partners: partners[position], partnerKind: "NGO") {
                conflicts.append(conflict)
            }
            if mustCount[position] > min(province.maxMeetings, province.freeSlots) {
                conflicts.append(
                    .tooManyMustMeets(
                        party: province.name, count: mustCount[position],
                        limit: min(province.maxMeetings, province.freeSlots)))
            }
        }
        for (position, ngo) in ngos.enumerated() {
            if let conflict = unreachable(ngo, partners: ngoPartners[position], partnerKind: "province") {
                conflicts.append(conflict)
            }
        }
        for (position, ngo) in ngos.enumerated() where ngoMust[position] > min(ngo.maxMeetings, ngo.freeSlots) {
            conflicts.append(
                .tooManyMustMeets(party: ngo.name, count: ngoMust[position], limit: min(ngo.maxMeetings, ngo.freeSlots))
            )
        }
        return conflicts
    }
}

/// A participant's name as the registry (or the event itself) knows it.
package struct ResolvedParticipant: Hashable, Sendable {
    package let id: String
    package let name: String

    package init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A province–NGO pair's score, by position in the event's lists.
package struct ScoredPair: Hashable, Sendable {
    package let province: Int
    package let ngo: Int
    package let score: Double
    package let reasons: [String]

    package init(province: Int, ngo: Int, score: Double, reasons: [String]) {
        self.province = province
        self.ngo = ngo
        self.score = score
        self.reasons = reasons
    }
}
