import Foundation

/// Realistic invented registries for benchmarks and tests: NGOs clustered by
/// region and sector, certificates that sometimes use pre-2025 province names
/// or have expired, needs weighted towards poorer regions. Same seed, same registry.
package struct SyntheticRegistry: Sendable {
    package let ngos: [NGO]
    package let needs: [Need]

    package init(reference: ReferenceData, ngos ngoCount: Int, needs needCount: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let provinces = reference.provinces.provinces
        let taxonomy = reference.taxonomy
        let topLevel = taxonomy.topLevel
        let children = Dictionary(uniqueKeysWithValues: topLevel.map { ($0.id, taxonomy.children(of: $0.id)) })
        let byRegion = Dictionary(grouping: provinces, by: \.region)
        let countries = [
            "United States", "United Kingdom", "Germany", "France", "Netherlands", "Switzerland", "Japan",
            "South Korea",
            "Australia", "Norway", "Sweden", "Denmark", "Belgium", "Canada", "Italy", "Spain", "Ireland", "Finland",
        ]
        let groups = TargetGroup.allCases
        let base = CalendarDate(year: 2026, month: 1, day: 1)!

        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
        func day(after start: CalendarDate, upTo days: Int) -> CalendarDate {
            let offset = Int.random(in: 0...days, using: &random)
            return CalendarDate(dayNumber: start.dayNumber + offset)
        }
        func roundedAmount(_ low: Double, _ high: Double) -> Double {
            let value = exp(Double.random(in: log(low)...log(high), using: &random))
            return (value / 5000).rounded() * 5000
        }

        var ngos: [NGO] = []
        ngos.reserveCapacity(ngoCount)
        for index in 0..<ngoCount {
            let tops = Array(topLevel.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
            var sectors: [NGO.SectorExpertise] = []
            for top in tops {
                let subs = children[top.id, default: []].shuffled(using: &random).prefix(
                    Int.random(in: 1...3, using: &random))
                for sub in subs {
                    sectors.append(
                        NGO.SectorExpertise(sector: sub.id, expertise: Int.random(in: 2...5, using: &random)))
                }
            }
            let home = pick(Array(byRegion.keys).sorted())
            let regional = byRegion[home, default: provinces].shuffled(using: &random)
            let current = Array(regional.prefix(Int.random(in: 1...min(5, regional.count), using: &random)))
            let past = Array(provinces.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)))
            let nationwide = chance(0.04)
            let kind: Registration.Kind = chance(0.6) ? .operationRegistration : .representativeOffice
            let issued = day(after: CalendarDate(year: 2023, month: 1, day: 1)!, upTo: 1300)
            let expires = CalendarDate(dayNumber: issued.adding(years: kind.maximumYears).dayNumber - 1)
            var areaProvinces = current + past
            if chance(0.3) { areaProvinces += provinces.shuffled(using: &random).prefix(2) }
            let areas = Array(Set(areaProvinces.map(\.id))).sorted().compactMap { id -> String? in
                guard let province = reference.provinces[id] else { return nil }
                // Certificates issued before the merger name former provinces.
                if !province.mergedFrom.isEmpty, chance(0.35) { return pick(province.mergedFrom) }
                return province.name.vi
            }
            var fields = tops.map(\.id)
            if fields.count > 1, chance(0.1) { fields.removeLast() }
            let low = roundedAmount(10_000, 300_000)
            ngos.append(
                NGO(
                    id: NGOID(String(format: "ngo-%06d", index + 1)), name: "Synthetic NGO \(index + 1)",
                    acronym: String(format: "SN%d", index + 1), country: pick(countries),
                    registration: Registration(
                        kind: kind, number: String(format: "%05d/BNG", index + 1), issued: issued, expires: expires,
                        areas: areas, fields: fields),
                    sectors: sectors,
                    provinces: NGO.Presence(
                        current: current.map(\.id),
                        past: past.map(\.id).filter { id in !current.contains { $0.id == id } },
                        nationwide: nationwide),
                    targetGroups: Array(groups.shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random)))
                        .sorted(),
                    grantRange: NGO.GrantRange(min: low, max: max(low, roundedAmount(low, low * 20))),
                    capacity: Int.random(in: 1...8, using: &random), languages: ["en", "vi"]))
        }

        // Mountain and delta regions ask more often, as they do in practice.
        let regionWeight: [RegionID: Int] = [
            "northern-midlands-mountains": 4, "central-highlands": 3, "mekong-delta": 3,
            "north-central-central-coast": 2,
        ]
        let weightedProvinces = provinces.flatMap { province in
            [Province](repeating: province, count: regionWeight[province.region] ?? 1)
        }
        var needs: [Need] = []
        needs.reserveCapacity(needCount)
        for index in 0..<needCount {
            let province = pick(weightedProvinces)
            let top = pick(topLevel)
            var nodes = children[top.id, default: []].shuffled(using: &random).prefix(
                Int.random(in: 1...3, using: &random)
            ).map(\.id)
            if chance(0.35) { nodes.append(pick(children[pick(topLevel).id, default: []]).id) }
            var seen: Set<SectorID> = []
            let sectors = nodes.filter { seen.insert($0).inserted }.map {
                Need.SectorPriority(sector: $0, priority: Int.random(in: 1...5, using: &random))
            }
            let start = day(after: base, upTo: 540)
            let end = CalendarDate(dayNumber: start.dayNumber + Int.random(in: 180...1095, using: &random))
            needs.append(
                Need(
                    id: NeedID(String(format: "need-%06d", index + 1)), province: province.id,
                    title: "Synthetic need \(index + 1): \(top.name.en.lowercased())", sectors: sectors,
                    targetGroups: Array(groups.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)))
                        .sorted(),
                    fundingGapUSD: roundedAmount(20_000, 3_000_000), timeframe: Need.Timeframe(start: start, end: end),
                    status: chance(0.85) ? .open : pick([.inDiscussion, .partnered, .closed]),
                    source: "Synthetic (ngomatch generate)"))
        }
        self.ngos = ngos
        self.needs = needs
    }
}
