import ArgumentParser
import Foundation
import Logging
import NGOMatchMCP
import NGOMatchMail
import NGOMatchServer
import NGOMatchService
import NGOMatchStore
import ServiceLifecycle
import UnixSignals

struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the Model Context Protocol on stdio, so an assistant can use ngomatch.",
        discussion: """
            stdout carries only MCP messages (JSON-RPC, one a line); logs go to stderr.
            Every read operation is a tool (match.suggest, match.explain, gaps.report, …);
            the sector taxonomy, the provinces and the rule sets are resources. Tools that
            change the registry are offered with --allow-writes (as the local user) or with
            NGOMATCH_TOKEN set to a token (ngomatch tokens create), and then limited by the
            token's role.

            An assistant's configuration:
              {"mcpServers": {"ngomatch": {
                "command": "ngomatch", "args": ["mcp"],
                "env": {"NGOMATCH_DB": "/path/to/registry.sqlite"}}}}
            """
    )

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var mail: MailOptions
    @Flag(help: "Offer the tools that change the registry, as the local user.") var allowWrites = false

    func run() async throws {
        ServerLog.start(quiet: .warning)
        let service = MatchService(registry: try registry.open(), mail: try mail.identity())
        let delivery = try mail.delivery(registryPath: service.registry.path)
        var caller = Caller.local("mcp")
        var writes = allowWrites
        if let token = ProcessInfo.processInfo.environment["NGOMATCH_TOKEN"], !token.isEmpty {
            guard let (id, role) = try service.role(ofToken: token) else {
                throw UsageError("usage.badToken")
            }
            caller = .token(id: id, role: role)
            writes = true
        }
        let door = AssistantDoor(service: service, writes: writes, caller: caller)
        defer { try? service.registry.close() }
        try service.registry.checkpointBesideWrites()
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    IndexCompilation(service: service).configuration,
                    OutboxDelivery(
                        sender: OutboxSender(registry: service.registry, delivery: delivery),
                        logger: Logger(label: "ngomatch.mcp"), chores: { _ = try service.writeTimedNotices() }
                    ).configuration,
                    .init(service: AssistantService(door: door), successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "ngomatch.mcp")))
        try await group.run()
    }
}
