import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchMail
import NGOMatchService
import NGOMatchStore

struct PeopleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "People who sign in by e-mail: invite, list, show, update, remove.",
        discussion: """
            A person acts for the ministry, a province or centrally-run city, or an NGO,
            with rights read, edit (the default) or organise (ministry only). An
            invitation is an e-mail with a sign-in link and a code, valid 72 hours.
            Without --smtp it is written as an .eml file beside the registry.

            Examples:
              ngomatch people invite lan@caobang.example.vn --name "Nguyễn Thị Lan" \\
                --for "province:Cao Bang"
              ngomatch people list --for "province:Cao Bang"
              ngomatch people show lan@caobang.example.vn
              ngomatch people update lan@caobang.example.vn --rights read
              ngomatch people remove lan@caobang.example.vn
            """,
        subcommands: [Invite.self, List.self, Show.self, Update.self, Remove.self, Notices.self]
    )

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite", abstract: "Invite a person; the invitation is sent at once.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var mail: MailOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The address they sign in with.") var email: String
        @Option(help: "The name they go by.") var name: String
        @Option(name: .customLong("for"), help: "ministry, province:UNIT or ngo:NGO (any of their names).")
        var organisation: String
        @Option(help: "vi or en (default vi).") var language: Language?
        @Option(help: "read, edit or organise (default edit).") var rights: PersonRights?

        func run() async throws {
            let service = try registry.service(mail: try mail.identity())
            let person = try PersonInviteOperation.run(
                service,
                PersonInviteParams(
                    email: email, name: name, for: organisation, language: language, rights: rights),
                caller: .local("cli"))
            try output.emit(PersonInviteOperation.self, person, table: { PeopleView.table([person]) })
            try await OutboxCommand.deliver(service.registry, mail: mail)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the people.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(name: .customLong("for"), help: "Only one organisation's people.") var organisation: String?
        @Flag(help: "Also those who left.") var includeLeft = false

        func run() throws {
            let people = try PeopleListOperation.run(
                try registry.service(), PeopleListParams(for: organisation, includeLeft: includeLeft ? true : nil),
                caller: .local("cli"))
            try output.emit(
                PeopleListOperation.self, people, table: { PeopleView.table(people) },
                csv: { PeopleView.csv(people) })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "One person, with every notice written to them.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A person by id or address.") var person: String

        func run() throws {
            let details = try PersonShowOperation.run(
                try registry.service(), PersonParams(person: person), caller: .local("cli"))
            try output.emit(PersonShowOperation.self, details, table: { PeopleView.details(details) })
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Change a person's name, address, language or rights.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A person by id or address.") var person: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new address.") var email: String?
        @Option(help: "vi or en.") var language: Language?
        @Option(help: "read, edit or organise.") var rights: PersonRights?

        func run() throws {
            let updated = try PersonUpdateOperation.run(
                try registry.service(),
                PersonUpdateParams(person: person, name: name, email: email, language: language, rights: rights),
                caller: .local("cli"))
            try output.emit(PersonUpdateOperation.self, updated, table: { PeopleView.table([updated]) })
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "A person leaves: they can no longer sign in.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A person by id or address.") var person: String

        func run() throws {
            let removed = try PersonRemoveOperation.run(
                try registry.service(), PersonParams(person: person), caller: .local("cli"))
            try output.emit(PersonRemoveOperation.self, removed, table: { PeopleView.table([removed]) })
        }
    }

    struct Notices: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notices", abstract: "Choose how a kind of notice reaches a person.",
            discussion: """
                Kinds: event-invitation, event-opened, event-reminder, event-schedule.
                Cadence: immediately, daily or weekly (one digest), or off (the web only).

                Example:
                  ngomatch people notices lan@caobang.example.vn --kind event-reminder \\
                    --cadence weekly
                """)
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A person by id or address.") var person: String
        @Option(help: "Which kind of notice.") var kind: String
        @Option(help: "immediately, daily, weekly or off.") var cadence: NoticeCadence

        func run() throws {
            let settings = try PersonNoticesOperation.run(
                try registry.service(), PersonNoticesParams(person: person, kind: kind, cadence: cadence),
                caller: .local("cli"))
            try output.emit(
                PersonNoticesOperation.self, settings,
                table: {
                    settings.settings.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.rawValue)" }
                        .joined(separator: "\n")
                })
        }
    }
}

extension PersonRights: ExpressibleByArgument {}
extension NoticeCadence: ExpressibleByArgument {}
extension OutboxEntry.State: ExpressibleByArgument {}
