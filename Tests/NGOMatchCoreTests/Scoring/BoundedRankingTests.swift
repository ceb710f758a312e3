import Foundation
import Testing

@testable import NGOMatchCore

/// A ranking scores only the candidates whose bound could reach its list; it must give the list
/// a scan of every candidate gives, on any registry and rule set, after any writes.
struct BoundedRankingTests {
    static let seeds: [UInt64] = [11, 12, 13, 14]

    /// A synthetic registry with what the generator does not make: NGOs identical but for their id
    /// (ties), with more sectors than a packed record holds, without a grant range or a certificate,
    /// nationwide, and partnerships of every status.
    static func index(seed: UInt64) -> MatchIndex {
        let (needs, ngos, partnerships, published) = registry(seed: seed)
        return MatchIndex(
            reference: Seeds.reference, needs: needs, ngos: ngos, partnerships: partnerships, published: published)
    }

    static func registry(seed: UInt64) -> (
        needs: [Need], ngos: [NGO], partnerships: [Partnership], published: [PublishedActivity]
    ) {
        let synthetic = SyntheticRegistry(reference: Seeds.reference, ngos: 300, needs: 50, seed: seed)
        var random = SplitMix64(seed: seed &* 7)
        var ngos = synthetic.ngos
        let subsectors = Seeds.reference.taxonomy.sectors.filter { $0.parent != nil }.map(\.id)
        for position in stride(from: 0, to: 300, by: 10) {
            var twin = ngos[position]
            twin.id = NGOID("twin-\(position)")
            ngos.append(twin)
        }
        for position in stride(from: 3, to: ngos.count, by: 17) {
            ngos[position].sectors = subsectors.shuffled(using: &random).prefix(12).map {
                NGO.SectorExpertise(sector: $0, expertise: Int.random(in: 1...5, using: &random))
            }
        }
        for position in stride(from: 5, to: ngos.count, by: 23) { ngos[position].grantRange = nil }
        for position in stride(from: 7, to: ngos.count, by: 29) { ngos[position].registration = nil }
        for position in stride(from: 9, to: ngos.count, by: 13) { ngos[position].provinces.nationwide = true }
        let partnerships = (0..<120).map { _ in
            Partnership(
                need: synthetic.needs.randomElement(using: &random)!.id, ngo: ngos.randomElement(using: &random)!.id,
                status: Partnership.Status.allCases.randomElement(using: &random)!)
        }
        return (synthetic.needs, ngos, partnerships, published(for: ngos, &random))
    }

