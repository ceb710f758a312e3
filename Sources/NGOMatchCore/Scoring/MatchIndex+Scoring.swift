import Foundation

/// A rule set with what it needs precomputed against the index.
struct CompiledRules {
    let rules: RuleSet
    let weights: [(factor: FactorKind, weight: Double)]
    let emphasised: UInt128
    let includeDeclined: Bool
    /// Whether a score is bounded by its factors' highest values: every weight is at least 0.
    let isBoundable: Bool

    init(_ rules: RuleSet, index: borrowing MatchIndex, includeDeclined: Bool) {
        self.rules = rules
        weights = rules.weights
        emphasised = (rules.sectorEmphasis?.sectors ?? []).reduce(0) { mask, id in
            index.sectorIndex[id].map { mask | index.nodeWithChildren[$0] } ?? mask
        }
        self.includeDeclined = includeDeclined
        isBoundable = weights.allSatisfy { $0.weight >= 0 }
    }
}

/// Scoring one pair. The fast path (`score`, `failureMask`) and the explained
/// path (`assess`) share `factorResults` and `failureMask`, so a ranking and its
/// explanation never disagree.
extension MatchIndex {
    struct FactorResults {
        var sector: SectorFit.Result?
        var geography: Geography.Result?
        var targetGroups: Double?
        var funding: (value: Double, relation: FundingFit.Relation)?
        var timeframe: Double?
        var trackRecord: (value: Double, tally: TrackRecord.Tally)?
        var load: Double?
        var underserved: Double?
        var emphasis: Double?

        func value(of factor: FactorKind) -> Double {
            switch factor {
            case .sectorFit: sector?.value ?? 0
            case .geography: geography?.value ?? 0
            case .targetGroups: targetGroups ?? 0
            case .funding: funding?.value ?? 0
            case .timeframe: timeframe ?? 0
            case .trackRecord: trackRecord?.value ?? 0
            case .load: load ?? 0
            case .underservedProvince: underserved ?? 0
            case .sectorEmphasis: emphasis ?? 0
            }
        }
    }

    func factorResults(_ needPosition: Int, _ ngoPosition: Int, _ compiled: CompiledRules) -> FactorResults {
        factorResults(compiledNeeds[needPosition], compiledNGOs[ngoPosition], compiled)
    }

    /// - Parameter known: the pair's sector fit when the caller has it already (see `SectorFitTable`).
    @inline(__always)
    func factorResults(
        _ need: CompiledNeed, _ ngo: CompiledNGO, _ compiled: CompiledRules, sectorFit known: Double? = nil
    ) -> FactorResults {
        let rules = compiled.rules
        var results = FactorResults()
        if let known, rules.sectorFit != nil {
            results.sector = SectorFit.Result(value: known, needSector: -1, ngoSector: -1, tier: .none, expertise: 0)
        } else if let rule = rules.sectorFit {
            results.sector = SectorFit.evaluate(
                needSectors: sectors(of: need), ngoSectors: sectors(of: ngo), parent: parent, rule: rule)
        }
        if let rule = rules.geography {
            let provinces = provinceCount
            results.geography = Geography.evaluate(
                province: Int(need.province), current: ngo.current, past: ngo.past, nationwide: ngo.nationwide,
                rule: rule,
                sameRegion: { region[$0] == region[$1] }, distance: { distanceKm[$0 * provinces + $1] })
        }
        if rules.targetGroups != nil { results.targetGroups = TargetGroupFit.value(need: need.groups, ngo: ngo.groups) }
        if rules.funding != nil {
            results.funding = FundingFit.evaluate(
                gap: need.gap, min: ngo.hasGrantRange ? ngo.grantMin : nil, max: ngo.hasGrantRange ? ngo.grantMax : nil)
        }
        if rules.timeframe != nil {
            results.timeframe = TimeframeFit.value(
                needStart: Int(need.start), needEnd: Int(need.end),
                certificate: ngo.hasCertificate ? Int(ngo.issued)...Int(max(ngo.issued, ngo.expires)) : nil)
        }
        if let rule = rules.trackRecord {
            let tally = trackRecord(need, ngo, rule)
            results.trackRecord = (
                TrackRecord.value(
                    completed: tally.completed, published: tally.published, publishedWeight: rule.published,
                    saturation: rule.saturation), tally
            )
        }
        if rules.load != nil { results.load = Load.value(open: Int(ngo.openPartnerships), capacity: Int(ngo.capacity)) }
        if let rule = rules.underservedProvince {
            results.underserved = Underserved.value(
                ngosWorkingThere: ngosWorkingIn[Int(need.province)], saturation: rule.saturation)
        }
        if rules.sectorEmphasis != nil {
            results.emphasis = SectorEmphasis.value(needSectors: sectors(of: need), emphasised: compiled.emphasised)
        }
        return results
    }

