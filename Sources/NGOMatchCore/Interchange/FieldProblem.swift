/// One thing wrong with one field of a record.
public struct FieldProblem: Hashable, Sendable, CustomStringConvertible {
    /// The field's path, e.g. `sectors[1].priority` or `registration.expires`.
    public let field: String
    /// What was wrong and, where it can be told, how to fix it.
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}

/// The problems that keep one record from being read.
public struct InvalidRecord: Error, Hashable, Sendable {
    public let problems: [FieldProblem]

    public init(problems: [FieldProblem]) { self.problems = problems }
}

/// Every problem found in one record, and where the record was.
public struct RecordProblems: Hashable, Sendable, CustomStringConvertible {
    /// Where the record came from, e.g. `needs.csv line 4` or `record 3`.
    public let location: String
    /// What the record is, e.g. `need 'cao-bang-1'` or `NGO 'WWF-Vietnam'`.
    public let record: String
    public let problems: [FieldProblem]

    public init(location: String, record: String, problems: [FieldProblem]) {
        self.location = location
        self.record = record
        self.problems = problems
    }

    public var description: String {
        let head = [location, record].filter { !$0.isEmpty }.joined(separator: ", ")
        return problems.map { "\(head): \($0)" }.joined(separator: "\n")
    }
}

/// Records that cannot be accepted as they are. Nothing was written.
public struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public let records: [RecordProblems]

    public init(records: [RecordProblems]) { self.records = records }

    public var description: String {
        let count = records.reduce(0) { $0 + $1.problems.count }
        let header =
            records.count == 1
            ? "The record is not valid (\(count) problem\(count == 1 ? "" : "s")):"
            : "\(records.count) records are not valid (\(count) problems):"
        return ([header] + records.map(\.description)).joined(separator: "\n")
    }
}
