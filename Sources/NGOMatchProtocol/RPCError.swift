import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

/// A JSON-RPC error: code, message, and data a program can act on.
public struct RPCError: Error, Sendable {
    public let code: Int
    public let message: String
    public let data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    // JSON-RPC 2.0's own codes.
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    // ngomatch's application codes (documented in docs/protocol.md).
    public static let unauthorized = -32001
    public static let forbidden = -32003
    public static let notFound = -32004
    public static let conflict = -32009
    public static let validationFailed = -32010
    public static let overloaded = -32029

    /// The one place errors become JSON-RPC errors, their `message` in `language` (the request's
    /// `lang`); codes and `data` stay the same in every language, for programs. Errors that are not
    /// the client's to fix become a bare internal error; `log` gets the detail.
    public static func from(_ error: any Error, language: Language = .en, log: (String) -> Void = { _ in })
        -> RPCError
    {
        switch error {
        case let error as RPCError:
            return error
        case let error as ServiceError:
            switch error {
            case .unauthorized: return RPCError(code: unauthorized, message: error.text(language))
            case .forbidden: return RPCError(code: forbidden, message: error.text(language))
            case .invalidParams(let field, let expected):
                return RPCError(
                    code: invalidParams, message: Messages.text("rpc.invalidParams", language, error.text(language)),
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
            return RPCError(
                code: validationFailed, message: error.text(language), data: .object(["records": .array(records)]))
        case let error as LookupError:
            var data: [String: JSONValue] = ["kind": .string(error.kind), "input": .string(error.input)]
            switch error.problem {
            case .unknown(let suggestions): data["suggestions"] = .array(suggestions.map(JSONValue.string))
            case .ambiguous(let candidates): data["candidates"] = .array(candidates.map(JSONValue.string))
            }
            return RPCError(code: notFound, message: error.text(language), data: .object(data))
        case let error as RegistryError:
            switch error {
            case .notFound(let kind, let id, let suggestions):
                return RPCError(
                    code: notFound, message: error.text(language),
                    data: .object([
                        "kind": .string(kind), "id": .string(id),
                        "suggestions": .array(suggestions.map(JSONValue.string)),
                    ]))
            case .conflict: return RPCError(code: conflict, message: error.text(language))
            case .notARegistry: return RPCError(code: invalidParams, message: error.textWithoutPath(language))
            case .cannotWrite:
                log("registry error: \(error)")
                // The reason helps the client; the server's file path is for the server's log only.
                return RPCError(code: internalError, message: error.textWithoutPath(language))
            case .newerSchema, .cannotOpen, .database:
                log("registry error: \(error)")
                return RPCError(code: internalError, message: Messages.text("rpc.internal", language))
            }
        case let error as InvalidRuleSet:
            return RPCError(
                code: invalidParams, message: error.text(language),
                data: .object(["field": .string("rules"), "expected": .string("a valid rule set")]))
        default:
            log("unexpected error: \(error)")
            return RPCError(code: internalError, message: Messages.text("rpc.internal", language))
        }
    }
}
