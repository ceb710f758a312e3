import NGOMatchCore
import NGOMatchStore

package struct SuggestParams: OperationParams {
    package static let parameters =
        [
            Parameter("need", .text, "A need's id (e.g. cao-bang-1): rank NGOs for this need. Give need or province."),
            Parameter.province, Parameter("sector", .text, "With province: only its needs in this sector."),
        ] + RankingParams.parameters
    package var need: String?
    package var province: String?
    package var sector: String?
    package var ranking: RankingParams

    package init(
        need: String? = nil, province: String? = nil, sector: String? = nil, ranking: RankingParams = RankingParams()
    ) {
        self.need = need
        self.province = province
        self.sector = sector
        self.ranking = ranking
    }

    private enum CodingKeys: String, CodingKey { case need, province, sector }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        need = try container.decodeIfPresent(String.self, forKey: .need)
        province = try container.decodeIfPresent(String.self, forKey: .province)
        sector = try container.decodeIfPresent(String.self, forKey: .sector)
        // The ranking options sit beside the other parameters, as every door gives them.
        ranking = try RankingParams(from: decoder)
    }
}

package struct DiscoverParams: OperationParams {
    /// Spreading is for one need's list of NGOs; an NGO's list of needs has nothing to spread.
    package static let parameters =
        [
            Parameter.ngo, Parameter("sector", .text, "Only needs in this sector (a sector includes its subsectors)."),
            Parameter("region", .text, "Only needs in this region (id, e.g. mekong-delta)."),
            Parameter(
                "since", .text,
                "Only needs registered after this moment (ISO 8601, e.g. 2026-11-01T00:00:00Z): what is new for the NGO."
            ),
        ] + RankingParams.parameters.filter { $0.name != "diversify" }
    package var ngo: String
    package var sector: String?
    package var region: String?
    package var since: String?
    package var ranking: RankingParams

    package init(
        ngo: String, sector: String? = nil, region: String? = nil, since: String? = nil,
        ranking: RankingParams = RankingParams()
    ) {
        self.ngo = ngo
        self.sector = sector
        self.region = region
        self.since = since
        self.ranking = ranking
    }

    private enum CodingKeys: String, CodingKey { case ngo, sector, region, since }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ngo = try container.decode(String.self, forKey: .ngo)
        sector = try container.decodeIfPresent(String.self, forKey: .sector)
        region = try container.decodeIfPresent(String.self, forKey: .region)
        since = try container.decodeIfPresent(String.self, forKey: .since)
        ranking = try RankingParams(from: decoder)
    }
}

package struct ExplainParams: OperationParams {
    package static let parameters = [
        Parameter("need", .text, required: true, "The need's id."), Parameter.ngo, Parameter.rules,
        Parameter.includeDeclined, Parameter.lang,
    ]
    package var need: String
    package var ngo: String
    package var rules: String?
    package var includeDeclined: Bool?
    package var lang: Language?

    package init(need: String, ngo: String, rules: String? = nil, includeDeclined: Bool = false, lang: Language? = nil)
    {
        self.need = need
        self.ngo = ngo
        self.rules = rules
        self.includeDeclined = includeDeclined
        self.lang = lang
    }
}

package struct GapsParams: OperationParams {
    package static let parameters = [
        Parameter(
            "threshold", .number, "A need is weak when its best candidate scores below this, 0–100 (default 50)."),
        Parameter.rules,
        Parameter(
            "explain", .integer,
            "Say why for the N weakest needs: how many NGOs the rules keep out, the commonest reason, the best NGO's name."
        ),
        Parameter.lang,
    ]
    package var threshold: Double?
    package var rules: String?
    package var explain: Int?
    package var lang: Language?
    package init(threshold: Double? = nil, rules: String? = nil, explain: Int? = nil, lang: Language? = nil) {
        self.threshold = threshold
        self.rules = rules
        self.explain = explain
        self.lang = lang
    }
}

/// One need's ranked NGOs.
package struct SuggestionList: Encodable, Sendable {
    package let need: NeedID
    package let title: String
    package let province: ProvinceID
    package let rules: String
    package let ranked: [AssessmentReport]
    package let excluded: [AssessmentReport]
}

