import NGOMatchCore
import NGOMatchStore

/// What-if: the same ranking under two rule sets, for a need, a province's open needs, or an NGO.
package struct CompareParams: OperationParams {
    package static let parameters = [
        Parameter("need", .text, "A need's id: compare its ranking of NGOs."),
        Parameter("province", .text, "A province: compare the ranking for each of its open needs (any name)."),
        Parameter("sector", .text, "With province or ngo: only needs in this sector."),
        Parameter("ngo", .text, "An NGO (id, name or acronym): compare its ranking of open needs instead."),
        Parameter("region", .text, "With ngo: only needs in this region."),
        Parameter(
            "rules", .textList, required: true, "Two rule set names, before and after, e.g. [\"default\", \"climate\"]."
        ),
        Parameter.limit, Parameter.includeDeclined, Parameter.lang,
    ]
    package var need: String?
    package var province: String?
    package var sector: String?
    /// Compares the NGO's ranking of open needs (`discover`) instead.
    package var ngo: String?
    package var region: String?
    /// Exactly two: the rule set before and the one after.
    package var rules: [String]
    package var limit: Int?
    package var includeDeclined: Bool?
    package var lang: Language?

    package init(
        need: String? = nil, province: String? = nil, sector: String? = nil, ngo: String? = nil,
        region: String? = nil, rules: [String], limit: Int? = nil, includeDeclined: Bool? = nil,
        lang: Language? = nil
    ) {
        self.need = need
        self.province = province
        self.sector = sector
        self.ngo = ngo
        self.region = region
        self.rules = rules
        self.limit = limit
        self.includeDeclined = includeDeclined
        self.lang = lang
    }
}

package struct CompareResult: Encodable, Sendable {
    package let before: String
    package let after: String
    package let comparisons: [RankingComparison]
    package let notes: [String]
}

extension MatchService {
    package func compare(_ params: CompareParams) throws -> CompareResult {
        guard params.rules.count == 2, params.rules[0] != params.rules[1] else {
            throw ServiceError.invalidParams(
                field: "rules", expected: .key("params.twoRuleSets"))
        }
        try Paging.check(limit: params.limit)
        let limit = params.limit ?? 10
        // Both rankings whole, so a candidate that falls out of the top still shows where it went.
        func ranking(_ rules: String) -> RankingParams {
            RankingParams(
                rules: rules, limit: 1000, showExcluded: true, includeDeclined: params.includeDeclined,
                lang: params.lang)
        }
        let labels = try params.rules.map { try self.rules($0).name }
        if let ngo = params.ngo {
            guard params.need == nil, params.province == nil else {
                throw ServiceError.invalidParams(
                    field: "ngo", expected: .key("params.ngoOrNeed"))
            }
            let runs = try params.rules.map {
                try discover(
                    DiscoverParams(ngo: ngo, sector: params.sector, region: params.region, ranking: ranking($0)))
            }
            let comparison = RankingComparison(
                subject: runs[0].ngo.rawValue, subjectName: runs[0].name,
                before: (labels[0], runs[0].ranked, runs[0].excluded),
                after: (labels[1], runs[1].ranked, runs[1].excluded),
                limit: limit, key: { ($0.need.rawValue, $0.needTitle) })
            return CompareResult(before: labels[0], after: labels[1], comparisons: [comparison], notes: [])
        }
        if params.region != nil {
            throw ServiceError.invalidParams(field: "region", expected: .key("params.goesWith", "region", "ngo"))
        }
        let runs = try params.rules.map {
            try suggest(
                SuggestParams(need: params.need, province: params.province, sector: params.sector, ranking: ranking($0))
            )
        }
        let comparisons = zip(runs[0].suggestions, runs[1].suggestions).map { old, new in
            RankingComparison(
                subject: old.need.rawValue, subjectName: old.title, before: (labels[0], old.ranked, old.excluded),
                after: (labels[1], new.ranked, new.excluded), limit: limit, key: { ($0.ngo.rawValue, $0.ngoName) })
        }
        return CompareResult(before: labels[0], after: labels[1], comparisons: comparisons, notes: runs[0].notes)
    }
}
