import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchMail
import NGOMatchService
import NGOMatchStore

struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Notices written and their delivery: list, retry, send.",
        discussion: """
            Every notice is written to the outbox with the change that causes it. 'web' and
            'serve' deliver it within seconds; 'outbox send' delivers what is due, for a
            cron job when no server runs. A relay that is down or answers 4xx is tried
            again with growing delays; a 5xx fails the message, and 'outbox list --state
            failed' says why.

            Examples:
              ngomatch outbox list --state failed
              ngomatch outbox retry 12
              ngomatch outbox send --smtp smtp://relay.example.vn:587?starttls=required
            """,
        subcommands: [List.self, Retry.self, Send.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The outbox, newest first.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "pending, sent or failed.") var state: OutboxEntry.State?
        @Option(help: "How many (default 200).") var limit: Int?

        func run() throws {
            let entries = try OutboxListOperation.run(
                try registry.service(), OutboxListParams(state: state, limit: limit), caller: .local("cli"))
            try output.emit(OutboxListOperation.self, entries, table: { PeopleView.outbox(entries) })
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry", abstract: "Put a failed message back in line.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The message's number (from 'outbox list').") var id: Int

        func run() throws {
            let entry = try OutboxRetryOperation.run(
                try registry.service(), OutboxRetryParams(id: id), caller: .local("cli"))
            try output.emit(OutboxRetryOperation.self, entry, table: { PeopleView.outbox([entry]) })
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send", abstract: "Deliver every message due now, then exit (for cron).")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var mail: MailOptions

        func run() async throws {
            let opened = try registry.open()
            defer { try? opened.close() }
            // Reminders and digests that are due are written first, as a server's sender would.
            _ = try MatchService(registry: opened, mail: try mail.identity()).writeTimedNotices()
            try await OutboxCommand.deliver(opened, mail: mail)
        }
    }

    /// One pass of the sender, told on stderr: what was sent where, and what waits.
    static func deliver(_ registry: Registry, mail: MailOptions) async throws {
        let delivery = try mail.delivery(registryPath: registry.path)
        let round = try await OutboxSender(registry: registry, delivery: delivery).sendDue()
        if round.sent > 0 { Terminal.say("cli.mailSent", round.sent, delivery.shown) }
        if round.deferred > 0 { Terminal.say("cli.mailDeferred", round.deferred, round.reasons.last ?? "") }
        if round.failed > 0 { Terminal.say("cli.mailFailed", round.failed, round.reasons.last ?? "") }
    }
}
