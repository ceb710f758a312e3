/// Scoring one pair. The fast path (`score`, `failedFilters`) and the explained
/// path (`assess`) share `factorResults`, so a ranking and its explanation never disagree.
extension MatchIndex {
    struct FactorResults {
        var sector: SectorFit.Result?
        var geography: Geography.Result?
        var targetGroups: Double?
        var funding: (value: Double, relation: FundingFit.Relation)?
        var timeframe: Double?
        var trackRecord: (value: Double, completed: Int)?
        var load: Double?
        var underserved: Double?
        var emphasis: Double?
    }

    func factorResults(_ needPosition: Int, _ ngoPosition: Int, _ rules: RuleSet) -> FactorResults {
        let need = compiledNeeds[needPosition]
        let ngo = compiledNGOs[ngoPosition]
        var results = FactorResults()
        if let rule = rules.sectorFit {
            results.sector = SectorFit.evaluate(
                needSectors: need.sectors, ngoSectors: ngo.sectors, parent: parent, rule: rule)
        }
        if let rule = rules.geography {
            results.geography = Geography.evaluate(
                province: need.province, current: ngo.current, past: ngo.past, nationwide: ngo.nationwide, rule: rule,
                sameRegion: sameRegion, distance: distance)
        }
        if rules.targetGroups != nil { results.targetGroups = TargetGroupFit.value(need: need.groups, ngo: ngo.groups) }
        if rules.funding != nil {
            results.funding = FundingFit.evaluate(gap: need.gap, min: ngo.grantMin, max: ngo.grantMax)
        }
        if rules.timeframe != nil {
            results.timeframe = TimeframeFit.value(
                needStart: need.start, needEnd: need.end, certificate: ngo.certificate)
        }
        if let rule = rules.trackRecord {
            let completed = ngo.completed.reduce(0) {
                $0 + ($1.province == need.province || $1.topMask & need.topMask != 0 ? 1 : 0)
            }
            results.trackRecord = (TrackRecord.value(completed: completed, saturation: rule.saturation), completed)
        }
        if rules.load != nil { results.load = Load.value(open: ngo.openPartnerships, capacity: ngo.capacity) }
        if let rule = rules.underservedProvince {
            results.underserved = Underserved.value(
                ngosWorkingThere: ngosWorkingIn[need.province], saturation: rule.saturation)
        }
        if let rule = rules.sectorEmphasis {
            let emphasised = Set(rule.sectors.compactMap { sectorIndex[$0] })
            results.emphasis = SectorEmphasis.value(needSectors: need.sectors) { node in
                emphasised.contains(node) || emphasised.contains(parent[node])
            }
        }
        return results
    }

    /// The points each factor gives, in the rule set's factor order.
    func points(_ results: FactorResults, _ rules: RuleSet) -> [(factor: FactorKind, weight: Double, value: Double)] {
        rules.weights.map { factor, weight in
            let value: Double =
                switch factor {
                case .sectorFit: results.sector?.value ?? 0
                case .geography: results.geography?.value ?? 0
                case .targetGroups: results.targetGroups ?? 0
                case .funding: results.funding?.value ?? 0
                case .timeframe: results.timeframe ?? 0
                case .trackRecord: results.trackRecord?.value ?? 0
                case .load: results.load ?? 0
                case .underservedProvince: results.underserved ?? 0
                case .sectorEmphasis: results.emphasis ?? 0
                }
            return (factor, weight, value)
        }
    }

    /// The pair's score, 0–100.
    func score(_ needPosition: Int, _ ngoPosition: Int, _ rules: RuleSet) -> Double {
        points(factorResults(needPosition, ngoPosition, rules), rules).reduce(0) { $0 + $1.weight * $1.value }
    }

