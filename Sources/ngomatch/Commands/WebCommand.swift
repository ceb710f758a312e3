import ArgumentParser
import Foundation
import Logging
import NGOMatchCore
import NGOMatchMail
import NGOMatchServer
import NGOMatchService
import NGOMatchStore
import NGOMatchWeb
import ServiceLifecycle
import UnixSignals

struct WebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web",
        abstract: "Serve the web app for provincial planners, NGO offices and ministry staff.",
        discussion: """
            Open the printed address in a browser. On this computer (loopback) without
            --auth the local user is trusted as the ministry; any other address needs
            --auth, and people sign in with a token (ngomatch tokens create --role
            province:cao-bang). Logs go to stderr; SIGTERM or Ctrl-C lets the pages being
            made finish, then exits.

            Examples:
              ngomatch web
              ngomatch web --listen 127.0.0.1:8090 --auth
              ngomatch web --listen 0.0.0.0:8080 --auth --secure-cookies  # behind HTTPS
            """
    )

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var mail: MailOptions
    @Option(help: ArgumentHelp("Listen on HOST:PORT.", valueName: "host:port")) var listen = "127.0.0.1:8080"
    @Flag(help: "Require signing in with a token.") var auth = false
    @Flag(help: "Send cookies over HTTPS only (when a TLS proxy stands in front).") var secureCookies = false

    func validate() throws {
        let (host, _) = try ServeCommand.split(listen)
        if !auth, !["127.0.0.1", "localhost", "::1"].contains(host), !host.hasPrefix("127.") {
            throw ValidationError(Messages.text("usage.needsAuth", CommandLanguage.current, host))
        }
    }

    func run() async throws {
        ServerLog.start()
        let logger = Logger(label: "ngomatch.web")
        let opened = try registry.open()
        defer { try? opened.close() }
        try opened.checkpointBesideWrites()
        let (host, port) = try ServeCommand.split(listen)
        let service = MatchService(registry: opened, mail: try mail.identity(listening: listen))
        let delivery = try mail.delivery(registryPath: opened.path)
        let web = try WebApp(
            service: service,
            options: WebOptions(host: host, port: port, requiresAuth: auth, secureCookies: secureCookies))
        let shown = host.contains(":") ? "[\(host)]" : host
        let explicitURL = mail.publicURL ?? ProcessInfo.processInfo.environment["NGOMATCH_PUBLIC_URL"]
        let application = web.application(logger: logger) { port in
            if explicitURL == nil {
                service.useMailIdentity(MailIdentity(from: service.mail.from, publicURL: "http://\(shown):\(port)"))
            }
            Terminal.say("cli.webStarted", "http://\(shown):\(port)/", opened.path)
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    IndexCompilation(service: service).configuration,
                    OutboxDelivery(
                        sender: OutboxSender(registry: opened, delivery: delivery), logger: logger,
                        chores: { _ = try service.writeTimedNotices() }
                    ).configuration,
                    .init(service: application, successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
