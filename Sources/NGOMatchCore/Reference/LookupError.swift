/// A name that did not lead to exactly one record.
public struct LookupError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        /// Nothing matched; the closest names, best first.
        case unknown(suggestions: [String])
        /// Several records matched; their descriptions.
        case ambiguous(candidates: [String])
    }

    /// What was looked up: "province", "sector", "NGO", "target group".
    public let kind: String
    public let input: String
    public let problem: Problem

    public init(kind: String, input: String, problem: Problem) {
        self.kind = kind
        self.input = input
        self.problem = problem
    }

    public var description: String { text(.en) }

    /// The error in a reader's language; the names themselves stay as they are.
    public func text(_ language: Language) -> String {
        let what = Messages.table(language)["kind." + kind] ?? kind
        switch problem {
        case .unknown(let suggestions):
            let hint =
                suggestions.isEmpty
                ? ""
                : Messages.text(
                    "lookup.didYouMean", language,
                    Suggestions.list(suggestions.map { "'\($0)'" }, or: Messages.text("lookup.or", language)))
            return Messages.text("lookup.unknown", language, what, input) + hint
        case .ambiguous(let candidates):
            let fix = Messages.text(kind == "commune" ? "lookup.fixCommune" : "lookup.fixID", language)
            let kinds = Messages.table(language)["kinds." + kind] ?? (language == .en ? kind + "s" : what)
            return Messages.text(
                "lookup.ambiguous", language, input, String(candidates.count), kinds,
                candidates.joined(separator: "; "),
                fix)
        }
    }
}
