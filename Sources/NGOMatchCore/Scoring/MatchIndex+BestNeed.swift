extension MatchIndex {
    /// The need, among `needPositions`, that suits the NGO best and passes every filter,
    /// explained; nil when none passes. Scores each pair on the fast path and explains only the winner.
    package func bestNeed(forNGO ngoPosition: Int, among needPositions: [Int], rules: RuleSet) -> Assessment? {
        let compiled = CompiledRules(rules, index: self, includeDeclined: false)
        var best: (position: Int, score: Double)? = nil
        for need in needPositions where failureMask(need, ngoPosition, compiled) == 0 {
            let score = score(need, ngoPosition, compiled)
            if score >= rules.minimumScore && score > (best?.score ?? 0) { best = (need, score) }
        }
        return best.map { assess($0.position, ngoPosition, compiled) }
    }
}
