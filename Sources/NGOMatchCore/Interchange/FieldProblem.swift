/// One thing wrong with one field of a record.
public struct FieldProblem: Hashable, Sendable, CustomStringConvertible {
    /// The field's path, e.g. `sectors[1].priority` or `registration.expires`.
    public let field: String
    /// What was wrong and, where it can be told, how to fix it.
    public let what: Phrase

    public init(field: String, _ what: Phrase) {
        self.field = field
        self.what = what
    }

    /// The message in English, for logs.
    public var message: String { what.text(.en) }

    public func message(_ language: Language) -> String { what.text(language) }

    public var description: String { text(.en) }
}

extension FieldProblem: Readable {
    /// The field, then what is wrong with it.
    public var phrase: Phrase { field.isEmpty ? what : .sequence([.verbatim(field + ": "), what]) }
}

/// The problems that keep one record from being read.
public struct InvalidRecord: Error, Hashable, Sendable {
    public let problems: [FieldProblem]

    public init(problems: [FieldProblem]) { self.problems = problems }
}

/// Every problem found in one record, and where the record was.
public struct RecordProblems: Hashable, Sendable, CustomStringConvertible {
    /// Where the record came from, e.g. `needs.csv line 4` or `record 3`.
    public let location: Phrase
    /// What the record is, e.g. `need 'cao-bang-1'` or `NGO 'WWF-Vietnam'`.
    public let record: Phrase
    public let problems: [FieldProblem]

    public init(location: Phrase, record: Phrase, problems: [FieldProblem]) {
        self.location = location
        self.record = record
        self.problems = problems
    }

    public var description: String { text(.en) }
}

/// A record that cannot be read at all (a line that is not JSON) is carried as its problems.
extension RecordProblems: Error {}

extension RecordProblems: Readable {
    public var phrase: Phrase {
        let head = Phrase.joined([location, record].filter { $0 != .verbatim("") }, separator: ", ")
        return .joined(problems.map { .sequence([head, .verbatim(": "), $0.phrase]) }, separator: "\n")
    }
}

/// Records that cannot be accepted as they are. Nothing was written.
public struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public let records: [RecordProblems]

    public init(records: [RecordProblems]) { self.records = records }

    public var description: String { text(.en) }
}

extension ValidationFailure: Readable {
    public var phrase: Phrase {
        let count = records.reduce(0) { $0 + $1.problems.count }
        let header: Phrase =
            records.count == 1
            ? .key(count == 1 ? "problem.recordInvalid.one" : "problem.recordInvalid", count)
            : .key("problem.recordsInvalid", records.count, count)
        return .joined([header] + records.map(\.phrase), separator: "\n")
    }
}
