/// One thing wrong with a rule file, and where.
public struct RuleProblem: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line and column; 0 when the problem is the file as a whole.
    public let line: Int
    public let column: Int
    public let what: Phrase

    public init(file: String, line: Int, column: Int, _ what: Phrase) {
        self.file = file
        self.line = line
        self.column = column
        self.what = what
    }

    public var message: String { what.text(.en) }

    public var description: String { text(.en) }
}

extension RuleProblem: Readable {
    public var phrase: Phrase {
        .sequence([.verbatim(line > 0 ? "\(file):\(line):\(column): " : "\(file): "), what])
    }
}

/// A rule file that cannot be used; it never scores.
public struct InvalidRuleSet: Error, Hashable, Sendable, CustomStringConvertible {
    public let problems: [RuleProblem]

    public init(problems: [RuleProblem]) { self.problems = problems }

    public var description: String { text(.en) }
}

extension InvalidRuleSet: Readable {
    public var phrase: Phrase {
        let header: Phrase = .key(problems.count == 1 ? "rules.invalid.one" : "rules.invalid", problems.count)
        return .joined([header] + problems.map(\.phrase), separator: "\n")
    }
}