/// What `match.suggest` returns: a list per need, and notes for the reader.
package struct SuggestResult: Encodable, Sendable {
    package let suggestions: [SuggestionList]
    /// E.g. "Hà Giang was merged into Tuyên Quang on 1 July 2025."
    package let notes: [String]
}

package struct DiscoverResult: Encodable, Sendable {
    package let ngo: NGOID
    package let name: String
    package let rules: String
    package let ranked: [AssessmentReport]
    package let excluded: [AssessmentReport]
}

/// A pair's explanation with the rule set it was scored under.
package struct ExplainedPair: Encodable, Sendable {
    package let report: AssessmentReport
    package let rules: String
    package let minimumScore: Double
    package let parameters: RuleParameters
}

extension MatchService {
    package func suggest(_ params: SuggestParams) throws -> SuggestResult {
        guard (params.need == nil) != (params.province == nil) else {
            throw ServiceError.invalidParams(
                field: "need", expected: .key("params.needOrProvince"))
        }
        if params.sector != nil && params.province == nil {
            throw ServiceError.invalidParams(field: "sector", expected: .key("params.goesWith", "sector", "province"))
        }
        let ranking = params.ranking
        try Paging.check(limit: ranking.limit)
        let rules = try rules(ranking.rules)
        let index = try index()
        let language = ranking.lang ?? .en
        let detail = ranking.explain ?? .full
        var notes: [String] = []
        var positions: [Int] = []
        if let need = params.need {
            // The index holds every need; the registry is asked only to explain a miss.
            guard let position = index.needPosition(NeedID(need)) else {
                _ = try registry.need(need)
                throw RegistryError.notFound(kind: "need", id: need, suggestions: [])
            }
            positions = [position]
        } else if let province = params.province {
            let match = try reference.provinces.resolve(province)
            if case .formerProvince(let former) = match.route {
                notes.append(Messages.text("cli.merged", language, former, match.province.name.vi))
            }
            let sector = try params.sector.map { try reference.taxonomy.resolve($0) }
            positions = index.openNeedPositions(in: match.province.id).filter { position in
                sector.map { wanted in
                    index.needs[position].sectors.contains { reference.taxonomy.isWithin($0.sector, wanted.id) }
                } ?? true
            }.sorted { index.needID(at: $0) < index.needID(at: $1) }
            if positions.isEmpty {
                notes.append(
                    sector.map {
                        Messages.text("note.noOpenNeedsIn", language, match.province.name.vi, $0.name.in(language))
                    } ?? Messages.text("note.noOpenNeeds", language, match.province.name.vi))
            }
        }
        let rankings = index.suggest(needPositions: positions, rules: rules, options: ranking.options)
        let lists = zip(positions, rankings).map { position, result in
            SuggestionList(
                need: index.needs[position].id, title: index.needs[position].title,
                province: index.needs[position].province,
                rules: rules.name,
                ranked: result.ranked.map { AssessmentReport($0, index: index, language: language, detail: detail) },
                excluded: result.excluded.map { AssessmentReport($0, index: index, language: language, detail: detail) }
            )
        }
        return SuggestResult(suggestions: lists, notes: notes)
    }

    package func discover(_ params: DiscoverParams) throws -> DiscoverResult {
        try Paging.check(limit: params.ranking.limit)
        let rules = try rules(params.ranking.rules)
        let found = try registry.ngo(named: params.ngo)
        let sector = try params.sector.map { try reference.taxonomy.resolve($0).id }
        if let region = params.region, !reference.provinces.regions.contains(where: { $0.id.rawValue == region }) {
            let ids = reference.provinces.regions.map(\.id.rawValue)
            throw LookupError(
                kind: "region", input: region,
                problem: .unknown(suggestions: Suggestions.closest(to: region, among: ids)))
        }
        let index = try index()
        guard let position = index.ngoPosition(found.id) else {
            throw RegistryError.notFound(kind: "NGO", id: params.ngo, suggestions: [])
        }
        var ranking = params.ranking
        ranking.diversify = nil
        let options = ranking.options
        // Timestamps are stored in one ISO 8601 form, so later ones sort later as text.
        let only = params.since.map { since in index.needs.indices.filter { (index.needs[$0].createdAt ?? "") > since }
        }
        let result = index.discover(
            ngoPosition: position, rules: rules, options: options, sector: sector,
            region: params.region.map { RegionID($0) }, only: only)
        let language = params.ranking.lang ?? .en
        let detail = params.ranking.explain ?? .full
        return DiscoverResult(
            ngo: found.id, name: found.name, rules: rules.name,
            ranked: result.ranked.map { AssessmentReport($0, index: index, language: language, detail: detail) },
            excluded: result.excluded.map { AssessmentReport($0, index: index, language: language, detail: detail) })
    }

