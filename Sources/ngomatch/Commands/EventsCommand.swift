import ArgumentParser
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: Help.text("help.events"),
        discussion: """
            The ministry creates an event and invites provinces and NGOs; they say when
            they are free and whom they want to meet; the ministry plans and publishes;
            each side confirms or declines its meetings; replanning keeps confirmed
            meetings in place; after the day the ministry checks meetings in and records
            their outcomes ("follow-up agreed" opens a partnership).

            Examples:
              ngomatch events create --name "Gặp gỡ 2027" --date 2027-03-10 --start 14:00 \\
                --slot-minutes 20 --slots 6 --tables 4
              ngomatch events invite gap-go-2027 "Cao Bằng" "ha giang" MCNV WWF
              ngomatch events open gap-go-2027
              ngomatch events availability gap-go-2027 --participant "Cao Bằng" \\
                --unavailable 0,1
              ngomatch events wish gap-go-2027 --from "Cao Bằng" --to MCNV --weight 0.8 \\
                --reason "health stations"
              ngomatch events plan gap-go-2027 --publish preliminary
              ngomatch events agenda gap-go-2027 --participant "Cao Bằng"
              ngomatch events confirm gap-go-2027 --meeting 3
              ngomatch events outcome gap-go-2027 --meeting 3 --follow-up \\
                --note "site visit in March"
            """,
        subcommands: [
            Create.self, List.self, Show.self, Notices.self, Update.self, Open.self, Close.self,
            EventInviteCommand.self,
            EventAvailabilityCommand.self, EventWishCommand.self, EventMustMeetCommand.self, EventAvoidCommand.self,
            EventFreeCommand.self, EventPlanCommand.self, EventAgendaCommand.self, EventConfirmCommand.self,
            EventDeclineCommand.self, EventCheckinCommand.self, EventCancelCommand.self, EventOutcomeCommand.self,
            EventImportCommand.self, EventExportCommand.self,
        ]
    )

    /// The settings options `create` and `update` share.
    struct Settings: ParsableArguments {
        @Option(help: "The event's name.") var name: String?
        @Option(help: "Its name in English.") var nameEn: String?
        @Option(help: "The day, YYYY-MM-DD.") var date: String?
        @Option(help: "When slot 0 starts, HH:MM (Vietnam time).") var start: String?
        @Option(help: "Minutes per slot (default 20).") var slotMinutes: Int?
        @Option(help: "How many slots, 1–64.") var slots: Int?
        @Option(name: .customLong("break"), help: "A slot nobody meets in (repeatable; from 0).") var breaks: [Int] = []
        @Option(help: "Meetings that can run at once.") var tables: Int?
        @Option(name: .customLong("table-label"), help: "A label per table, in order (repeatable).")
        var tableLabels: [String] = []
        @Option(help: "The rule set that scores pairs.") var rules: String?
        @Option(help: "Pairs scoring below this (0–100) are not proposed.") var minScore: Double?

        func params<Purpose>(event: String? = nil, id: String? = nil) -> EventSettingsParams<Purpose> {
            EventSettingsParams(
                event: event, id: id, name: name, nameEn: nameEn, date: date, start: start, slotMinutes: slotMinutes,
                slots: slots, breaks: breaks.isEmpty ? nil : breaks, tables: tables,
                tableLabels: tableLabels.isEmpty ? nil : tableLabels, rules: rules, minScore: minScore)
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create an event (a draft: invite participants, then open it).",
            discussion:
                """
                Example:
                  ngomatch events create --name "Gặp gỡ 2027" --date 2027-03-10 --start 14:00 \\
                    --slots 6 --tables 4 --break 3
                """
        )
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "An id (default: made from the name).") var id: String?
        @OptionGroup var settings: Settings

        func run() throws {
            let event = try EventCreateOperation.run(
                registry.service(), settings.params(id: id), caller: .local("cli"))
            try output.emit(EventCreateOperation.self, event, table: { EventViews.settings(event) })
            Terminal.say("cli.eventNext", event.id)
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change an event's settings.",
            discussion: "Example:\n  ngomatch events update gap-go-2026 --tables 6 --rules climate")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event's id.") var event: String
        @OptionGroup var settings: Settings

        func run() throws {
            let changed = try EventUpdateOperation.run(
                registry.service(), settings.params(event: event), caller: .local("cli"))
            try output.emit(EventUpdateOperation.self, changed, table: { EventViews.settings(changed) })
        }
    }

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Open an event to participants' answers (availability and wishes).")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var mail: MailOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event's id.") var event: String
        @Option(help: "The last day for answers, YYYY-MM-DD (default: two days before the event).")
        var answersBy: String?

        func run() async throws {
            let service = try registry.service(mail: try mail.identity())
            let opened = try EventOpenOperation.run(
                service, EventOpenParams(event: event, answersBy: answersBy), caller: .local("cli"))
            try output.emit(EventOpenOperation.self, opened, table: { "\(opened.id): \(opened.status.rawValue)" })
            try await OutboxCommand.deliver(service.registry, mail: mail)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close an event after the day: only outcomes can still be recorded.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event's id.") var event: String

        func run() throws {
            let closed = try EventCloseOperation.run(
                registry.service(), EventParams(event: event), caller: .local("cli"))
            try output.emit(EventCloseOperation.self, closed, table: { "\(closed.id): \(closed.status.rawValue)" })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an event: settings, participants and their answers, wishes, plans.",
            discussion: "Example:\n  ngomatch events show gap-go-2026")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event's id.") var event: String

        func run() throws {
            let details = try EventGetOperation.run(
                registry.service(), EventParams(event: event), caller: .local("cli"))
            try output.emit(EventGetOperation.self, details, table: { EventViews.details(details) })
        }
    }

    struct Notices: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "notices",
            abstract: "Who was told what about an event, and when.",
            discussion: "Example:\n  ngomatch events notices gap-go-2026")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The event's id.") var event: String

        func run() throws {
            let notices = try EventNoticesOperation.run(
                registry.service(), EventParams(event: event), caller: .local("cli"))
            try output.emit(EventNoticesOperation.self, notices, table: { PeopleView.outbox(notices) })
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List meeting events.", discussion: "Example:\n  ngomatch events list --format json")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only events in this state: draft, open, planned, published, closed.") var status: String?
        @OptionGroup var paging: PageOptions

        func run() throws {
            let page = try EventsListOperation.run(
                registry.service(),
                EventsListParams(status: status, limit: paging.limit(for: output), after: paging.after),
                caller: .local("cli"))
            defer { paging.footer(page, command: "events list") }
            let rows = page.items.map { event in
                [
                    event.id, event.date?.description ?? "",
                    event.status.rawValue + (event.published.map { " (\($0))" } ?? ""),
                    "\(event.provinces)", "\(event.ngos)", "\(event.answered)", event.name,
                ]
            }
            let header = ["id", "date", "status", "provinces", "ngos", "answered", "name"]
            let language = output.language
            try output.emit(
                EventsListOperation.self, page,
                table: {
                    var table = Table(keys: [
                        "cli.id", "ev.date", "ev.status", "kinds.province", "kinds.NGO", "ev.answered", "cli.name",
                    ])
                    for event in page.items {
                        let status =
                            Messages.text("eventStatus." + event.status.rawValue, language)
                            + (event.published.map { " (\(Messages.text("schedule." + $0, language)))" } ?? "")
                        table.add([
                            event.id, event.date.map { LocalFormat.date($0, language) } ?? "", status,
                            "\(event.provinces)", "\(event.ngos)", "\(event.answered)", event.name,
                        ])
                    }
                    return table.render()
                }, csv: { [CSVTable.line(header)] + rows.map(CSVTable.line) })
        }
    }
}
