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
    /// For an ambiguity, what the person may add to choose.
    public let fix: Fix

    /// What tells ambiguous choices apart.
    public enum Fix: String, Hashable, Sendable {
        case id = "lookup.fixID"
        case province = "lookup.fixCommune"
        case district = "lookup.fixDistrict"
        case diacritics = "lookup.fixDiacritics"
        case code = "lookup.fixCode"
    }

    public init(kind: String, input: String, problem: Problem, fix: Fix? = nil) {
        self.kind = kind
        self.input = input
        self.problem = problem
        self.fix = fix ?? (kind == "commune" ? .province : .id)
    }

    public var description: String { text(.en) }

    public var phrase: Phrase {
        switch problem {
        case .unknown(let suggestions):
            .sequence([.key("lookup.unknown", Phrase.key("kind." + kind), input), .didYouMean(suggestions)])
        case .ambiguous(let candidates):
            .key(
                "lookup.ambiguous", input, candidates.count, Phrase.key("kinds." + kind),
                candidates.joined(separator: "; "), Phrase.key(fix.rawValue)
            )
        }
    }
}

extension LookupError: Readable {}
