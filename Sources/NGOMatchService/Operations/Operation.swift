import Foundation
import NGOMatchCore

/// Who may call an operation.
package enum Access: Sendable, Equatable {
    /// Any caller who may read (every token; the local user).
    case read
    /// A change to the registry; the text says who may make it, for docs and tool descriptions.
    case write(String)
}

/// One operation of ngomatch, declared once. The protocol's method, the CLI command's
/// JSON output and the MCP tool are all made from this declaration, so they decode the
/// same parameters, run the same code and encode the same result.
package protocol ServiceOperation: Sendable {
    associatedtype Params: OperationParams
    associatedtype Result: Encodable & Sendable

    /// The protocol method and MCP tool name, e.g. `match.suggest`.
    static var name: String { get }
    /// The CLI command that runs it, e.g. `suggest`; empty when there is none.
    static var command: String { get }
    /// Other CLI commands that run it with one parameter fixed (`events avoid` is `events.pair`
    /// with `rule: avoid`).
    static var otherCommands: [String] { get }
    static var access: Access { get }
    /// One line, for lists and `--help`.
    static var summary: String { get }
    /// What it answers and when to use it, written for a person or a model choosing a tool.
    static var guidance: String { get }
    /// Parameters that work on the demo registry, as JSON.
    static var example: String { get }
    /// The CLI arguments that do what `example` does (`{file}`: a file holding the example's
    /// text or event); a test runs both and compares.
    static var commandExample: [String] { get }
    /// Where a server may run it.
    static var cost: OperationEntry.Cost { get }

    static func run(_ service: MatchService, _ params: Params, caller: Caller) throws -> Result

    /// What its result is made from, so that a server keeping the result drops it only when
    /// a write could change it.
    static func replyScope(_ params: Params) -> ReplyScope
}

extension ServiceOperation {
    package static var otherCommands: [String] { [] }
    package static var cost: OperationEntry.Cost { access == .read ? .cached : .uncached }
    package static var isWrite: Bool { access != .read }
    package static func replyScope(_ params: Params) -> ReplyScope { .whole }

    /// The result as every door sends it: the protocol's `result`, the CLI's `--format json`,
    /// MCP's structured content.
    package static func encode(_ result: Result) throws -> Data { try StreamingJSONEncoder.encode(result) }

    /// Decodes, runs and encodes: the whole operation from JSON to JSON.
    package static func call(_ service: MatchService, _ params: JSONValue?, caller: Caller) throws -> Data {
        try encode(run(service, Params.decode(params), caller: caller))
    }
}
