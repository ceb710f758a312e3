import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: Help.text("help.suggest"),
        discussion: """
            Each NGO gets a score from 0 to 100, the sum of the rule set's weighted
            factors, with the reasons that weigh most. 'ngomatch explain' shows the whole
            breakdown.

            Examples:
              ngomatch suggest --province "Cao Bằng"
              ngomatch suggest --need cao-bang-1 --show-excluded
              ngomatch suggest --province "ha giang" --sector health --lang vi
              ngomatch suggest --province "Đồng Nai" --diversify --rules climate \\
                --format json
              ngomatch suggest --need cao-bang-1 --compare-rules default,climate
            """
    )

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scoring: ScoringOptions
    @OptionGroup var ranking: RankingOptions
    @OptionGroup var compare: CompareOptions
    @Option(help: "The need's id.") var need: String?
    @Option(help: "A province: all its open needs.") var province: String?
    @Option(help: "With --province: only needs in this sector.") var sector: String?

    func validate() throws {
        guard (need == nil) != (province == nil) else {
            throw ValidationError(Messages.text("usage.needOrProvince", CommandLanguage.current))
        }
        if sector != nil && province == nil {
            throw ValidationError(Messages.text("usage.sectorWithProvince", CommandLanguage.current))
        }
    }

    func run() throws {
        if let rules = try compare.pair() {
            let params = CompareParams(
                need: need, province: province, sector: sector, rules: rules, limit: ranking.limit,
                includeDeclined: ranking.includeDeclined, lang: output.language)
            return try compare.run(params, registry: registry, output: output)
        }
        let service = try registry.service()
        let result = try SuggestOperation.run(
            service,
            SuggestParams(need: need, province: province, sector: sector, ranking: ranking.params(scoring, output)),
            caller: .local("cli"))
        for note in result.notes { Terminal.note(note) }
        let results = result.suggestions
        let language = output.language
        let views = RecordViews(reference: service.reference, language: language)
        try output.emit(
            SuggestOperation.self, result,
            table: {
                results.map { list in
                    var text =
                        Messages.text(
                            "cli.suggestHeading", language, list.need.rawValue, list.title,
                            views.provinceName(list.province),
                            list.rules) + "\n"
                    text +=
                        list.ranked.isEmpty
                        ? "  " + Messages.text("cli.noNGOPasses", language)
                        : RankingView.table(list.ranked, counterpart: \.ngoName, id: \.ngoID, language: language)
                    if ranking.showExcluded, !list.excluded.isEmpty {
                        text +=
                            "\n\n" + Messages.text("cli.removedHeading", language) + "\n"
                            + RankingView.excludedTable(
                                list.excluded, counterpart: \.ngoName, id: \.ngoID, language: language)
                    }
                    return text
                }.joined(separator: "\n\n")
            },
            csv: { [RankingView.csvHeader] + results.flatMap { ($0.ranked + $0.excluded).map(RankingView.csvLine) } })
    }
}