    /// The pair's score, 0–100: the weighted factor values summed in the rule set's order.
    func score(_ needPosition: Int, _ ngoPosition: Int, _ compiled: CompiledRules) -> Double {
        score(compiledNeeds[needPosition], compiledNGOs[ngoPosition], compiled)
    }

    @inline(__always)
    func score(_ need: CompiledNeed, _ ngo: CompiledNGO, _ compiled: CompiledRules, sectorFit known: Double? = nil)
        -> Double
    {
        let results = factorResults(need, ngo, compiled, sectorFit: known)
        var total = 0.0
        for (factor, weight) in compiled.weights { total += weight * results.value(of: factor) }
        return total
    }

    /// The hard filters (other than the minimum score) the pair fails, one bit per `HardFilter` case.
    func failureMask(_ needPosition: Int, _ ngoPosition: Int, _ compiled: CompiledRules) -> UInt16 {
        failureMask(compiledNeeds[needPosition], compiledNGOs[ngoPosition], needPosition, ngoPosition, compiled)
    }

    @inline(__always)
    func failureMask(
        _ need: CompiledNeed, _ ngo: CompiledNGO, _ needPosition: Int, _ ngoPosition: Int, _ compiled: CompiledRules
    ) -> UInt16 {
        let filters = compiled.rules.filters
        var mask: UInt16 = 0
        if filters.needOpen, !need.isOpen { mask |= HardFilter.needOpen.bit }
        // Two sectors under the same top-level sector are at least siblings.
        if filters.sectorOverlap, need.topMask & ngo.topMask == 0 { mask |= HardFilter.sectorOverlap.bit }
        if filters.certificateValid,
            !Self.certificateValid(
                hasCertificate: ngo.hasCertificate, issued: ngo.issued, expires: ngo.expires, on: need.start)
        {
            mask |= HardFilter.certificateValid.bit
        }
        if filters.certificateArea, ngo.hasCertificate, ngo.certificateArea & (1 << UInt64(need.province)) == 0 {
            mask |= HardFilter.certificateArea.bit
        }
        if ngo.hasCertificate, filters.certificateFields != .off {
            let required = filters.certificateFields.required(of: need)
            let missing = required & ~ngo.certificateNodes
            // `all` needs every sector covered; `primary` and `any` need at least one of theirs.
            let fails = filters.certificateFields == .all ? missing != 0 : (missing == required && required != 0)
            if fails { mask |= HardFilter.certificateFields.bit }
        }
        if filters.optOut, ngo.optOutProvinces & (1 << UInt64(need.province)) != 0 || ngo.optOutNodes & need.nodes != 0
        {
            mask |= HardFilter.optOut.bit
        }
        if filters.declined, !compiled.includeDeclined, !declined.isEmpty,
            declined.contains(UInt64(needPosition) << 32 | UInt64(ngoPosition))
        {
            mask |= HardFilter.declined.bit
        }
        return mask
    }

    /// The failed filters of `mask`, with what each would need.
    func failures(_ mask: UInt16, _ needPosition: Int, _ ngoPosition: Int, _ compiled: CompiledRules) -> [FilterFailure]
    {
        // Most assessments pass every filter: their records are not read at all.
        guard mask != 0 else { return [] }
        let need = needs[needPosition]
        let compiledNeed = compiledNeeds[needPosition]
        let sectors = reference.taxonomy.sectors
        return HardFilter.allCases.filter { mask & $0.bit != 0 }.map { filter in
            let detail: FilterFailure.Detail
            switch filter {
            case .needOpen: detail = .needNotOpen(need.status)
            case .sectorOverlap: detail = .noSharedSector
            case .certificateValid:
                let start = need.timeframe.start
                if let registration = ngos[ngoPosition].registration {
                    detail =
                        registration.expires < start
                        ? .certificateExpired(expires: registration.expires, needStart: start)
                        : .certificateNotYetValid(issued: registration.issued, needStart: start)
                } else {
                    detail = .noCertificate
                }
            case .certificateArea: detail = .areaMissing(need.province)
            case .certificateFields:
                let required = compiled.rules.filters.certificateFields.required(of: compiledNeed)
                let missing = required & ~compiledNGOs[ngoPosition].certificateNodes
                detail = .fieldsMissing(
                    sectors.indices.filter { missing & (1 << UInt128($0)) != 0 }.map { sectors[$0].id })
            case .optOut:
                if compiledNGOs[ngoPosition].optOutProvinces & (1 << UInt64(compiledNeed.province)) != 0 {
                    detail = .optedOutOfProvince(need.province)
                } else {
                    let hit = compiledNGOs[ngoPosition].optOutNodes & compiledNeed.nodes
                    detail = .optedOutOfSector(sectors[sectors.indices.first { hit & (1 << UInt128($0)) != 0 } ?? 0].id)
                }
            case .declined: detail = .declinedBefore
            case .minimumScore: detail = .belowMinimum(score: 0, minimum: compiled.rules.minimumScore)
            }
            return FilterFailure(filter: filter, detail: detail)
        }
    }

