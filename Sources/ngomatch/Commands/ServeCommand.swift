import ArgumentParser
import Foundation
import Logging
import NGOMatchCore
import NGOMatchMail
import NGOMatchProtocol
import NGOMatchServer
import NGOMatchService
import NGOMatchStore
import ServiceLifecycle
import UnixSignals

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the line-based JSON-RPC protocol on stdio or TCP (see docs/protocol.md).",
        discussion: """
            One JSON-RPC 2.0 message per line in, one reply per line out. Logs go to
            stderr.

            Examples:
              ngomatch serve --stdio
              ngomatch serve --listen 127.0.0.1:7411
              ngomatch serve --listen 0.0.0.0:7411 --auth   # other addresses need tokens
              echo '{"jsonrpc":"2.0","id":1,"method":"ping"}' | ngomatch serve --stdio
            """
    )

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var mail: MailOptions
    @Flag(help: "Serve one trusted client on stdin/stdout.") var stdio = false
    @Option(help: ArgumentHelp("Listen on TCP at HOST:PORT (loopback unless --auth).", valueName: "host:port"))
    var listen: String?
    @Flag(help: "Require clients to call 'auth' with a token (ngomatch tokens create).") var auth = false
    @Option(help: "Longest line accepted, in bytes.") var maxLine = ServerLimits().maximumLineLength
    @Option(help: "Most connections at once.") var maxConnections = ServerLimits().maximumConnections
    @Option(help: "Most requests running at once per connection.") var maxInFlight = ServerLimits().maximumInFlight
    @Option(help: "Close a connection idle this many seconds (0: never).") var idleTimeout = ServerLimits()
        .idleTimeoutSeconds

    func validate() throws {
        guard stdio != (listen != nil) else {
            throw ValidationError(Messages.text("usage.stdioOrListen", CommandLanguage.current))
        }
        if let listen {
            let (host, _) = try Self.split(listen)
            if !auth, !["127.0.0.1", "localhost", "::1"].contains(host), !host.hasPrefix("127.") {
                throw ValidationError(Messages.text("usage.needsAuth", CommandLanguage.current, host))
            }
        }
        guard maxLine >= 1024, maxConnections >= 1, maxInFlight >= 1, idleTimeout >= 0 else {
            throw ValidationError("limits must be positive (--max-line at least 1024)")
        }
    }

    static func split(_ address: String) throws -> (String, Int) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65535).contains(port)
        else { throw ValidationError(Messages.text("usage.listenForm", CommandLanguage.current)) }
        var host = String(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }

    func run() async throws {
        ServerLog.start()
        let logger = Logger(label: "ngomatch.serve")
        let opened = try registry.open()
        defer { try? opened.close() }
        try opened.checkpointBesideWrites()
        let service = MatchService(registry: opened, mail: try mail.identity())
        let sender = OutboxSender(registry: opened, delivery: try mail.delivery(registryPath: opened.path))
        let hub = SubscriptionHub()
        let dispatcher = Dispatcher(service: service, hub: hub) { message in logger.error("\(message)") }
        var limits = ServerLimits()
        limits.maximumLineLength = maxLine
        limits.maximumConnections = maxConnections
        limits.maximumInFlight = maxInFlight
        limits.idleTimeoutSeconds = idleTimeout

        let server: any ServiceLifecycle.Service
        let ready: Announcement
        let path = opened.path
        if stdio {
            server = StdioServer(dispatcher: dispatcher, limits: limits)
            ready = Announcement { logger.info("serving on stdio", metadata: ["registry": "\(path)"]) }
        } else {
            let (host, port) = try Self.split(listen!)
            let tcp = TCPServer(dispatcher: dispatcher, limits: limits, requiresAuth: auth, logger: logger)
            let address = try await tcp.start(host: host, port: port)
            ready = Announcement { Terminal.say("cli.serveStarted", "\(address)", path) }
            server = tcp
        }
        // SIGTERM and SIGINT stop the server gracefully: requests in flight finish and are answered.
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    ready.configuration, IndexCompilation(service: service).configuration,
                    OutboxDelivery(
                        sender: sender, logger: logger, chores: { _ = try service.writeTimedNotices() }
                    ).configuration,
                    NoticeFeed(hub: hub, service: service, logger: logger).configuration,
                    .init(service: server, successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
