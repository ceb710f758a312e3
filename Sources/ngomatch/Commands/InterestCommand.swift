import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct InterestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interest",
        abstract: "Interest both ways: a side asks, the other accepts or declines; messages on each request.",
        discussion: """
            An NGO says "we can help" with a need; a province says "we would like to
            discuss this need" with an NGO. The other side's people are told by e-mail,
            with the match's explanation. When both sides ask, they are connected at once.
            The CLI acts as the local user: say which side asks with --from.

            Examples:
              ngomatch interest express --need cao-bang-1 --ngo MCNV --from ngo \\
                --message "We run maternal health programmes in the north."
              ngomatch interest list --status open
              ngomatch interest answer 1 --accept --text "Let us meet in March."
              ngomatch interest answer 2 --decline --reason timing
              ngomatch interest message 1 --text "Could you send your concept note?"
            """,
        subcommands: [Express.self, Answer.self, List.self, Show.self, Message.self, Settings.self]
    )

    struct Express: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "express", abstract: "Say one side would like to work with the other on a need.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var mail: MailOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The need's id.") var need: String
        @Option(help: "The NGO: id, name or acronym.") var ngo: String
        @Option(help: "Which side asks: province or ngo.") var from: InterestRequest.Side
        @Option(help: "What you would like to say.") var message: String
        @Option(help: "An amount in mind, if any.") var amount: Double?
        @Option(help: "The amount's currency (default USD).") var currency: String?
        @Option(help: "When, if known (e.g. 2027–2028).") var timeframe: String?

        func run() async throws {
            let service = try registry.service(mail: try mail.identity())
            let outcome = try InterestExpressOperation.run(
                service,
                InterestExpressParams(
                    need: need, ngo: ngo, message: message, amount: amount, currency: currency, timeframe: timeframe,
                    from: from), caller: .local("cli"))
            try output.emit(InterestExpressOperation.self, outcome, table: { InterestView.outcome(outcome) })
            try await OutboxCommand.deliver(service.registry, mail: mail)
        }
    }

    struct Answer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "answer", abstract: "Accept, decline or withdraw a request.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var mail: MailOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The request's number (from 'interest list').") var id: Int
        @Flag(help: "accept, decline, or withdraw (the side that asked).") var answer: AnswerChoice
        @Option(help: "Why it is declined: \(DeclineReason.allCases.map(\.rawValue).joined(separator: ", ")).")
        var reason: DeclineReason?
        @Option(help: "A few words with the answer.") var text: String?

        enum AnswerChoice: String, EnumerableFlag {
            case accept, decline, withdraw
        }

        func run() async throws {
            let service = try registry.service(mail: try mail.identity())
            let answered = try InterestAnswerOperation.run(
                service, InterestAnswerParams(id: id, answer: answer.rawValue, reason: reason, text: text),
                caller: .local("cli"))
            try output.emit(InterestAnswerOperation.self, answered, table: { InterestView.table([answered]) })
            try await OutboxCommand.deliver(service.registry, mail: mail)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Requests, newest first.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this need.") var need: String?
        @Option(help: "Only this NGO.") var ngo: String?
        @Option(help: "open, accepted, declined, mutual, expired or withdrawn.") var status: InterestRequest.Status?

        func run() throws {
            let requests = try InterestListOperation.run(
                try registry.service(), InterestListParams(need: need, ngo: ngo, status: status),
                caller: .local("cli"))
            try output.emit(
                InterestListOperation.self, requests, table: { InterestView.table(requests) },
                csv: { InterestView.csv(requests) })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "One request, its thread, and contacts once connected.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The request's number.") var id: Int

        func run() throws {
            let details = try InterestShowOperation.run(
                try registry.service(), InterestParams(id: id), caller: .local("cli"))
            try output.emit(InterestShowOperation.self, details, table: { InterestView.details(details) })
        }
    }

    struct Message: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "message", abstract: "Write on a request's thread; the other side is told.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var mail: MailOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The request's number.") var id: Int
        @Option(help: "The message (plain text).") var text: String

        func run() async throws {
            let service = try registry.service(mail: try mail.identity())
            let message = try InterestMessageOperation.run(
                service, InterestMessageParams(id: id, text: text), caller: .local("cli"))
            try output.emit(
                InterestMessageOperation.self, message, table: { "\(message.at.prefix(16)) \(message.text)" })
            try await OutboxCommand.deliver(service.registry, mail: mail)
        }
    }

    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings", abstract: "How long requests wait, and how many may be open.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Days a request waits for its answer (1–90).") var expiryDays: Int?
        @Option(help: "Requests an organisation may have open at once (1–500).") var openCap: Int?

        func run() throws {
            let settings = try InterestSettingsOperation.run(
                try registry.service(), InterestSettingsParams(expiryDays: expiryDays, openCap: openCap),
                caller: .local("cli"))
            try output.emit(
                InterestSettingsOperation.self, settings,
                table: {
                    Messages.text(
                        "interest.settingsLine", CommandLanguage.current, "\(settings.expiryDays)",
                        "\(settings.openCap)")
                })
        }
    }
}

extension InterestRequest.Side: ExpressibleByArgument {}
extension InterestRequest.Status: ExpressibleByArgument {}
extension DeclineReason: ExpressibleByArgument {}
