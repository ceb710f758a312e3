import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

/// How to score and rank, shared by suggest, discover, explain and gaps.
struct ScoringOptions: ParsableArguments {
    @Option(
        help:
            "Rule set: a shipped name (default, underserved, climate), one added with 'rules add' (name or name@2), or a rule file (./mine.yaml)."
    )
    var rules: String = "default"
}

/// What-if: the same ranking under two rule sets.
struct CompareOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Show the ranking under two rule sets side by side, e.g. default,climate.", valueName: "before,after"))
    var compareRules: String?

    /// The two rule sets, or nil when no comparison was asked for.
    func pair() throws -> [String]? {
        guard let compareRules else { return nil }
        let names = compareRules.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count == 2, !names.contains(where: \.isEmpty) else {
            throw ValidationError(Messages.text("usage.compareRules", CommandLanguage.current))
        }
        return names
    }

    /// Runs the comparison and prints it.
    func run(_ params: CompareParams, registry: RegistryOptions, output: OutputOptions) throws {
        let result = try CompareOperation.run(registry.service(), params, caller: .local("cli"))
        for note in result.notes { Terminal.note(note) }
        try output.emit(
            CompareOperation.self, result, table: { ComparisonView.table(result) }, csv: { ComparisonView.csv(result) })
    }
}

struct RankingOptions: ParsableArguments {
    @Option(help: "How many candidates to list.") var limit: Int = 10
    @Flag(help: "Also list candidates a hard filter removed, with the filter and what would change it.")
    var showExcluded = false
    @Flag(help: "Suggest pairs that declined before.") var includeDeclined = false
    @Flag(help: "Spread suggestions so the same few NGOs do not top every list.") var diversify = false
    @Option(
        help:
            "How much to tell of each candidate: full (reasons and every factor in words), summary (points per factor) or none (scores only); for programs reading --format json."
    )
    var explain: ReportDetail = .full

    /// The ranking flags as the operation's parameters.
    func params(_ scoring: ScoringOptions, _ output: OutputOptions) -> RankingParams {
        RankingParams(
            rules: scoring.rules, limit: limit, showExcluded: showExcluded, includeDeclined: includeDeclined,
            diversify: diversify, lang: output.language, explain: explain)
    }
}

extension ReportDetail: ExpressibleByArgument {}
