import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

/// A JSON-RPC error: code, message, and data a program can act on.
package struct RPCError: Error, Sendable {
    package let code: Int
    package let message: String
    package let data: JSONValue?

    package init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    // JSON-RPC 2.0's own codes.
    package static let parseError = -32700
    package static let invalidRequest = -32600
    package static let methodNotFound = -32601
    package static let invalidParams = -32602
    package static let internalError = -32603
    // ngomatch's application codes (documented in docs/protocol.md).
    package static let unauthorized = -32001
    package static let forbidden = -32003
    package static let notFound = -32004
    package static let conflict = -32009
    package static let validationFailed = -32010
    package static let overloaded = -32029

    /// The one place errors become JSON-RPC errors, their `message` in `language` (the request's
    /// `lang`); codes and `data` stay the same in every language, for programs. Errors that are not
    /// the client's to fix become a bare internal error; `log` gets the detail.
    package static func from(_ error: any Error, language: Language = .en, log: (String) -> Void = { _ in })
        -> RPCError
    {
        if let error = error as? RPCError { return error }
        let refusal = Refusal(error, language: language, log: log)
        switch refusal.kind {
        case .unauthorized: return RPCError(code: unauthorized, message: refusal.message)
        case .forbidden: return RPCError(code: forbidden, message: refusal.message)
        case .recordMissing, .nameUnknown: return RPCError(code: notFound, message: refusal.message, data: refusal.data)
        case .conflict: return RPCError(code: conflict, message: refusal.message)
        case .validationFailed: return RPCError(code: validationFailed, message: refusal.message, data: refusal.data)
        case .invalidParams:
            // A parameter of the wrong shape says so for programs; a rule file's or a registry
            // file's problems are their own words.
            let message =
                error is ServiceError ? Messages.text("rpc.invalidParams", language, refusal.message) : refusal.message
            return RPCError(code: invalidParams, message: message, data: refusal.data)
        case .internal: return RPCError(code: internalError, message: refusal.message)
        }
    }

    /// The error as a whole reply line for a request whose id could not be read (a line that
    /// is not JSON, or too long), without its newline.
    package var unansweredLine: String { String(decoding: Envelope.error(id: .null, self), as: UTF8.self) }
}