    package func explain(_ params: ExplainParams) throws -> ExplainedPair {
        let rules = try rules(params.rules)
        let needID = try registry.need(params.need).id
        let ngoID = try registry.ngo(named: params.ngo).id
        let index = try index()
        guard let needPosition = index.needPosition(needID), let ngoPosition = index.ngoPosition(ngoID) else {
            throw RegistryError.notFound(kind: "need or NGO", id: "\(needID) / \(ngoID)", suggestions: [])
        }
        let assessment = index.assess(
            needPosition: needPosition, ngoPosition: ngoPosition, rules: rules,
            includeDeclined: params.includeDeclined ?? false)
        return ExplainedPair(
            report: AssessmentReport(assessment, index: index, language: params.lang ?? .en), rules: rules.name,
            minimumScore: rules.minimumScore, parameters: RuleParameters(rules))
    }

    package func gaps(_ params: GapsParams) throws -> GapsReport {
        let threshold = params.threshold ?? 50
        guard threshold.isFinite, (0...1000).contains(threshold) else {
            throw ServiceError.invalidParams(field: "threshold", expected: .key("params.zeroToHundred"))
        }
        if let explain = params.explain, explain < 0 {
            throw ServiceError.invalidParams(field: "explain", expected: .key("params.atLeastZero"))
        }
        let rules = try rules(params.rules)
        let report = try index().gaps(rules: rules, threshold: threshold, today: .today)
        return try explainingWeakest(report, count: params.explain ?? 0, rules: rules, language: params.lang ?? .en)
    }

    /// The report with its `count` weakest needs explained: the NGOs the rules keep out of each
    /// and the reason most of them share, so that a planner sees what would have to change.
    package func explainingWeakest(_ report: GapsReport, count: Int, rules: RuleSet, language: Language) throws
        -> GapsReport
    {
        guard count > 0 else { return report }
        let index = try index()
        let explanation = Explanation(reference: reference, language: language)
        var explained = report
        for row in explained.weakNeeds.indices.prefix(count) {
            var need = explained.weakNeeds[row]
            need.bestNGOName = need.bestNGO.flatMap(index.ngoPosition).map { index.ngoEntry(at: $0).name }
            if let position = index.needPosition(need.need) {
                // Every NGO may be ranked: a bounded ranking lists only the excluded that would have
                // entered its top, and would undercount those kept out.
                let ranking = index.suggest(
                    needPosition: position, rules: rules,
                    options: RankOptions(limit: max(1, index.ngos.count), showExcluded: true))
                let failures = ranking.excluded.flatMap(\.failures)
                let counts = Dictionary(grouping: failures, by: \.filter).mapValues(\.count)
                need.excluded = ranking.excluded.count
                if let commonest = counts.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) })?.key,
                    let example = failures.first(where: { $0.filter == commonest })
                {
                    need.commonestExclusion = explanation.describe(example).reason
                }
            }
            explained.weakNeeds[row] = need
        }
        return explained
    }

    /// The gaps of open needs in one sector (and its subsectors), with the default threshold
    /// and rules, as the coverage map of that sector draws them.
    package func gaps(inSector sector: String) throws -> GapsReport {
        let id = try reference.taxonomy.resolve(sector).id
        return try index().gaps(rules: rules(nil), threshold: 50, sector: id, today: .today)
    }

    /// Demand against supply for every sector, without scoring (see `MatchIndex.openSectorBalances`).
    package func sectorBalances() throws -> [GapsReport.SectorBalance] { try index().openSectorBalances(today: .today) }

}
