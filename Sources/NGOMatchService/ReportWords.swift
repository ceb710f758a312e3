import NGOMatchCore
import Synchronization

/// Assessment reports already put into words, for one generation of the index: a planner who
/// asks again for a longer list, or in the other language after a colleague, is told the same
/// sentences without their being made again. Words are a third of a varied ranking's cost
/// (BENCHMARKS.md, "Rankings without words"). Only full reports are kept: the others cost little.
final class ReportWords: Sendable {
    private struct Key: Hashable {
        let need: NeedID
        let ngo: NGOID
        /// The rule set, by its place in `State.rules`.
        let rules: Int
        let includeDeclined: Bool
        let language: Language
    }

    private struct State {
        var generation = -1
        var rules: [RuleSet: Int] = [:]
        var reports: [Key: AssessmentReport] = [:]
    }

    /// Reports kept at most (some 2 KB each); past it the table starts again.
    static let limit = 20_000
    private let state = Mutex(State())

    /// The reports of these assessments, in their order: those kept, and the others made by `make`.
    func reports(
        _ assessments: [Assessment], generation: Int, rules: RuleSet, includeDeclined: Bool, language: Language,
        make: (Assessment) -> AssessmentReport
    ) -> [AssessmentReport] {
        guard !assessments.isEmpty else { return [] }
        let (ruleID, found) = state.withLock { state in
            if state.generation != generation { state = State(generation: generation) }
            let ruleID = state.rules[rules] ?? state.rules.count
            state.rules[rules] = ruleID
            let found = assessments.map {
                state.reports[
                    Key(
                        need: $0.need, ngo: $0.ngo, rules: ruleID, includeDeclined: includeDeclined,
                        language: language)]
            }
            return (ruleID, found)
        }
        var made: [(Key, AssessmentReport)] = []
        let reports = zip(assessments, found).map { assessment, kept in
            if let kept { return kept }
            let report = make(assessment)
            made.append(
                (
                    Key(
                        need: assessment.need, ngo: assessment.ngo, rules: ruleID, includeDeclined: includeDeclined,
                        language: language), report
                ))
            return report
        }
        guard !made.isEmpty else { return reports }
        state.withLock { state in
            // An index newer than this request's has its own words by now.
            guard state.generation == generation else { return }
            if state.reports.count + made.count > Self.limit { state.reports.removeAll(keepingCapacity: true) }
            for (key, report) in made { state.reports[key] = report }
        }
        return reports
    }

    var count: Int { state.withLock { $0.reports.count } }
}
