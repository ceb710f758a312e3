import Foundation
import MCP
import NGOMatchCore
import NGOMatchMCP
import NGOMatchService
import NGOMatchStore

/// A registry in a temporary folder and MCP clients on it over the SDK's in-memory transport.
final class AssistantFixture: Sendable {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ngomatch-mcp-\(UUID().uuidString)")
    let service: MatchService

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        service = MatchService(
            registry: try Registry.open(at: folder.appendingPathComponent("r.sqlite").path).registry)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func connect(writes: Bool = false, caller: Caller = .local("mcp")) async throws -> (Client, Server) {
        let door = AssistantDoor(service: service, writes: writes, caller: caller)
        let server = await door.makeServer()
        let (clientSide, serverSide) = await InMemoryTransport.createConnectedPair()
        try await server.start(transport: serverSide)
        let client = Client(name: "test", version: "1")
        _ = try await client.connect(transport: clientSide)
        return (client, server)
    }

    /// A client acting with a new token of `role`, allowed to write what the role may.
    func connect(as role: Role) async throws -> (Client, Server) {
        let (_, info) = try service.registry.createToken(
            role: role, audit: AuditEntry(actor: "test", method: "tokens.create"))
        return try await connect(writes: true, caller: .token(id: info.id, role: role))
    }

    func call(_ client: Client, _ name: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
        try await client.send(CallTool.request(.init(name: name, arguments: arguments))).value
    }
}