    /// Activities published by some of the NGOs: in a province or across Viet Nam, in any sectors,
    /// old and recent, some undated.
    static func published(for ngos: [NGO], _ random: inout SplitMix64) -> [PublishedActivity] {
        let provinces = Seeds.reference.provinces.provinces.map(\.id)
        let sectors = Seeds.reference.taxonomy.sectors.map(\.id)
        return (0..<400).map { _ in
            let first = Int.random(in: 2005...2027, using: &random)
            return PublishedActivity(
                ngo: ngos.randomElement(using: &random)!.id,
                provinces: Bool.random(using: &random)
                    ? [] : Array(provinces.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))),
                sectors: Array(sectors.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))),
                years: Int.random(in: 0..<10, using: &random) == 0
                    ? nil : first...(first + Int.random(in: 0...4, using: &random)))
        }
    }

    /// The shipped rule sets and random ones: any weights from 0, any factor values, any minimum, filters on and off.
    static func ruleSets(seed: UInt64) -> [RuleSet] {
        var random = SplitMix64(seed: seed)
        func unit() -> Double { Double.random(in: 0...1, using: &random) }
        func weight() -> Double? { unit() < 0.2 ? nil : Double.random(in: 0...40, using: &random) }
        let made = (0..<8).map { number -> RuleSet in
            var rules = RuleSet(name: "random-\(number)", minimumScore: Double.random(in: 0...60, using: &random))
            rules.sectorFit = weight().map { RuleSet.SectorFitRule(weight: $0, sameParent: unit(), sibling: unit()) }
            rules.geography = weight().map {
                var rule = RuleSet.GeographyRule(weight: $0)
                (rule.past, rule.nearby, rule.nationwide, rule.elsewhere) = (unit(), unit(), unit(), unit())
                (rule.nearbyKm, rule.decayKm) = (unit() * 400, 50 + unit() * 800)
                return rule
            }
            rules.targetGroups = weight().map { RuleSet.WeightOnly(weight: $0) }
            rules.funding = weight().map { RuleSet.WeightOnly(weight: $0) }
            rules.timeframe = weight().map { RuleSet.WeightOnly(weight: $0) }
            rules.trackRecord = weight().map {
                var rule = RuleSet.TrackRecordRule(weight: $0)
                rule.saturation = 1 + unit() * 4
                rule.published = unit() < 0.2 ? 0 : unit() * 3
                rule.publishedWithinYears = 1 + Int(unit() * 15)
                return rule
            }
            rules.load = weight().map { RuleSet.WeightOnly(weight: $0) }
            rules.underservedProvince = weight().map {
                var rule = RuleSet.UnderservedRule(weight: $0)
                rule.saturation = 1 + unit() * 30
                return rule
            }
            rules.sectorEmphasis = weight().map {
                var rule = RuleSet.SectorEmphasisRule(weight: $0)
                rule.sectors = Seeds.rules("climate").sectorEmphasis!.sectors
                return rule
            }
            rules.filters.certificateValid = unit() < 0.7
            rules.filters.certificateArea = unit() < 0.7
            rules.filters.sectorOverlap = unit() < 0.8
            rules.filters.certificateFields = RuleSet.Filters.FieldCoverage.allCases[number % 4]
            return rules
        }
        return ["default", "underserved", "climate"].map(Seeds.rules) + made
    }

    @Test(arguments: seeds)
    func theBoundIsNeverBelowTheScore(seed: UInt64) {
        let index = Self.index(seed: seed)
        for rules in Self.ruleSets(seed: seed) {
            let compiled = CompiledRules(rules, index: index, includeDeclined: false)
            for needPosition in index.needs.indices {
                let need = index.compiledNeeds[needPosition]
                let context = index.boundContext(need, compiled)
                for ngoPosition in stride(from: needPosition % 3, to: index.ngos.count, by: 3) {
                    let bound = index.scoreBound(context, index.scoreBoundInputs[ngoPosition], at: ngoPosition)
                    let score = index.score(needPosition, ngoPosition, compiled)
                    #expect(bound >= score, "\(rules.name): need \(needPosition), NGO \(ngoPosition)")
                    // The need's tables give the values the factors' own evaluations give.
                    let ngo = index.compiledNGOs[ngoPosition]
                    let results = index.factorResults(needPosition, ngoPosition, compiled)
                    #expect(context.sectorFit?.value(offered: index.sectors(of: ngo)) == results.sector?.value)
                    #expect(
                        context.geography?.value(current: ngo.current, past: ngo.past, nationwide: ngo.nationwide)
                            == results.geography?.value)
                }
            }
        }
    }

    @Test(arguments: seeds)
    func theBoundedListIsTheScannedList(seed: UInt64) {
        let index = Self.index(seed: seed)
        for (limit, diversify, includeDeclined) in [
            (1, false, false), (5, true, false), (12, false, true), (40, true, true),
        ] {
            Self.expectBoundedListsOf(
                index, toBeTheScannedListsOf: index, seed: seed,
                options: RankOptions(limit: limit, includeDeclined: includeDeclined, diversify: diversify))
        }
    }

    @Test(arguments: seeds)
    func boundInputsFollowEveryWriteAsAFreshBuildMakesThem(seed: UInt64) {
        let (registered, original, recorded, published) = Self.registry(seed: seed)
        var needs = registered
        var index = MatchIndex(
            reference: Seeds.reference, needs: needs, ngos: original, partnerships: recorded, published: published)
        var random = SplitMix64(seed: seed &+ 99)
        var ngos = original
        var partnerships = recorded
        for step in 0..<150 {
            switch step % 3 {
            case 0:
                let position = Int.random(in: 0..<ngos.count, using: &random)
                ngos[position].capacity = Int.random(in: 0...6, using: &random)
                ngos[position].provinces.current.shuffle(using: &random)
                ngos[position].sectors = ngos[(position + 1) % ngos.count].sectors
                index.upsert(ngos[position])
            case 1 where step % 2 == 1:
                // A need moved, reopened or closed, and asking for another need's sectors.
                let position = Int.random(in: 0..<needs.count, using: &random)
                let other = needs[(position + 7) % needs.count]
                needs[position].province = other.province
                needs[position].sectors = other.sectors
                needs[position].status = needs[position].status == .open ? .closed : .open
                index.upsert(needs[position])
            default:
                let partnership = Partnership(
                    need: needs.randomElement(using: &random)!.id, ngo: ngos.randomElement(using: &random)!.id,
                    status: Partnership.Status.allCases.randomElement(using: &random)!)
                partnerships.removeAll { $0.need == partnership.need && $0.ngo == partnership.ngo }
                partnerships.append(partnership)
                index.record(partnership)
            }
        }
        let fresh = MatchIndex(
            reference: Seeds.reference, needs: needs, ngos: ngos, partnerships: partnerships, published: published)
        for position in ngos.indices {
            let (followed, built) = (index.scoreBoundInputs[position], fresh.scoreBoundInputs[position])
            #expect(followed.load == built.load && followed.current == built.current)
            #expect(followed.packedSectorsLow == built.packedSectorsLow && followed.sectorCount == built.sectorCount)
            // A changed completed partnership leaves the old entries behind; the count is what is bounded.
            #expect(followed.completed == built.completed && followed.published == built.published)
        }
        #expect(index.demand == fresh.demand && index.maxDemand == fresh.maxDemand)
        #expect(Array(index.ngoTopMasks) == Array(fresh.ngoTopMasks))
        Self.expectBoundedListsOf(
            index, toBeTheScannedListsOf: fresh, seed: seed, options: RankOptions(limit: 8, diversify: true))
    }

    /// Every need's bounded list in `bounded` under every rule set is the one a scan of `scanned` makes.
    static func expectBoundedListsOf(
        _ bounded: MatchIndex, toBeTheScannedListsOf scanned: MatchIndex, seed: UInt64, options: RankOptions
    ) {
        for rules in ruleSets(seed: seed) {
            let compiled = CompiledRules(rules, index: scanned, includeDeclined: options.includeDeclined)
            for need in scanned.needs.indices {
                #expect(
                    bounded.suggest(needPosition: need, rules: rules, options: options)
                        == scanned.suggestByScanning(needPosition: need, compiled, options: options),
                    "\(rules.name), limit \(options.limit), need \(need)")
            }
        }
    }

    @Test(arguments: seeds)
    func aLoadedSnapshotRanksAsAScanOfItsRecords(seed: UInt64) throws {
        let original = Self.index(seed: seed)
        let data = try SnapshotTests.snapshot(of: original)
        let loaded = try MatchIndex(snapshot: data, reference: Seeds.reference)
        Self.expectBoundedListsOf(
            loaded, toBeTheScannedListsOf: original, seed: seed, options: RankOptions(limit: 15, diversify: true))
    }

    @Test func aPackedRecordHoldsOneCacheLine() {
        #expect(MemoryLayout<ScoreBoundInputs>.stride == 64)
    }
}

