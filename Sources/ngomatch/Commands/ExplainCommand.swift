import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: Help.text("help.explain"),
        discussion: """
            Examples:
              ngomatch explain --need cao-bang-1 --ngo MCNV
              ngomatch explain --need quang-tri-1 --ngo "Norwegian People's Aid" --lang vi
            """
    )

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var scoring: ScoringOptions
    @Option(help: "The need's id.") var need: String
    @Option(help: "The NGO: id, name or acronym.") var ngo: String
    @Flag(help: "Do not apply the declined-pair filter.") var includeDeclined = false

    func run() throws {
        let service = try registry.service()
        let explained = try ExplainOperation.run(
            service,
            ExplainParams(
                need: need, ngo: ngo, rules: scoring.rules, includeDeclined: includeDeclined, lang: output.language),
            caller: .local("cli"))
        let report = explained.report
        let rules = try service.rules(scoring.rules)
        try output.emit(
            ExplainOperation.self, explained,
            table: {
                let language = output.language
                func say(_ key: String, _ values: String...) -> String { Messages.text(key, language, values) }
                func headers(_ keys: String...) -> [String] { keys.map { Messages.text($0, language) } }
                var text = say("cli.explainHeading", report.ngoName, report.need.rawValue, report.needTitle) + "\n"
                text += say(
                    "cli.scoreLine", LocalFormat.decimal(report.score, language), rules.name,
                    LocalFormat.decimal(rules.minimumScore, language))
                text += report.excluded ? " — " + say("cli.excluded") + "\n\n" : "\n\n"
                var factors = Table(headers("cli.factor", "cli.weight", "cli.value", "cli.points", "cli.because"))
                for factor in report.factors {
                    factors.add([
                        factor.name, LocalFormat.decimal(factor.weight, language),
                        LocalFormat.decimal(factor.value, digits: 2, language),
                        LocalFormat.decimal(factor.points, language),
                        factor.explanation,
                    ])
                }
                text += factors.render()
                var filters = Table(headers("cli.filter", "cli.result", "cli.wouldChange"))
                for filter in HardFilter.allCases {
                    if let failed = report.failedFilters.first(where: { $0.filter == filter }) {
                        filters.add([
                            say("hardFilter." + filter.rawValue) + " (\(filter.rawValue))",
                            say("cli.failed", failed.reason), failed.remedy ?? "",
                        ])
                    } else {
                        filters.add([
                            say("hardFilter." + filter.rawValue) + " (\(filter.rawValue))",
                            say(RuleParameters.isApplied(filter, rules) ? "cli.passed" : "cli.notApplied"), "",
                        ])
                    }
                }
                text += "\n\n" + filters.render()
                text += "\n\n" + say("cli.parameters", RuleParameters(rules).summary)
                return text
            })
    }
}