    /// The pair scored, explained and filtered.
    package func assess(needPosition: Int, ngoPosition: Int, rules: RuleSet, includeDeclined: Bool = false)
        -> Assessment
    {
        assess(needPosition, ngoPosition, CompiledRules(rules, index: self, includeDeclined: includeDeclined))
    }

    func assess(_ needPosition: Int, _ ngoPosition: Int, _ compiled: CompiledRules) -> Assessment {
        let results = factorResults(needPosition, ngoPosition, compiled)
        let need = needs[needPosition]
        // The NGO's compiled record, not its full one: a ranking reads no NGO document, which in
        // an index loaded from a snapshot would be decoded from JSON the first time.
        let ngo = compiledNGOs[ngoPosition]
        let sectors = reference.taxonomy.sectors
        let provinces = reference.provinces.provinces
        let contributions = compiled.weights.map { factor, weight in
            let value = results.value(of: factor)
            let evidence: Evidence
            switch factor {
            case .sectorFit:
                let result = results.sector!
                evidence = .sector(
                    needSector: result.needSector >= 0 ? sectors[result.needSector].id : nil,
                    ngoSector: result.ngoSector >= 0 ? sectors[result.ngoSector].id : nil, tier: result.tier,
                    expertise: result.expertise,
                    priority: need.sectors.first { sectorIndex[$0.sector] == result.needSector }?.priority ?? 0)
            case .geography:
                let tier = results.geography!.tier
                let via: ProvinceID? =
                    switch tier {
                    case .nearby(let province), .elsewhere(let province, _): provinces[province].id
                    default: nil
                    }
                evidence = .geography(tier, province: need.province, via: via)
            case .targetGroups:
                evidence = .targetGroups(
                    shared: need.targetGroups.filter { groupBit[$0].map { ngo.groups & $0 != 0 } ?? false },
                    wanted: need.targetGroups.count)
            case .funding:
                evidence = .funding(
                    results.funding!.relation, gap: need.fundingGapUSD, min: ngo.hasGrantRange ? ngo.grantMin : nil,
                    max: ngo.hasGrantRange ? ngo.grantMax : nil)
            case .timeframe:
                evidence = .timeframe(
                    coveredShare: value,
                    certificateExpires: ngo.hasCertificate ? CalendarDate(dayNumber: Int(ngo.expires)) : nil)
            case .trackRecord: evidence = .trackRecord(results.trackRecord!.tally, province: need.province)
            case .load: evidence = .load(open: Int(ngo.openPartnerships), capacity: Int(ngo.capacity))
            case .underservedProvince:
                evidence = .underserved(ngosWorkingThere: ngosWorkingIn[Int(compiledNeeds[needPosition].province)])
            case .sectorEmphasis: evidence = .sectorEmphasis(share: value)
            }
            return Contribution(
                factor: factor, weight: weight, value: value, points: weight * value, evidence: evidence)
        }
        let score = contributions.reduce(0) { $0 + $1.points }
        var failures = failures(failureMask(needPosition, ngoPosition, compiled), needPosition, ngoPosition, compiled)
        if score < compiled.rules.minimumScore {
            failures.append(
                FilterFailure(
                    filter: .minimumScore, detail: .belowMinimum(score: score, minimum: compiled.rules.minimumScore)))
        }
        return Assessment(
            need: need.id, ngo: ngoEntries[ngoPosition].id, score: score, contributions: contributions,
            failures: failures)
    }
}

extension RuleSet.Filters.FieldCoverage {
    /// The need's taxonomy nodes the certificate's fields are judged against: its highest-priority
    /// sectors for `primary`, all of them otherwise.
    func required(of need: MatchIndex.CompiledNeed) -> UInt128 { self == .primary ? need.primary : need.nodes }
}

extension HardFilter {
    var bit: UInt16 {
        switch self {
        case .needOpen: 1 << 0
        case .sectorOverlap: 1 << 1
        case .certificateValid: 1 << 2
        case .certificateArea: 1 << 3
        case .certificateFields: 1 << 4
        case .optOut: 1 << 5
        case .declined: 1 << 6
        case .minimumScore: 1 << 7
        }
    }
}
