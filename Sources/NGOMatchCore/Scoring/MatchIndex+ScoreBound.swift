/// The highest score a candidate could have, from its `ScoreBoundInputs` alone: each factor's
/// value computed by the factor's own function (or its table for one need) from the packed
/// fields, except the track record, where every completed partnership is counted. So the bound is the score itself but for that
/// factor and the rounding of grant limits and load, and it is never below the score.
extension MatchIndex {
    /// The factors a need alone decides (the same for every NGO), and the rule set's margin for
    /// the order in which the score adds its points.
    struct NeedBoundContext {
        let need: CompiledNeed
        let needOnlyPoints: Double
        let sectorFit: SectorFit.Table?
        let geography: Geography.Table?
    }

    func boundContext(_ need: CompiledNeed, _ compiled: CompiledRules) -> NeedBoundContext {
        let rules = compiled.rules
        var points = 0.0
        for (factor, weight) in compiled.weights {
            switch factor {
            case .underservedProvince:
                points +=
                    weight
                    * Underserved.value(
                        ngosWorkingThere: ngosWorkingIn[Int(need.province)],
                        saturation: rules.underservedProvince!.saturation)
            case .sectorEmphasis:
                points += weight * SectorEmphasis.value(needSectors: sectors(of: need), emphasised: compiled.emphasised)
            default: continue
            }
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
            })
    }

    /// The score's upper bound for the NGO at `position`, plus a margin for rounding.
    @inline(__always)
    func scoreBound(
        _ context: NeedBoundContext, _ inputs: ScoreBoundInputs, at position: Int, _ compiled: CompiledRules
    )
        -> Double
    {
        let need = context.need
        let rules = compiled.rules
        var total = context.needOnlyPoints
        for (factor, weight) in compiled.weights {
            let value: Double
            switch factor {
            case .sectorFit:
                let table = context.sectorFit!
                if let packed = inputs.packedSectors {
                    value = table.value(offered: packed)
                } else {
                    value = table.value(offered: sectors(of: compiledNGOs[position]))
                }
            case .geography:
                value = context.geography!.value(
                    current: inputs.current, past: inputs.past, nationwide: inputs.has(ScoreBoundInputs.nationwide))
            case .targetGroups: value = TargetGroupFit.value(need: need.groups, ngo: inputs.groups)
            case .funding:
                let known = inputs.has(ScoreBoundInputs.hasGrantRange)
                value =
                    FundingFit.evaluate(
                        gap: need.gap, min: known ? Double(inputs.grantMin) : nil,
                        max: known ? Double(inputs.grantMax) : nil
                    ).value
            case .timeframe:
                value = TimeframeFit.value(
                    needStart: Int(need.start), needEnd: Int(need.end),
                    certificate: inputs.has(ScoreBoundInputs.hasCertificate)
                        ? Int(inputs.issued)...Int(max(inputs.issued, inputs.expires)) : nil)
            case .trackRecord:
                value = TrackRecord.value(completed: Int(inputs.completed), saturation: rules.trackRecord!.saturation)
            case .load: value = Double(inputs.load)
            case .underservedProvince, .sectorEmphasis: continue
            }
            total += weight * value
        }
        // The score adds the same products in another order: its last bits may differ.
        return total + 1e-9 * (1 + abs(total))
    }

    /// Whether the certificate is valid on the need's first day, as the `certificateValid` filter asks.
    @inline(__always)
    static func certificateValid(hasCertificate: Bool, issued: Int32, expires: Int32, on start: Int32) -> Bool {
        hasCertificate && start >= issued && start <= expires
    }

    /// The bound inputs of the NGO at `position`, made again from its compiled record after a change.
    mutating func refreshBoundInputs(at position: Int) {
        let inputs = ScoreBoundInputs(compiledNGOs[position], sectors: sectors(of: compiledNGOs[position]))
        if position == scoreBoundInputs.count {
            scoreBoundInputs.append(inputs)
        } else {
            scoreBoundInputs[position] = inputs
        }
    }
}
