import Foundation

/// How to rank.
package struct RankOptions: Sendable {
    package var limit: Int
    /// Also return candidates a hard filter removed, with the filter.
    package var showExcluded: Bool
    /// Suggest pairs that declined before.
    package var includeDeclined: Bool
    /// Spread suggestions so the same few NGOs do not top every list.
    package var diversify: Bool
    /// Score every candidate rather than those whose bound could reach the list: the same list,
    /// slower; for benchmarks and checks.
    package var scansEveryCandidate: Bool

    package init(
        limit: Int = 10, showExcluded: Bool = false, includeDeclined: Bool = false, diversify: Bool = false,
        scansEveryCandidate: Bool = false
    ) {
        self.limit = limit
        self.showExcluded = showExcluded
        self.includeDeclined = includeDeclined
        self.diversify = diversify
        self.scansEveryCandidate = scansEveryCandidate
    }
}

/// A ranked list and, when asked, the candidates that were filtered out.
package struct Ranking: Hashable, Sendable {
    package var ranked: [Assessment]
    package var excluded: [Assessment]
}

/// The best `capacity` items seen, best first: higher score, then smaller id.
struct TopList {
    let capacity: Int
    private(set) var items: [(score: Double, order: Int32, position: Int)] = []

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity + 1)
    }

    mutating func offer(score: Double, order: Int32, position: Int) {
        guard capacity > 0 else { return }
        if items.count == capacity {
            let last = items[items.count - 1]
            guard score > last.score || (score == last.score && order < last.order) else { return }
        }
        let index = items.firstIndex { score > $0.score || (score == $0.score && order < $0.order) } ?? items.count
        items.insert((score, order, position), at: index)
        if items.count > capacity { items.removeLast() }
    }

    /// The score a candidate must beat (or equal, with a smaller id) to enter; nil while there is room.
    var entryScore: Double? { capacity > 0 && items.count == capacity ? items[items.count - 1].score : nil }
}

extension MatchIndex {
    /// NGOs ranked for one need.
    package func suggest(needPosition: Int, rules: RuleSet, options: RankOptions) -> Ranking {
        let compiled = CompiledRules(rules, index: self, includeDeclined: options.includeDeclined)
        guard !options.showExcluded && !options.scansEveryCandidate && compiled.isBoundable else {
            return suggestByScanning(needPosition: needPosition, compiled, options: options)
        }
        let top = boundedTop(needPosition: needPosition, compiled, capacity: topCapacity(options))
        return ranking(needPosition, compiled, top: top, excluded: TopList(capacity: 0), options: options)
    }

    /// Every candidate scored: for the list of excluded ones, and as the reference the bounded
    /// ranking is tested against.
    func suggestByScanning(needPosition: Int, _ compiled: CompiledRules, options: RankOptions) -> Ranking {
        let rules = compiled.rules
        var top = TopList(capacity: topCapacity(options))
        var excluded = TopList(capacity: options.showExcluded ? max(options.limit, 20) : 0)
        let minimum = rules.minimumScore
        // Each record read once a pair: the filters and the score share it.
        let need = compiledNeeds[needPosition]
        ngoCandidates(for: need, rules: rules, options: options).forEachMember { ngoPosition in
            let ngo = compiledNGOs[ngoPosition]
            let failed = failureMask(need, ngo, needPosition, ngoPosition, compiled) != 0
            if failed && !options.showExcluded { return }
            let score = score(need, ngo, compiled)
            if failed || score < minimum {
                excluded.offer(score: score, order: ngoOrder[ngoPosition], position: ngoPosition)
            } else {
                top.offer(score: score, order: ngoOrder[ngoPosition], position: ngoPosition)
            }
        }
        return ranking(needPosition, compiled, top: top, excluded: excluded, options: options)
    }

    /// Spreading asks for three times the list, to choose from.
    private func topCapacity(_ options: RankOptions) -> Int { options.diversify ? options.limit * 3 : options.limit }

    private func ranking(
        _ needPosition: Int, _ compiled: CompiledRules, top: TopList, excluded: TopList, options: RankOptions
    ) -> Ranking {
        var ranked = top.items.map { assess(needPosition, $0.position, compiled) }
        if options.diversify { ranked = Array(diversified(ranked, appearances: [:]).prefix(options.limit)) }
        return Ranking(ranked: ranked, excluded: excluded.items.map { assess(needPosition, $0.position, compiled) })
    }

    /// NGOs ranked for each of several needs; with `diversify`, an NGO already
    /// suggested for an earlier need is pushed down for the later ones.
    package func suggest(needPositions: [Int], rules: RuleSet, options: RankOptions) -> [Ranking] {
        guard options.diversify else {
            return needPositions.map { suggest(needPosition: $0, rules: rules, options: options) }
        }
        var wider = options
        wider.limit = options.limit * 3
        wider.diversify = false
        var appearances: [NGOID: Int] = [:]
        return needPositions.map { position in
            var ranking = suggest(needPosition: position, rules: rules, options: wider)
            ranking.ranked = Array(diversified(ranking.ranked, appearances: appearances).prefix(options.limit))
            ranking.excluded = Array(ranking.excluded.prefix(max(options.limit, 20)))
            for assessment in ranking.ranked { appearances[assessment.ngo, default: 0] += 1 }
            return ranking
        }
    }

