import NGOMatchCore
import NGOMatchIATI
import NGOMatchStore

/// What a failed operation means to whoever asked, read once for every door: the protocol
/// turns its kind into a JSON-RPC code, the web into an HTTP status, MCP into a tool error.
/// Its words are in the asker's language and never name a server path; a failure that is not
/// the asker's to fix says only "internal error", and its detail goes to the log.
package struct Refusal: Error, Sendable {
    package enum Kind: Sendable, Equatable {
        /// Nobody signed in, or a token that is not one.
        case unauthorized
        /// Someone who may not: the words say whose record it is.
        case forbidden
        /// A record the address or the parameters name that is not there.
        case recordMissing
        /// A name or filter that matches nothing ("sector=helth"): what was asked is wrong.
        case nameUnknown
        /// Saved by someone else meanwhile.
        case conflict
        /// Parameters of the wrong shape: the field and what was expected.
        case invalidParams
        /// A record's fields, checked: every problem by field.
        case validationFailed
        /// The server's own failure.
        case `internal`
    }

    package let kind: Kind
    /// What went wrong, in the asker's language.
    package let message: String
    /// The problems by field (a record's, a rule file's, or the one parameter), for a form to
    /// show beside its fields.
    package let problems: [FieldProblem]
    /// Each record's problems, with where the record was, when records were checked.
    package let records: [RecordProblems]
    /// What a program can act on: the field, the suggestions, each record's problems.
    package let data: JSONValue?

    package init(
        kind: Kind, message: String, problems: [FieldProblem] = [], records: [RecordProblems] = [],
        data: JSONValue? = nil
    ) {
        self.kind = kind
        self.message = message
        self.problems = problems
        self.records = records
        self.data = data
    }

    /// The one reading of an error. `log` hears the detail of what the asker is not told.
    package init(_ error: any Error, language: Language = .en, log: (String) -> Void = { _ in }) {
        switch error {
        case let refusal as Refusal:
            self = refusal
        case let error as ServiceError:
            switch error {
            case .unauthorized: self.init(kind: .unauthorized, message: error.text(language))
            case .forbidden: self.init(kind: .forbidden, message: error.text(language))
            case .invalidParams(let field, let expected):
                self.init(
                    kind: .invalidParams, message: error.text(language),
                    problems: [FieldProblem(field: field, expected)],
                    data: .object([
                        "field": .string(field), "expected": .string(expected.text(.en)),
                        "key": expected.key.map(JSONValue.string) ?? .null,
                    ]))
            }
        case let error as ValidationFailure:
            let records: [JSONValue] = error.records.map { record in
                .object([
                    "location": .string(record.location.text(language)),
                    "record": .string(record.record.text(language)),
                    "problems": .array(
                        record.problems.map {
                            .object([
                                "field": .string($0.field), "message": .string($0.message(language)),
                                "key": $0.what.key.map(JSONValue.string) ?? .null,
                            ])
                        }),
                ])
            }
            self.init(
                kind: .validationFailed, message: error.text(language), problems: error.records.flatMap(\.problems),
                records: error.records, data: .object(["records": .array(records)]))
        case let error as LookupError:
            var data: [String: JSONValue] = ["kind": .string(error.kind), "input": .string(error.input)]
            switch error.problem {
            case .unknown(let suggestions): data["suggestions"] = .array(suggestions.map(JSONValue.string))
            case .ambiguous(let candidates): data["candidates"] = .array(candidates.map(JSONValue.string))
            }
            self.init(kind: .nameUnknown, message: error.text(language), data: .object(data))
        case let error as RegistryError:
            self.init(error, language: language, log: log)
        case let error as IATIReadError:
            // A file's own fault, told where it is: the file as the client named it, never a path here.
            var data: [String: JSONValue] = [
                "file": .string(error.file), "line": .number(Double(error.line)),
                "column": .number(Double(error.column)),
            ]
            if let activity = error.activity { data["activity"] = .string(activity) }
            if let element = error.element { data["element"] = .string(element) }
            self.init(
                kind: .invalidParams, message: error.text(language),
                problems: [FieldProblem(field: "files", error.phrase)], data: .object(data))
        case let error as InvalidRuleSet:
            self.init(
                kind: .invalidParams, message: error.text(language),
                problems: error.problems.map { FieldProblem(field: "text", $0.phrase) },
                data: .object(["field": .string("rules"), "expected": .string("a valid rule set")]))
        default:
            log("unexpected error: \(error)")
            self.init(kind: .internal, message: Messages.text("rpc.internal", language))
        }
    }

    private init(_ error: RegistryError, language: Language, log: (String) -> Void) {
        switch error {
        case .notFound(let kind, let id, let suggestions):
            self.init(
                kind: .recordMissing, message: error.text(language),
                data: .object([
                    "kind": .string(kind), "id": .string(id),
                    "suggestions": .array(suggestions.map(JSONValue.string)),
                ]))
        case .conflict: self.init(kind: .conflict, message: error.text(language))
        case .notARegistry: self.init(kind: .invalidParams, message: error.textWithoutPath(language))
        case .cannotWrite:
            log("registry error: \(error)")
            // The reason helps the asker; the server's file path is for the server's log only.
            self.init(kind: .internal, message: error.textWithoutPath(language))
        case .newerSchema, .cannotOpen, .database:
            log("registry error: \(error)")
            self.init(kind: .internal, message: Messages.text("rpc.internal", language))
        }
    }
}
