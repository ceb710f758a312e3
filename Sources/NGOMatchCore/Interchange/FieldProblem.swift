/// One thing wrong with one field of a record.
package struct FieldProblem: Hashable, Sendable, CustomStringConvertible {
    /// The field's path, e.g. `sectors[1].priority` or `registration.expires`.
    package let field: String
    /// What was wrong and, where it can be told, how to fix it.
    package let what: Phrase

    package init(field: String, _ what: Phrase) {
        self.field = field
        self.what = what
    }

    /// The message in English, for logs.
    package var message: String { what.text(.en) }

    package func message(_ language: Language) -> String { what.text(language) }

    package var description: String { text(.en) }
}

extension FieldProblem: Readable {
    /// The field, then what is wrong with it.
    package var phrase: Phrase { field.isEmpty ? what : .sequence([.verbatim(field + ": "), what]) }
}

/// The problems that keep one record from being read.
package struct InvalidRecord: Error, Hashable, Sendable {
    package let problems: [FieldProblem]

    package init(problems: [FieldProblem]) { self.problems = problems }
}

/// Every problem found in one record, and where the record was.
package struct RecordProblems: Hashable, Sendable, CustomStringConvertible {
    /// Where the record came from, e.g. `needs.csv line 4` or `record 3`.
    package let location: Phrase
    /// What the record is, e.g. `need 'cao-bang-1'` or `NGO 'WWF-Vietnam'`.
    package let record: Phrase
    package let problems: [FieldProblem]

    package init(location: Phrase, record: Phrase, problems: [FieldProblem]) {
        self.location = location
        self.record = record
        self.problems = problems
    }

    package var description: String { text(.en) }
}

/// A record that cannot be read at all (a line that is not JSON) is carried as its problems.
extension RecordProblems: Error {}

extension RecordProblems: Readable {
    package var phrase: Phrase {
        let head = Phrase.joined([location, record].filter { $0 != .verbatim("") }, separator: ", ")
        return .joined(problems.map { .sequence([head, .verbatim(": "), $0.phrase]) }, separator: "\n")
    }
}

/// Records that cannot be accepted as they are. Nothing was written.
package struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    package let records: [RecordProblems]

    package init(records: [RecordProblems]) { self.records = records }

    package var description: String { text(.en) }
}

extension ValidationFailure: Readable {
    package var phrase: Phrase {
        let count = records.reduce(0) { $0 + $1.problems.count }
        let header: Phrase =
            records.count == 1
            ? .key(count == 1 ? "problem.recordInvalid.one" : "problem.recordInvalid", count)
            : .key("problem.recordsInvalid", records.count, count)
        return .joined([header] + records.map(\.phrase), separator: "\n")
    }
}