    /// Needs ranked for one NGO.
    /// - Parameter only: when given, the need positions that may be ranked at all (needs registered since a moment).
    package func discover(
        ngoPosition: Int, rules: RuleSet, options: RankOptions, sector: SectorID? = nil, region: RegionID? = nil,
        only: [Int]? = nil
    ) -> Ranking {
        let compiled = CompiledRules(rules, index: self, includeDeclined: options.includeDeclined)
        var candidates = needCandidates(for: compiledNGOs[ngoPosition], rules: rules, options: options)
        if let only {
            var allowed = Bitset(count: needs.count)
            for position in only { allowed.insert(position) }
            candidates.formIntersection(allowed)
        }
        if let sector, let node = sectorIndex[sector] {
            let wanted = nodeWithChildren[node]
            var inSector = Bitset(count: needs.count)
            needsByTopSector[topBit[node]].forEachMember { position in
                if compiledNeeds[position].nodes & wanted != 0 { inSector.insert(position) }
            }
            candidates.formIntersection(inSector)
        }
        if let region {
            var inRegion = Bitset(count: needs.count)
            for (position, province) in reference.provinces.provinces.enumerated() where province.region == region {
                inRegion.formUnion(needsByProvince[position])
            }
            candidates.formIntersection(inRegion)
        }
        var top = TopList(capacity: options.limit)
        var excluded = TopList(capacity: options.showExcluded ? max(options.limit, 20) : 0)
        let ngo = compiledNGOs[ngoPosition]
        candidates.forEachMember { needPosition in
            let need = compiledNeeds[needPosition]
            let failed = failureMask(need, ngo, needPosition, ngoPosition, compiled) != 0
            if failed && !options.showExcluded { return }
            let score = score(need, ngo, compiled)
            if failed || score < rules.minimumScore {
                excluded.offer(score: score, order: needOrder[needPosition], position: needPosition)
            } else {
                top.offer(score: score, order: needOrder[needPosition], position: needPosition)
            }
        }
        return Ranking(
            ranked: top.items.map { assess($0.position, ngoPosition, compiled) },
            excluded: excluded.items.map { assess($0.position, ngoPosition, compiled) })
    }

    /// The NGOs worth scoring for a need: those sharing a top-level sector and,
    /// unless excluded candidates are wanted, certified for its province.
    func ngoCandidates(for need: CompiledNeed, rules: RuleSet, options: RankOptions) -> Bitset {
        var candidates = Bitset(count: ngos.count)
        if rules.filters.sectorOverlap {
            for top in ngosByTopSector.indices where need.topMask & (1 << UInt32(top)) != 0 {
                candidates.formUnion(ngosByTopSector[top])
            }
        } else {
            for position in ngos.indices { candidates.insert(position) }
        }
        if rules.filters.certificateArea && !options.showExcluded {
            candidates.formIntersection(ngosByCertificateProvince[Int(need.province)])
        }
        return candidates
    }

    func needCandidates(for ngo: CompiledNGO, rules: RuleSet, options: RankOptions) -> Bitset {
        var candidates = Bitset(count: needs.count)
        if rules.filters.sectorOverlap {
            for top in needsByTopSector.indices where ngo.topMask & (1 << UInt32(top)) != 0 {
                candidates.formUnion(needsByTopSector[top])
            }
        } else {
            for position in needs.indices { candidates.insert(position) }
        }
        guard !options.showExcluded else { return candidates }
        if rules.filters.certificateArea, ngo.hasCertificate {
            var covered = Bitset(count: needs.count)
            for province in 0..<provinceCount where ngo.certificateArea & (1 << UInt64(province)) != 0 {
                covered.formUnion(needsByProvince[province])
            }
            candidates.formIntersection(covered)
        }
        if rules.filters.needOpen { candidates.formIntersection(openNeeds) }
        return candidates
    }

    /// Reorders by score × 0.85 per earlier appearance × (1 − 0.25 × the NGO's share of demand).
    /// Scores shown stay the real ones; only the order changes.
    func diversified(_ ranked: [Assessment], appearances: [NGOID: Int]) -> [Assessment] {
        let maxDemand = max(1, self.maxDemand)
        func key(_ assessment: Assessment) -> Double {
            let position = ngoIndex[assessment.ngo] ?? 0
            let repeats = Double(appearances[assessment.ngo] ?? 0)
            return assessment.score * pow(0.85, repeats) * (1 - 0.25 * Double(demand[position]) / Double(maxDemand))
        }
        // Each key once, not twice per comparison: it looks the NGO up by its id.
        return zip(ranked.map(key), ranked)
            .sorted { ($0.0, $1.1.ngo.rawValue) > ($1.0, $0.1.ngo.rawValue) }
            .map(\.1)
    }
}
