/// A name that did not lead to exactly one record.
package struct LookupError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Problem: Hashable, Sendable {
        /// Nothing matched; the closest names, best first.
        case unknown(suggestions: [String])
        /// Several records matched; their descriptions.
        case ambiguous(candidates: [String])
    }

    /// What was looked up: "province", "sector", "NGO", "target group".
    package let kind: String
    package let input: String
    package let problem: Problem
    /// For an ambiguity, what the person may add to choose.
    package let fix: Fix

    /// What tells ambiguous choices apart.
    package enum Fix: String, Hashable, Sendable {
        case id = "lookup.fixID"
        case province = "lookup.fixCommune"
        case district = "lookup.fixDistrict"
        case diacritics = "lookup.fixDiacritics"
        case code = "lookup.fixCode"
    }

    package init(kind: String, input: String, problem: Problem, fix: Fix? = nil) {
        self.kind = kind
        self.input = input
        self.problem = problem
        self.fix = fix ?? (kind == "commune" ? .province : .id)
    }

    package var description: String { text(.en) }

    package var phrase: Phrase {
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
