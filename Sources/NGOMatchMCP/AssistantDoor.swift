import Foundation
import Logging
import MCP
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService

/// ngomatch for assistants: the Model Context Protocol's tools, made from the operation
/// table, and resources for the reference data a model reads before it asks.
package struct AssistantDoor: Sendable {
    package let service: MatchService
    package let catalog: ToolCatalog
    /// Who the assistant acts as: the local user, or the role of `NGOMATCH_TOKEN`.
    package let caller: Caller
    let logger: Logger

    package static let instructions = """
        ngomatch links Vietnam's 34 provinces and centrally-run cities with foreign NGOs. Provinces register \
        needs (sectors with priorities, funding gap, timeframe); NGOs register what they do; rule sets score \
        every need–NGO pair from 0 to 100 and explain each score. Use match.suggest for "which NGOs should \
        <province> approach (for <sector>)?", match.discover for "which needs could <NGO> serve?", \
        match.explain for "why this score?", gaps.report for needs nobody serves. Names may be typed with or \
        without diacritics, and former province names (before the 2025 merger) work.
        """

    package init(service: MatchService, writes: Bool, caller: Caller, logger: Logger = Logger(label: "ngomatch.mcp")) {
        self.service = service
        self.catalog = ToolCatalog(writes: writes)
        self.caller = caller
        self.logger = logger
    }

    /// A server with every handler registered, ready to start on a transport.
    package func makeServer() async -> Server {
        let server = Server(
            name: "ngomatch", version: "1.0", title: "ngomatch: provinces and foreign NGOs",
            instructions: Self.instructions,
            capabilities: .init(
                resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        let door = self
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: door.catalog.tools) }
        await server.withMethodHandler(CallTool.self) { params in door.call(params) }
        await server.withMethodHandler(ListResources.self) { _ in
            ListResources.Result(resources: (try? door.resources()) ?? [])
        }
        await server.withMethodHandler(ReadResource.self) { params in try door.read(params.uri) }
        return server
    }

    /// Runs a tool. A failure is a result with `isError` and the message a CLI user would read.
    func call(_ params: CallTool.Parameters) -> CallTool.Result {
        // A tool's result speaks the language its arguments ask for (`lang`), like every door.
        var language = Language.en
        if case .string(let lang)? = params.arguments?["lang"], let chosen = Language(rawValue: lang) {
            language = chosen
        }
        guard let method = catalog.method(named: params.name) else {
            let known = catalog.methods.map(\.name)
            var message = Phrase.sequence([
                .key("mcp.unknownTool", params.name), Suggestions.phrase(for: params.name, among: known),
            ]).text(language)
            if OperationTable.byName[params.name]?.isWrite == true {
                message = Messages.text("mcp.writesOff", language, params.name)
            }
            return CallTool.Result(content: [.text(text: message, annotations: nil, _meta: nil)], isError: true)
        }
        let arguments = params.arguments.map { JSONValue.object($0.mapValues(JSONValue.init)) }
        // The token is looked up again on every call (one indexed read): one revoked while the
        // assistant runs stops working at once, not when the process ends.
        guard let caller = service.currentCaller(caller) else {
            return CallTool.Result(
                content: [.text(text: Messages.text("mcp.tokenRevoked", language), annotations: nil, _meta: nil)],
                isError: true)
        }
        do {
            let bytes = try method.call(service, arguments, caller)
            let result = try JSONParser.parse([UInt8](bytes))
            return CallTool.Result(
                content: [.text(text: String(decoding: bytes, as: UTF8.self), annotations: nil, _meta: nil)],
                structuredContent: Optional.some(MCP.Value(ToolCatalog.structured(result))))
        } catch {
            let message = RPCError.from(error, language: language) { detail in
                logger.error("\(params.name): \(detail)")
            }.message
            return CallTool.Result(content: [.text(text: message, annotations: nil, _meta: nil)], isError: true)
        }
    }

    /// The sector taxonomy, the provinces, and each rule set.
    func resources() throws -> [Resource] {
        var resources = [
            Resource(
                name: "sectors", uri: "ngomatch://sectors", title: "Sector taxonomy",
                description: "Sectors and subsectors with Vietnamese and English names and OECD DAC codes.",
                mimeType: "application/json"),
            Resource(
                name: "provinces", uri: "ngomatch://provinces", title: "Provinces and centrally-run cities",
                description: "The 34 units since 1 July 2025, with their regions and the provinces merged into them.",
                mimeType: "application/json"),
        ]
        for rules in try service.ruleSets() {
            resources.append(
                Resource(
                    name: "rules/\(rules.name)", uri: "ngomatch://rules/\(rules.name)", title: "Rule set \(rules.name)",
                    description: rules.description.trimmingCharacters(in: .whitespacesAndNewlines),
                    mimeType: "application/yaml"))
        }
        return resources
    }

    func read(_ uri: String) throws -> ReadResource.Result {
        func json(_ value: some Encodable) throws -> ReadResource.Result {
            let text = String(decoding: try StreamingJSONEncoder.encode(value), as: UTF8.self)
            return ReadResource.Result(contents: [.text(text, uri: uri, mimeType: "application/json")])
        }
        switch uri {
        case "ngomatch://sectors": return try json(service.sectors())
        case "ngomatch://provinces": return try json(service.provinces(ProvincesListParams()))
        default:
            let prefix = "ngomatch://rules/"
            guard uri.hasPrefix(prefix) else {
                throw MCPError.invalidParams("unknown resource '\(uri)'; see resources/list")
            }
            do {
                let detail = try service.ruleSet(RuleSetGetParams(name: String(uri.dropFirst(prefix.count))))
                return ReadResource.Result(contents: [.text(detail.text, uri: uri, mimeType: "application/yaml")])
            } catch {
                throw MCPError.invalidParams(RPCError.from(error).message)
            }
        }
    }
}