    /// The hard filters (other than the minimum score) the pair fails.
    func failedFilters(_ needPosition: Int, _ ngoPosition: Int, _ rules: RuleSet, includeDeclined: Bool)
        -> [FilterFailure]
    {
        let need = compiledNeeds[needPosition]
        let ngo = compiledNGOs[ngoPosition]
        let filters = rules.filters
        var failures: [FilterFailure] = []
        if filters.needOpen, !need.isOpen {
            failures.append(FilterFailure(filter: .needOpen, detail: .needNotOpen(needs[needPosition].status)))
        }
        if filters.sectorOverlap,
            !need.sectors.contains(where: { wanted in
                ngo.sectors.contains { SectorFit.tier(wanted.node, $0.node, parent) != .none }
            })
        {
            failures.append(FilterFailure(filter: .sectorOverlap, detail: .noSharedSector))
        }
        let provinceBit: UInt64 = 1 << UInt64(need.province)
        if filters.certificateValid {
            let start = needs[needPosition].timeframe.start
            if let registration = ngos[ngoPosition].registration {
                if registration.expires < start {
                    failures.append(
                        FilterFailure(
                            filter: .certificateValid,
                            detail: .certificateExpired(expires: registration.expires, needStart: start)))
                } else if registration.issued > start {
                    failures.append(
                        FilterFailure(
                            filter: .certificateValid,
                            detail: .certificateNotYetValid(issued: registration.issued, needStart: start)))
                }
            } else {
                failures.append(FilterFailure(filter: .certificateValid, detail: .noCertificate))
            }
        }
        if filters.certificateArea, ngo.certificate != nil, ngo.certificateArea & provinceBit == 0 {
            failures.append(FilterFailure(filter: .certificateArea, detail: .areaMissing(needs[needPosition].province)))
        }
        if filters.certificateFields != .off, ngo.certificate != nil {
            let required: [Int] =
                switch filters.certificateFields {
                case .primary: need.primaryNodes
                case .all, .any: need.sectors.map(\.node)
                case .off: []
                }
            let missing = required.filter { !ngo.certificateNodes[$0] }
            let fails =
                filters.certificateFields == .any
                ? missing.count == required.count && !required.isEmpty : !missing.isEmpty
            if fails {
                let sectors = reference.taxonomy.sectors
                failures.append(
                    FilterFailure(filter: .certificateFields, detail: .fieldsMissing(missing.map { sectors[$0].id })))
            }
        }
        if filters.optOut {
            if ngo.optOutProvinces & provinceBit != 0 {
                failures.append(
                    FilterFailure(filter: .optOut, detail: .optedOutOfProvince(needs[needPosition].province)))
            } else if let node = need.sectors.first(where: { ngo.optOutNodes[$0.node] })?.node {
                failures.append(
                    FilterFailure(filter: .optOut, detail: .optedOutOfSector(reference.taxonomy.sectors[node].id)))
            }
        }
        if filters.declined, !includeDeclined, declined.contains(UInt64(needPosition) << 32 | UInt64(ngoPosition)) {
            failures.append(FilterFailure(filter: .declined, detail: .declinedBefore))
        }
        return failures
    }

    /// The pair scored, explained and filtered.
    public func assess(needPosition: Int, ngoPosition: Int, rules: RuleSet, includeDeclined: Bool = false) -> Assessment
    {
        let results = factorResults(needPosition, ngoPosition, rules)
        let need = needs[needPosition]
        let ngo = ngos[ngoPosition]
        let sectors = reference.taxonomy.sectors
        let provinces = reference.provinces.provinces
        let contributions = points(results, rules).map { factor, weight, value in
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
                    shared: need.targetGroups.filter(ngo.targetGroups.contains), wanted: need.targetGroups.count)
            case .funding:
                evidence = .funding(
                    results.funding!.relation, gap: need.fundingGapUSD, min: ngo.grantRange?.min,
                    max: ngo.grantRange?.max)
            case .timeframe:
                evidence = .timeframe(coveredShare: value, certificateExpires: ngo.registration?.expires)
            case .trackRecord: evidence = .trackRecord(completed: results.trackRecord!.completed)
            case .load: evidence = .load(open: compiledNGOs[ngoPosition].openPartnerships, capacity: ngo.capacity)
            case .underservedProvince:
                evidence = .underserved(ngosWorkingThere: ngosWorkingIn[compiledNeeds[needPosition].province])
            case .sectorEmphasis: evidence = .sectorEmphasis(share: value)
            }
            return Contribution(
                factor: factor, weight: weight, value: value, points: weight * value, evidence: evidence)
        }
        let score = contributions.reduce(0) { $0 + $1.points }
        var failures = failedFilters(needPosition, ngoPosition, rules, includeDeclined: includeDeclined)
        if score < rules.minimumScore {
            failures.append(
                FilterFailure(filter: .minimumScore, detail: .belowMinimum(score: score, minimum: rules.minimumScore)))
        }
        return Assessment(need: need.id, ngo: ngo.id, score: score, contributions: contributions, failures: failures)
    }
}
