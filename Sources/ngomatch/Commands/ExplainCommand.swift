import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how a need–NGO pair is scored: every factor, every filter, the parameters used.",
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
                var text = "\(report.ngoName) for \(report.need) — \(report.needTitle)\n"
                text +=
                    "Score \(Explanation.points(report.score)) of 100 (rules: \(rules.name), minimum \(Explanation.points(rules.minimumScore)))"
                text += report.excluded ? " — EXCLUDED\n\n" : "\n\n"
                var factors = Table(["factor", "weight", "value", "points", "because"])
                for factor in report.factors {
                    factors.add([
                        factor.name, Explanation.points(factor.weight), String(format: "%.2f", factor.value),
                        Explanation.points(factor.points), factor.explanation,
                    ])
                }
                text += factors.render()
                var filters = Table(["filter", "result", "what would change it"])
                for filter in HardFilter.allCases {
                    if let failed = report.failedFilters.first(where: { $0.filter == filter }) {
                        filters.add([filter.rawValue, "FAILED: " + failed.reason, failed.remedy ?? ""])
                    } else {
                        filters.add([
                            filter.rawValue, RuleParameters.isApplied(filter, rules) ? "passed" : "not applied", "",
                        ])
                    }
                }
                text += "\n\n" + filters.render()
                text += "\n\nParameters: " + RuleParameters(rules).summary
                return text
            })
    }
}
