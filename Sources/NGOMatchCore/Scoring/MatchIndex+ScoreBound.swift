/// The highest score a candidate could have, from its `ScoreBoundInputs` alone: each factor's
/// value computed by the factor's own function (or its table for one need) from the packed
/// fields, except the track record, where every completed partnership and published activity is
/// counted. So the bound is the score itself but for that factor and the rounding of grant
/// limits and load, and it is never below the score.
extension MatchIndex {
    /// What a ranking works out once for a need: the points of the factors the need alone decides
    /// (the same for every NGO), the tables of its sector fit and geography, and each factor's
    /// weight (0 when the rule set leaves it out), so that bounding a candidate is straight-line code.
    struct NeedBoundContext {
        let need: CompiledNeed
        let needOnlyPoints: Double
        let sectorFit: SectorFit.Table?
        let geography: Geography.Table?
        let sectorFitWeight: Double
        let geographyWeight: Double
        let targetGroupsWeight: Double
        let fundingWeight: Double
        let timeframeWeight: Double
        let trackRecordWeight: Double
        let trackRecordSaturation: Double
        let publishedWeight: Double
        let loadWeight: Double
    }

    func boundContext(_ need: CompiledNeed, _ compiled: CompiledRules) -> NeedBoundContext {
        let rules = compiled.rules
        let weights = Dictionary(compiled.weights, uniquingKeysWith: +)
        var points = 0.0
        if let rule = rules.underservedProvince {
            points +=
                rule.weight
                * Underserved.value(ngosWorkingThere: ngosWorkingIn[Int(need.province)], saturation: rule.saturation)
        }
        if let rule = rules.sectorEmphasis {
            points +=
                rule.weight * SectorEmphasis.value(needSectors: sectors(of: need), emphasised: compiled.emphasised)
        }
        let provinces = provinceCount
        return NeedBoundContext(
            need: need, needOnlyPoints: points,
            sectorFit: rules.sectorFit.map {
                SectorFit.Table(needSectors: sectors(of: need), parent: parent, rule: $0)
            },
            geography: rules.geography.map {
                Geography.Table(
                    province: Int(need.province), provinceCount: provinces, rule: $0,
                    sameRegion: { region[$0] == region[$1] }, distance: { distanceKm[$0 * provinces + $1] })
            }, sectorFitWeight: weights[.sectorFit] ?? 0, geographyWeight: weights[.geography] ?? 0,
            targetGroupsWeight: weights[.targetGroups] ?? 0,
            fundingWeight: weights[.funding] ?? 0, timeframeWeight: weights[.timeframe] ?? 0,
            trackRecordWeight: weights[.trackRecord] ?? 0, trackRecordSaturation: rules.trackRecord?.saturation ?? 1,
            publishedWeight: rules.trackRecord?.published ?? 0,
            loadWeight: weights[.load] ?? 0)
    }

    /// The score's upper bound for the NGO at `position`, plus a margin for rounding.
    @inline(__always)
    func scoreBound(_ context: NeedBoundContext, _ inputs: ScoreBoundInputs, at position: Int) -> Double {
        let need = context.need
        var total = context.needOnlyPoints
        if let table = context.sectorFit {
            let value =
                if let packed = inputs.packedSectors {
                    table.value(offered: packed)
                } else {
                    table.value(offered: sectors(of: compiledNGOs[position]))
                }
            total += context.sectorFitWeight * value
        }
        if let table = context.geography {
            total +=
                context.geographyWeight
                * table.value(
                    current: inputs.current, past: inputs.past, nationwide: inputs.has(ScoreBoundInputs.nationwide))
        }
        if context.targetGroupsWeight != 0 {
            total += context.targetGroupsWeight * TargetGroupFit.value(need: need.groups, ngo: inputs.groups)
        }
        if context.fundingWeight != 0 {
            let known = inputs.has(ScoreBoundInputs.hasGrantRange)
            total +=
                context.fundingWeight
                * FundingFit.evaluate(
                    gap: need.gap, min: known ? Double(inputs.grantMin) : nil,
                    max: known ? Double(inputs.grantMax) : nil
                ).value
        }
        if context.timeframeWeight != 0 {
            total +=
                context.timeframeWeight
                * TimeframeFit.value(
                    needStart: Int(need.start), needEnd: Int(need.end),
                    certificate: inputs.has(ScoreBoundInputs.hasCertificate)
                        ? Int(inputs.issued)...Int(max(inputs.issued, inputs.expires)) : nil)
        }
        if context.trackRecordWeight != 0 {
            total +=
                context.trackRecordWeight
                * TrackRecord.value(
                    completed: Int(inputs.completed), published: Int(inputs.published),
                    publishedWeight: context.publishedWeight, saturation: context.trackRecordSaturation)
        }
        if context.loadWeight != 0 { total += context.loadWeight * Double(inputs.load) }
        // The score adds the same products in another order: its last bits may differ.
        return total + 1e-9 * (1 + abs(total))
    }

    /// Whether the certificate is valid on the need's first day, as the `certificateValid` filter asks.
    @inline(__always)
    static func certificateValid(hasCertificate: Bool, issued: Int32, expires: Int32, on start: Int32) -> Bool {
        hasCertificate && start >= issued && start <= expires
    }

    /// The bound inputs (and top-level sectors) of the NGO at `position`, made again from its
    /// compiled record after a change.
    mutating func refreshBoundInputs(at position: Int) {
        let ngo = compiledNGOs[position]
        let inputs = ScoreBoundInputs(ngo, sectors: sectors(of: ngo))
        if position == scoreBoundInputs.count {
            scoreBoundInputs.append(inputs)
            ngoTopMasks.append(ngo.topMask)
        } else {
            scoreBoundInputs[position] = inputs
            ngoTopMasks[position] = ngo.topMask
        }
    }
}
