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

    public var description: String {
        switch problem {
        case .unknown(let suggestions):
            return "unknown \(kind) '\(input)'" + Suggestions.didYouMean(suggestions)
        case .ambiguous(let candidates):
            let fix = kind == "commune" ? "add its province after a comma ('Tân Lập, Phú Thọ')" : "use the id"
            return "'\(input)' matches \(candidates.count) \(kind)s: \(candidates.joined(separator: "; ")) — \(fix)"
        }
    }
}
