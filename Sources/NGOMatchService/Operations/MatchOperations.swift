import NGOMatchCore

package enum SuggestOperation: ServiceOperation {
    package static let name = "match.suggest"
    package static let command = "suggest"
    package static let access = Access.read
    package static let summary = "NGOs ranked for a need or a province's open needs."
    package static let guidance =
        "Which NGOs should a province approach? Ranks NGOs for one need (need) or for each open need of a province (province, optionally one sector), best first, each with a score 0–100, the reasons that weigh most, and every factor's points. Use it for questions like 'Which NGOs should Cao Bằng approach for maternal health?'."
    package static let example = #"{"province":"Cao Bằng","limit":3}"#
    package static let commandExample = ["suggest", "--province", "Cao Bằng", "--limit", "3"]
    package static func run(_ service: MatchService, _ params: SuggestParams, caller: Caller) throws -> SuggestResult {
        try service.suggest(params)
    }
    /// One need's ranking; a province's reads every open need there.
    package static func replyScope(_ params: SuggestParams) -> ReplyScope {
        guard params.province == nil, let need = params.need else { return .whole }
        return .ranking(NeedID(need))
    }
}

package enum DiscoverOperation: ServiceOperation {
    package static let name = "match.discover"
    package static let command = "discover"
    package static let access = Access.read
    package static let summary = "Open needs ranked for an NGO."
    package static let guidance =
        "Where are the needs an NGO could serve? Ranks open needs for one NGO, best first, with scores and reasons; filter by sector or region."
    package static let example = #"{"ngo":"WWF","limit":3}"#
    package static let commandExample = ["discover", "--ngo", "WWF", "--limit", "3"]
    package static func run(_ service: MatchService, _ params: DiscoverParams, caller: Caller) throws -> DiscoverResult
    {
        try service.discover(params)
    }
}

package enum ExplainOperation: ServiceOperation {
    package static let name = "match.explain"
    package static let command = "explain"
    package static let access = Access.read
    package static let summary = "A pair's full score breakdown."
    package static let guidance =
        "Why does this NGO score what it does for this need? Every factor with its weight, value, points and explanation, every hard filter, and the rule set's parameters."
    package static let example = #"{"need":"cao-bang-1","ngo":"MCNV"}"#
    package static let commandExample = ["explain", "--need", "cao-bang-1", "--ngo", "MCNV"]
    package static func run(_ service: MatchService, _ params: ExplainParams, caller: Caller) throws -> ExplainedPair {
        try service.explain(params)
    }
    package static func replyScope(_ params: ExplainParams) -> ReplyScope { .ranking(NeedID(params.need)) }
}

package enum CompareOperation: ServiceOperation {
    package static let name = "match.compare"
    package static let command = "suggest --compare-rules"
    package static let access = Access.read
    package static let summary = "A ranking under two rule sets, side by side."
    package static let guidance =
        "What if we scored differently? The same ranking (for a need, a province's open needs, or an NGO) under two rule sets: each candidate's rank and score under both, how far it moved, and the factors whose points changed most."
    package static let example = #"{"need":"cao-bang-1","rules":["default","climate"],"limit":3}"#
    package static let commandExample = [
        "suggest", "--need", "cao-bang-1", "--compare-rules", "default,climate", "--limit", "3",
    ]
    package static func run(_ service: MatchService, _ params: CompareParams, caller: Caller) throws -> CompareResult {
        try service.compare(params)
    }
}

package enum GapsOperation: ServiceOperation {
    package static let name = "gaps.report"
    package static let command = "gaps"
    package static let access = Access.read
    package static let summary = "Weak needs, short sectors, provinces with few partners."
    package static let guidance =
        "Which needs does nobody serve? Open needs whose best candidate scores below the threshold (with why), sectors where demand exceeds supply, and provinces with few viable partners."
    package static let example = #"{"threshold":50}"#
    package static let commandExample = ["gaps", "--threshold", "50"]
    package static func run(_ service: MatchService, _ params: GapsParams, caller: Caller) throws -> GapsReport {
        try service.gaps(params)
    }
}

package enum CoverageMapOperation: ServiceOperation {
    package static let name = "gaps.map"
    package static let command = "gaps --map"
    package static let access = Access.read
    package static let summary = "The coverage map: each province coloured by a measure of what nobody serves."
    package static let guidance =
        "Colours the 34 provinces and centrally-run cities by open needs, open needs no NGO may take, unmet funding gap or NGOs per open need (optionally for one sector), with the classes of the legend, each unit's figure in words and the map as SVG."
    package static let example = #"{"measure":"unservedNeeds","sector":"health"}"#
    package static let commandExample = [
        "gaps", "--map", "-", "--measure", "unservedNeeds", "--sector", "health", "--format", "json",
    ]
    package static func run(_ service: MatchService, _ params: CoverageParams, caller: Caller) throws -> CoverageResult
    {
        try service.coverage(params)
    }
}
