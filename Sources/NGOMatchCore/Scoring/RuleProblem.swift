/// One thing wrong with a rule file, and where.
package struct RuleProblem: Hashable, Sendable, CustomStringConvertible {
    package let file: String
    /// 1-based line and column; 0 when the problem is the file as a whole.
    package let line: Int
    package let column: Int
    package let what: Phrase

    package init(file: String, line: Int, column: Int, _ what: Phrase) {
        self.file = file
        self.line = line
        self.column = column
        self.what = what
    }

    package var message: String { what.text(.en) }

    package var description: String { text(.en) }
}

extension RuleProblem: Readable {
    package var phrase: Phrase {
        .sequence([.verbatim(line > 0 ? "\(file):\(line):\(column): " : "\(file): "), what])
    }
}

/// A rule file that cannot be used; it never scores.
package struct InvalidRuleSet: Error, Hashable, Sendable, CustomStringConvertible {
    package let problems: [RuleProblem]

    package init(problems: [RuleProblem]) { self.problems = problems }

    package var description: String { text(.en) }
}

extension InvalidRuleSet: Readable {
    package var phrase: Phrase {
        let header: Phrase = .key(problems.count == 1 ? "rules.invalid.one" : "rules.invalid", problems.count)
        return .joined([header] + problems.map(\.phrase), separator: "\n")
    }
}
