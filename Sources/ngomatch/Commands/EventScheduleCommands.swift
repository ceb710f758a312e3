import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService

enum PublishKind: String, ExpressibleByArgument, CaseIterable {
    case preliminary, final
}

struct EventPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Plan an event's meetings and, with --publish, publish them.",
        discussion: """
            Confirmed meetings of the published schedule stay in their slot and at their
            table; declined pairs are not proposed again. Prints what changed since the
            published schedule and who must be told. Every run is kept (events show lists
            them).

            Examples:
              ngomatch events plan gap-go-2026
              ngomatch events plan gap-go-2026 --publish preliminary
              ngomatch events plan gap-go-2026 --publish final
            """)
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var mail: MailOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The event's id.") var event: String
    @Option(help: "Publish the schedule: preliminary or final.") var publish: PublishKind?

    func run() async throws {
        let service = try registry.service(mail: try mail.identity())
        let result = try EventPlanOperation.run(
            service, EventPlanParams(event: event, publish: publish?.rawValue, lang: output.language),
            caller: .local("cli"))
        try output.emit(EventPlanOperation.self, result, table: { EventViews.plan(result) })
        try await OutboxCommand.deliver(service.registry, mail: mail)
    }
}

struct EventAgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "The published schedule, or one participant's agenda.",
        discussion: """
            Meetings carry their numbers (for confirm, decline, checkin, outcome). --format
            ics gives a participant's calendar; --out DIR writes every agenda and calendar.

            Examples:
              ngomatch events agenda gap-go-2026
              ngomatch events agenda gap-go-2026 --participant "Cao Bằng" \\
                --format html > cao-bang.html
              ngomatch events agenda gap-go-2026 --participant MCNV --format ics > mcnv.ics
              ngomatch events agenda gap-go-2026 --out agendas/
            """)
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, csv, html, ics, json
    }

    @OptionGroup var registry: RegistryOptions
    @Argument(help: "The event's id.") var event: String
    @Option(help: "Only this participant's meetings.") var participant: String?
    @Option(help: "md, csv, html, ics (a participant's calendar) or json.") var format: Format = .md
    @Option(help: "Write the master grid, every agenda and every calendar into this folder.") var out: String?

    func run() throws {
        let (agenda, book) = try registry.service().eventAgenda(
            EventAgendaParams(event: event, participant: participant, lang: CommandLanguage.current),
            caller: .local("cli"))
        if let out {
            let written = try AgendaFiles(book: book, format: format.planFormat).write(to: out)
            Terminal.say("cli.wroteFiles", written, out)
            return
        }
        let own = agenda.participant.flatMap { id in book.everyone.first { $0.id == id } }
        switch (format, own) {
        case (.json, _):
            print(String(decoding: try EventAgendaOperation.encode(agenda), as: UTF8.self))
        case (.ics, let own?):
            print(CalendarFile.calendar(own, in: book) ?? "", terminator: "")
        case (.ics, nil):
            throw UsageError("usage.icsNeedsParticipant")
        case (.md, let own?): print(MarkdownAgenda.agenda(own, in: book), terminator: "")
        case (.csv, let own?): print(CSVAgenda.agenda(own, in: book), terminator: "")
        case (.html, let own?): print(HTMLAgenda.agenda(own, in: book), terminator: "")
        case (_, nil): print(try PairCommand.master(book, format.planFormat), terminator: "")
        }
    }
}

extension EventAgendaCommand.Format {
    var planFormat: PlanFormat {
        switch self {
        case .md, .ics: .md
        case .csv: .csv
        case .html: .html
        case .json: .json
        }
    }
}

/// Which meeting, and a note: what every meeting command takes.
struct MeetingTarget: ParsableArguments {
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The event's id.") var event: String
    @Option(help: "The meeting's number in the agenda.") var meeting: Int
    @Option(help: "A note: why, or what was agreed.") var note: String?
}

/// Confirm, decline, check in, cancel, record an outcome: one meeting, one action.
protocol EventMeetingCommand: ParsableCommand {
    var target: MeetingTarget { get }
    var action: String { get }
}

extension EventMeetingCommand {
    func run() throws {
        let changed = try EventMeetingOperation.run(
            target.registry.service(),
            EventMeetingParams(event: target.event, meeting: target.meeting, action: action, note: target.note),
            caller: .local("cli"))
        try target.output.emit(EventMeetingOperation.self, changed, table: { EventViews.meeting(changed) })
    }
}

