import ArgumentParser
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: Help.text("help.discover"),
        discussion: """
            Examples:
              ngomatch discover --ngo WWF
              ngomatch discover --ngo "Save the Children International" \\
                --sector education \\
                --region northern-midlands-mountains
              ngomatch discover --ngo npa --rules underserved --format csv
              ngomatch discover --ngo WWF --compare-rules default,climate
            """
    )

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scoring: ScoringOptions
    @OptionGroup var ranking: RankingOptions
    @OptionGroup var compare: CompareOptions
    @Option(help: "The NGO: id, name or acronym.") var ngo: String
    @Option(help: "Only needs in this sector (a top-level sector includes its subsectors).") var sector: String?
    @Option(help: "Only needs in this region (id, e.g. mekong-delta).") var region: String?

    func run() throws {
        if let rules = try compare.pair() {
            let params = CompareParams(
                sector: sector, ngo: ngo, region: region, rules: rules, limit: ranking.limit,
                includeDeclined: ranking.includeDeclined, lang: output.language)
            return try compare.run(params, registry: registry, output: output)
        }
        let result = try DiscoverOperation.run(
            registry.service(),
            DiscoverParams(ngo: ngo, sector: sector, region: region, ranking: ranking.params(scoring, output)),
            caller: .local("cli"))
        let ranked = result.ranked
        let excluded = result.excluded
        try output.emit(
            DiscoverOperation.self, result,
            table: {
                let language = output.language
                var text = Messages.text("cli.discoverHeading", language, result.name, result.rules) + "\n"
                text +=
                    ranked.isEmpty
                    ? "  " + Messages.text("cli.noNeedPasses", language)
                    : RankingView.table(ranked, counterpart: \.needTitle, id: \.needID, language: language)
                if ranking.showExcluded, !excluded.isEmpty {
                    text +=
                        "\n\n" + Messages.text("cli.removedHeading", language) + "\n"
                        + RankingView.excludedTable(
                            excluded, counterpart: \.needTitle, id: \.needID, language: language)
                }
                return text
            },
            csv: { [RankingView.csvHeader] + (ranked + excluded).map(RankingView.csvLine) })
    }
}