/// `--diversify` reorders a list by score × 0.85 per earlier appearance × (1 − 0.25 × the
/// NGO's share of demand), ties by id; the scores themselves do not change.
struct DiversifiedOrderTests {
    @Test func theListIsOrderedByTheDiversifiedKeyThenById() {
        let index = BoundedRankingTests.index(seed: 21)
        var random = SplitMix64(seed: 21)
        for needPosition in 0..<index.needs.count {
            let ranked = index.suggest(
                needPosition: needPosition, rules: Seeds.rules("default"), options: RankOptions(limit: 40)
            )
            .ranked
            let appearances = Dictionary(
                ranked.map { ($0.ngo, Int.random(in: 0...3, using: &random)) }, uniquingKeysWith: { first, _ in first })
            let diversified = index.diversified(ranked, appearances: appearances)
            #expect(
                diversified.sorted { $0.ngo.rawValue < $1.ngo.rawValue }
                    == ranked.sorted { $0.ngo.rawValue < $1.ngo.rawValue })
            func key(_ assessment: Assessment) -> Double {
                let share = Double(index.demand[index.ngoIndex[assessment.ngo]!]) / Double(max(1, index.maxDemand))
                return assessment.score * pow(0.85, Double(appearances[assessment.ngo] ?? 0)) * (1 - 0.25 * share)
            }
            for (first, second) in zip(diversified, diversified.dropFirst()) {
                #expect(
                    key(first) > key(second) || key(first) == key(second) && first.ngo.rawValue < second.ngo.rawValue)
            }
        }
    }
}