struct EventConfirmCommand: EventMeetingCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Confirm a meeting (for one side; the ministry confirms for both).",
        discussion: "Example:\n  ngomatch events confirm gap-go-2026 --meeting 3")
    @OptionGroup var target: MeetingTarget
    var action: String { "confirm" }
}

struct EventDeclineCommand: EventMeetingCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline", abstract: "Decline a meeting: the pair is not proposed again when replanning.",
        discussion: """
            Example:
              ngomatch events decline gap-go-2026 --meeting 3 \\
                --note "not our sector this year"
            """)
    @OptionGroup var target: MeetingTarget
    var action: String { "decline" }
}

struct EventCancelCommand: EventMeetingCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a meeting (the ministry); replanning may fill its slot.")
    @OptionGroup var target: MeetingTarget
    var action: String { "cancel" }
}

struct EventCheckinCommand: EventMeetingCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin", abstract: "On the day: a meeting was held, or a party did not come.",
        discussion:
            "Examples:\n  ngomatch events checkin gap-go-2026 --meeting 3 --held\n  ngomatch events checkin gap-go-2026 --meeting 4 --no-show"
    )
    @OptionGroup var target: MeetingTarget
    @Flag(name: .customLong("held"), help: "The meeting was held.") var held = false
    @Flag(name: .customLong("no-show"), help: "A party did not come.") var noShow = false
    var action: String { noShow ? "no-show" : "held" }

    func validate() throws {
        guard held != noShow else {
            throw ValidationError(Messages.text("usage.heldOrNoShow", CommandLanguage.current))
        }
    }
}

struct EventOutcomeCommand: EventMeetingCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome", abstract: "After the meeting: whether a follow-up was agreed.",
        discussion: """
            A follow-up agreed opens a partnership (proposed) for the need the pair was
            scored on, or takes a proposed one to agreed: it then counts in track record,
            load and gaps.

            Example:
              ngomatch events outcome gap-go-2026 --meeting 3 --follow-up \\
                --note "site visit in March"
            """)
    @OptionGroup var target: MeetingTarget
    @Flag(name: .customLong("follow-up"), help: "A follow-up was agreed.") var followUp = false
    @Flag(name: .customLong("no-follow-up"), help: "No follow-up.") var noFollowUp = false
    var action: String { followUp ? "follow-up" : "no-follow-up" }

    func validate() throws {
        guard followUp != noFollowUp else {
            throw ValidationError(Messages.text("usage.followUp", CommandLanguage.current))
        }
    }
}

struct EventImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Store an event file (the `pair --event` format) as an event.",
        discussion: "Example:\n  ngomatch events import fixtures/planning/meeting-2025.json --id gap-go-2025")
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The event file (JSON).") var file: String
    @Option(help: "An id for the event (default: made from its name).") var id: String?

    func run() throws {
        let value = try JSONFile.read(file)
        let params = EventImportParams(event: try Event.read(value, source: file), id: id)
        let event = try EventImportOperation.run(registry.service(), params, caller: .local("cli"))
        try output.emit(EventImportOperation.self, event, table: { EventViews.settings(event) })
    }
}

struct EventExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write an event as an event file (for `events import` or `pair --event`).",
        discussion:
            """
            Example:
              ngomatch events export gap-go-2026 --out event.json
              ngomatch pair --event event.json
            """)
    @OptionGroup var registry: RegistryOptions
    @Argument(help: "The event's id.") var event: String
    @Option(help: "Write to this file instead of stdout.") var out: String?
    @Option(help: "json: an event file is JSON.") var format = "json"

    func validate() throws {
        guard format == "json" else {
            throw ValidationError(Messages.text("usage.eventFileJSON", CommandLanguage.current))
        }
    }

    func run() throws {
        let file = try EventExportOperation.run(registry.service(), EventParams(event: event), caller: .local("cli"))
        let text = String(decoding: try EventExportOperation.encode(file), as: UTF8.self) + "\n"
        guard let out else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw UsageError("usage.cannotWrite", out, error.localizedDescription)
        }
        Terminal.say("cli.wrote", out)
    }
}
