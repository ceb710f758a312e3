import NGOMatchCore

/// Hard meeting instances whose answer is known: a schedule is planted first, then the event
/// is built around it, so a schedule meeting every minimum is known to exist.
///
/// Participants are unavailable in 50–80 % of the slots (never in their planted meetings),
/// tables are a third of the smaller side, 60–100 % of provinces and a fifth of NGOs ask for
/// the meetings they have in the planted schedule (as much as it allows), and many pairs outside
/// it score higher than the planted ones, so value pulls away from the minimums.
///
/// `impossible` adds two provinces that need four meetings from two NGOs free in one slot
/// each: no schedule gives them more than two, and each alone looks possible.
package struct PlantedEventGenerator: Sendable {
    package let provinces: Int
    package let ngos: Int
    package let slots: Int
    package let seed: UInt64
    package let impossible: Bool

    package init(provinces: Int, ngos: Int, slots: Int, seed: UInt64, impossible: Bool = false) {
        self.provinces = provinces
        self.ngos = ngos
        self.slots = slots
        self.seed = seed
        self.impossible = impossible
    }

    /// The provinces and NGOs `impossible` adds.
    package static let unsatisfiable = (
        provinces: ["hall-province-a", "hall-province-b"], ngos: ["hall-ngo-x", "hall-ngo-y"]
    )

    package func event() -> Event {
        var random = SplitMix64(seed: seed &* 7919 &+ 17)
        let tables = max(1, min(provinces, ngos) / 3)
        let provinceIDs = (0..<provinces).map { "province-\($0 + 1)" }
        let ngoIDs = (0..<ngos).map { "ngo-\($0 + 1)" }
        // The planted schedule: in each slot, up to `tables` meetings of parties not yet busy then.
        var plantedSlots = [Set<Int>](repeating: [], count: provinces + ngos)
        var planted: [(province: Int, ngo: Int)] = []
        var met = Set<Int>()
        for slot in 0..<slots {
            var busy = Set<Int>()
            var placed = 0
            for _ in 0..<(tables * 4) where placed < tables {
                let province = Int.random(in: 0..<provinces, using: &random)
                let ngo = Int.random(in: 0..<ngos, using: &random)
                guard !busy.contains(province), !busy.contains(provinces + ngo),
                    met.insert(province * ngos + ngo).inserted
                else { continue }
                busy.formUnion([province, provinces + ngo])
                plantedSlots[province].insert(slot)
                plantedSlots[provinces + ngo].insert(slot)
                planted.append((province, ngo))
                placed += 1
            }
        }
        func unavailable(_ party: Int) -> [Int] {
            let share = Double.random(in: 0.5...0.8, using: &random)
            let wanted = Int((Double(slots) * share).rounded())
            var open = (0..<slots).filter { !plantedSlots[party].contains($0) }
            open.shuffle(using: &random)
            return open.prefix(wanted).sorted()
        }
        var scores: [Event.PairScore] = planted.map {
            Event.PairScore(
                province: provinceIDs[$0.province], ngo: ngoIDs[$0.ngo],
                score: (Double.random(in: 0.2...0.7, using: &random) * 1000).rounded() / 1000)
        }
        // Pairs outside the planted schedule, often scoring higher than it.
        let extra = max(2, ngos / 8)
        for province in 0..<provinces {
            for _ in 0..<extra {
                let ngo = Int.random(in: 0..<ngos, using: &random)
                guard met.insert(province * ngos + ngo).inserted else { continue }
                scores.append(
                    Event.PairScore(
                        province: provinceIDs[province], ngo: ngoIDs[ngo],
                        score: (Double.random(in: 0.3...1, using: &random) * 1000).rounded() / 1000))
            }
        }
        let provinceShare = Double.random(in: 0.6...1, using: &random)
        let provinceList = (0..<provinces).map { province -> Event.Participant in
            let owed = plantedSlots[province].count
            let asks = Double.random(in: 0..<1, using: &random) < provinceShare
            return Event.Participant(
                id: provinceIDs[province], maxMeetings: nil, minMeetings: asks ? owed : 0,
                unavailable: unavailable(province))
        }
        let ngoList = (0..<ngos).map { ngo -> Event.Participant in
            let owed = plantedSlots[provinces + ngo].count
            let asks = Double.random(in: 0..<1, using: &random) < 0.2
            let cap = Double.random(in: 0..<1, using: &random) < 0.4 ? max(owed, slots / 3) : nil
            return Event.Participant(
                id: ngoIDs[ngo], maxMeetings: cap, minMeetings: asks ? min(owed, 2) : 0,
                unavailable: unavailable(provinces + ngo))
        }
        var event = Event(
            name: "Planted meeting \(provinces)×\(ngos)×\(slots) (seed \(seed))", slots: slots,
            date: CalendarDate(year: 2026, month: 12, day: 10), start: 14 * 60, slotMinutes: 20, tables: tables,
            provinces: provinceList, ngos: ngoList, scores: scores)
        if impossible { addUnsatisfiablePair(&event) }
        return event
    }

    private func addUnsatisfiablePair(_ event: inout Event) {
        let names = Self.unsatisfiable
        let lastSlot = slots - 1
        event.provinces += names.provinces.map { Event.Participant(id: $0, minMeetings: 2) }
        event.ngos += [
            Event.Participant(id: names.ngos[0], unavailable: Array(1..<slots)),
            Event.Participant(id: names.ngos[1], unavailable: Array(0..<lastSlot)),
        ]
        event.tables = (event.tables ?? 1) + 2
        for province in names.provinces {
            for ngo in names.ngos { event.scores?.append(.init(province: province, ngo: ngo, score: 0.5)) }
        }
    }
}
