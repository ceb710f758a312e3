import ArgumentParser
import NGOMatchCore
import NGOMatchStore

struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Rank the open needs an NGO could serve.",
        discussion: """
            Examples:
              ngomatch discover --ngo WWF
              ngomatch discover --ngo "Save the Children International" --sector education --region northern-midlands-mountains
              ngomatch discover --ngo npa --rules underserved --format csv
            """
    )

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scoring: ScoringOptions
    @OptionGroup var ranking: RankingOptions
    @Option(help: "The NGO: id, name or acronym.") var ngo: String
    @Option(help: "Only needs in this sector (a top-level sector includes its subsectors).") var sector: String?
    @Option(help: "Only needs in this region (id, e.g. mekong-delta).") var region: String?

    func run() throws {
        let opened = try registry.open()
        let rules = try scoring.ruleSet(opened)
        let found = try opened.ngo(named: ngo)
        let sectorID = try sector.map { try opened.reference.taxonomy.resolve($0).id }
        if let region, !opened.reference.provinces.regions.contains(where: { $0.id.rawValue == region }) {
            let ids = opened.reference.provinces.regions.map(\.id.rawValue)
            throw LookupError(
                kind: "region", input: region,
                problem: .unknown(suggestions: Suggestions.closest(to: region, among: ids)))
        }
        let index = try opened.matchIndex()
        let result = index.discover(
            ngoPosition: index.ngoPosition(found.id)!, rules: rules, options: ranking.options, sector: sectorID,
            region: region.map { RegionID($0) })
        let language = output.language
        let ranked = result.ranked.map { AssessmentReport($0, index: index, language: language) }
        let excluded = result.excluded.map { AssessmentReport($0, index: index, language: language) }
        try output.emit(
            ranked + excluded,
            table: {
                var text = "Needs \(found.name) could serve (rules: \(rules.name))\n"
                text +=
                    ranked.isEmpty
                    ? "  no open need passes the filters"
                    : RankingView.table(ranked, counterpart: \.needTitle, id: \.needID)
                if ranking.showExcluded, !excluded.isEmpty {
                    text +=
                        "\n\nRemoved by a hard filter:\n"
                        + RankingView.excludedTable(excluded, counterpart: \.needTitle, id: \.needID)
                }
                return text
            },
            csv: { [RankingView.csvHeader] + (ranked + excluded).map(RankingView.csvLine) })
    }
}
