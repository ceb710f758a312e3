import ArgumentParser
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

/// How to score and rank, shared by suggest, discover, explain and gaps.
struct ScoringOptions: ParsableArguments {
    @Option(help: "Rule set: a shipped name (default, underserved, climate) or a rule file.")
    var rules: String = "default"
}

struct RankingOptions: ParsableArguments {
    @Option(help: "How many candidates to list.") var limit: Int = 10
    @Flag(help: "Also list candidates a hard filter removed, with the filter and what would change it.")
    var showExcluded = false
    @Flag(help: "Suggest pairs that declined before.") var includeDeclined = false
    @Flag(help: "Spread suggestions so the same few NGOs do not top every list.") var diversify = false

    /// The ranking flags as the operation's parameters.
    func params(_ scoring: ScoringOptions, _ output: OutputOptions) -> RankingParams {
        RankingParams(
            rules: scoring.rules, limit: limit, showExcluded: showExcluded, includeDeclined: includeDeclined,
            diversify: diversify, lang: output.language)
    }
}
