/// One thing wrong with a rule file, and where.
public struct RuleProblem: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line and column; 0 when the problem is the file as a whole.
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)" }
}

/// A rule file that cannot be used; it never scores.
public struct InvalidRuleSet: Error, Hashable, Sendable, CustomStringConvertible {
    public let problems: [RuleProblem]

    public init(problems: [RuleProblem]) { self.problems = problems }

    public var description: String {
        (["the rule set is not valid (\(problems.count) problem\(problems.count == 1 ? "" : "s")):"]
            + problems.map(\.description)).joined(separator: "\n")
    }
}
