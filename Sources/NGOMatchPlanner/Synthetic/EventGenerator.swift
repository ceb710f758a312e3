import NGOMatchCore

/// Realistic meeting instances for benchmarks and tests: same seed, same event.
///
/// Provinces ask for a few sectors, NGOs offer one to three and work in one or two
/// regions (a fifth nationwide), so scores are sparse and clustered by sector; a
/// tenth of the NGOs are strong and in demand everywhere they can go. Half the
/// participants miss some slots (arriving late, leaving early, or a gap), many
/// NGOs can take only a few meetings, tables are scarce, and most provinces ask
/// for a minimum.
package struct EventGenerator: Sendable {
    package let provinces: Int
    package let ngos: Int
    package let slots: Int
    package let seed: UInt64

    package init(provinces: Int, ngos: Int, slots: Int, seed: UInt64) {
        self.provinces = provinces
        self.ngos = ngos
        self.slots = slots
        self.seed = seed
    }

    static let sectorCount = 11
    static let regionCount = 6
    /// How often each sector is asked for or offered: health, education and climate lead.
    static let sectorWeights: [Double] = [5, 4, 3.5, 2.5, 2, 2, 1.5, 1.5, 1, 1, 0.7]

    package func event() -> Event {
        var random = SplitMix64(seed: seed)
        let provinceWidth = String(provinces).count
        let ngoWidth = String(ngos).count
        func id(_ prefix: String, _ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let provinceSectors = (0..<provinces).map { _ in pickSectors(Int.random(in: 2...4, using: &random), &random) }
        let provinceRegion = (0..<provinces).map { _ in Int.random(in: 0..<Self.regionCount, using: &random) }
        let ngoSectors = (0..<ngos).map { _ in pickSectors(Int.random(in: 1...3, using: &random), &random) }
        let ngoStrong = (0..<ngos).map { _ in Double.random(in: 0..<1, using: &random) < 0.1 }
        let ngoStrength = ngoStrong.map {
            $0 ? Double.random(in: 0.75...1, using: &random) : Double.random(in: 0.3...0.8, using: &random)
        }
        let ngoNationwide = (0..<ngos).map { _ in Double.random(in: 0..<1, using: &random) < 0.2 }
        let ngoRegions = (0..<ngos).map { _ -> Set<Int> in
            Set(
                (0..<Int.random(in: 1...2, using: &random)).map { _ in
                    Int.random(in: 0..<Self.regionCount, using: &random)
                })
        }

        var scores: [Event.PairScore] = []
        var pairsByProvince = [[Int]](repeating: [], count: provinces)
        for province in 0..<provinces {
            for ngo in 0..<ngos {
                let shared = provinceSectors[province].intersection(ngoSectors[ngo]).count
                guard shared > 0, ngoNationwide[ngo] || ngoRegions[ngo].contains(provinceRegion[province]),
                    Double.random(in: 0..<1, using: &random) < 0.7
                else { continue }
                let overlap = Double(shared) / Double(provinceSectors[province].count)
                let raw = 0.45 * overlap + 0.4 * ngoStrength[ngo] + 0.15 * Double.random(in: 0..<1, using: &random)
                let score = (min(1, max(0.05, raw)) * 1000).rounded() / 1000
                scores.append(
                    Event.PairScore(
                        province: id("province-", province + 1, provinceWidth), ngo: id("ngo-", ngo + 1, ngoWidth),
                        score: score))
                pairsByProvince[province].append(ngo)
            }
        }

        let provinceList = (0..<provinces).map { province -> Event.Participant in
            let unavailable = unavailability(&random)
            let free = slots - unavailable.count
            let wantsMinimum = Double.random(in: 0..<1, using: &random) < 0.6
            let minimum =
                wantsMinimum ? min(Int.random(in: 1...2, using: &random), free, pairsByProvince[province].count) : 0
            let cap = Double.random(in: 0..<1, using: &random) < 0.3 ? max(minimum, slots - 2) : nil
            return Event.Participant(
                id: id("province-", province + 1, provinceWidth), maxMeetings: cap, minMeetings: minimum,
                unavailable: unavailable)
        }
        let ngoList = (0..<ngos).map { ngo -> Event.Participant in
            let unavailable = unavailability(&random)
            let limited = Double.random(in: 0..<1, using: &random) < 0.4
            return Event.Participant(
                id: id("ngo-", ngo + 1, ngoWidth),
                maxMeetings: limited ? Int.random(in: min(2, slots)...max(2, slots / 2), using: &random) : nil,
                unavailable: unavailable)
        }
        var mustMeet: [Event.Pair] = []
        var avoid: [Event.Pair] = []
        var used = Set<Int>()
        for _ in 0..<max(1, provinces / 20) where !scores.isEmpty {
            let pick = Int.random(in: 0..<scores.count, using: &random)
            guard used.insert(pick).inserted else { continue }
            let pair = Event.Pair(province: scores[pick].province, ngo: scores[pick].ngo)
            if used.count % 2 == 0 { mustMeet.append(pair) } else { avoid.append(pair) }
        }
        return Event(
            name: "Synthetic meeting \(provinces)×\(ngos)×\(slots) (seed \(seed))", slots: slots,
            date: CalendarDate(year: 2025, month: 8, day: 26), start: 14 * 60, slotMinutes: 20,
            tables: max(1, min(provinces, ngos) / 2), provinces: provinceList, ngos: ngoList, scores: scores,
            mustMeet: mustMeet, avoid: avoid)
    }

    private func pickSectors(_ count: Int, _ random: inout SplitMix64) -> Set<Int> {
        let total = Self.sectorWeights.reduce(0, +)
        var picked = Set<Int>()
        while picked.count < min(count, Self.sectorCount) {
            var roll = Double.random(in: 0..<total, using: &random)
            for (sector, weight) in Self.sectorWeights.enumerated() {
                roll -= weight
                if roll < 0 {
                    picked.insert(sector)
                    break
                }
            }
        }
        return picked
    }

    /// Half the participants miss slots: late arrival, early departure, or one or two gaps.
    private func unavailability(_ random: inout SplitMix64) -> [Int] {
        guard slots > 1, Double.random(in: 0..<1, using: &random) < 0.5 else { return [] }
        let length = Int.random(in: 1...max(1, slots / 4), using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return Array(0..<length)
        case 1: return Array((slots - length)..<slots)
        default:
            return Array(
                Set((0..<Int.random(in: 1...2, using: &random)).map { _ in Int.random(in: 0..<slots, using: &random) })
            ).sorted()
        }
    }
}
