import Foundation
import MCP
import NGOMatchCore
import NGOMatchService

/// The operation table as MCP tools: each method's name, a description written for a
/// model, its parameters' JSON Schema, and what its result holds.
package struct ToolCatalog: Sendable {
    package let methods: [OperationEntry]

    /// - Parameter writes: whether tools that change the registry are offered.
    package init(writes: Bool) {
        methods = OperationTable.all.filter { $0.name != "ping" && (writes || !$0.isWrite) }
    }

    package func method(named name: String) -> OperationEntry? { methods.first { $0.name == name } }

    package var tools: [Tool] {
        methods.map { method in
            var description = "\(method.summary) \(method.guidance)"
            if case .write(let who) = method.access { description += " Changes the registry; allowed for \(who)." }
            description += "\nExample arguments: \(method.example)"
            if !method.command.isEmpty { description += "\nThe same as the command `ngomatch \(method.command)`." }
            return Tool(
                name: method.name, title: method.summary, description: description,
                inputSchema: MCP.Value(method.schema),
                annotations: .init(
                    readOnlyHint: !method.isWrite, destructiveHint: method.isWrite ? false : nil,
                    idempotentHint: !method.isWrite, openWorldHint: false),
                outputSchema: MCP.Value(Self.outputSchema(method)))
        }
    }

    /// Structured content must be an object: a list result comes as `{"items": […]}`.
    static func outputSchema(_ method: OperationEntry) -> JSONValue {
        let about = "The same JSON as the protocol method \(method.name) returns (docs/protocol.md)."
        if method.resultIsPage {
            return .object([
                "type": .string("object"),
                "description": .string(
                    about + " One page: `items`, `total` (the whole list) and `next` (pass it as `after` for more)."),
                "properties": .object([
                    "items": .object(["type": .string("array")]), "total": .object(["type": .string("integer")]),
                    "next": .object(["type": .string("string")]),
                ]),
                "required": .array([.string("items"), .string("total")]),
            ])
        }
        guard method.resultIsList else {
            return .object(["type": .string("object"), "description": .string(about)])
        }
        return .object([
            "type": .string("object"), "description": .string(about + " The list is under `items`."),
            "properties": .object(["items": .object(["type": .string("array")])]),
            "required": .array([.string("items")]),
        ])
    }

    /// A result as structured content: the protocol's `result`, a list wrapped in `items`.
    static func structured(_ result: JSONValue) -> JSONValue {
        if case .array = result { return .object(["items": result]) }
        return result
    }
}
