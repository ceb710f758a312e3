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

    public var phrase: Phrase {
        switch problem {
        case .unknown(let suggestions):
            .sequence([.key("lookup.unknown", Phrase.key("kind." + kind), input), .didYouMean(suggestions)])
        case .ambiguous(let candidates):
            .key(
                "lookup.ambiguous", input, candidates.count, Phrase.key("kinds." + kind),
                candidates.joined(separator: "; "), Phrase.key(kind == "commune" ? "lookup.fixCommune" : "lookup.fixID")
            )
        }
    }
}

extension LookupError: Readable {}
