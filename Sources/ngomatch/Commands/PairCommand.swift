import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService
import NGOMatchStore

enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case md, csv, html, json
}

struct PairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pair",
        abstract: "Plan an event's bilateral meetings: who meets whom, when, at which table.",
        discussion: """
            The event file lists the slots, tables, provinces and NGOs (see README,
            "Meeting planner"). Without "scores" in it, every province–NGO pair is scored
            from the registry: the province's best open need for that NGO, under --rules.

            Without --out, the master grid (md, csv, html) or the plan (json) goes to
            stdout.
            With --out DIR, DIR gets plan.json, master.<format>, an agenda per province and
            per NGO (provinces/, ngos/), and a calendar file per participant (calendars/,
            when the event has a date and start time).

            Examples:
              ngomatch pair --event fixtures/planning/meeting-2025.json
              ngomatch pair --event meeting.json --format html --out agendas/
              ngomatch pair --event meeting.json --keep agendas/plan.json --format json
            """
    )

    @OptionGroup var registry: RegistryOptions
    @Option(help: "The event file (JSON).") var event: String
    @Option(help: "Rule set used to score pairs when the event has no scores.") var rules: String?
    @Option(help: "md, csv, html or json.") var format: PlanFormat = .md
    @Option(help: "Write the plan, agendas and calendars into this folder.") var out: String?
    @Option(help: "An earlier plan (its plan.json): keep its meetings that are still valid.") var keep: String?

    func run() throws {
        let value = try JSONFile.read(event)
        let parsed = try Event.read(value, source: event)
        var keptMeetings: [KeptMeeting] = []
        if let keep {
            var reader = FieldReader(.object([:]))
            keptMeetings = PlanRequest.readKeep(try JSONFile.read(keep), reader: &reader)
            guard reader.problems.isEmpty else {
                throw ValidationFailure(records: [
                    RecordProblems(
                        location: .verbatim(keep), record: .key("record.confirmedMeetings"), problems: reader.problems)
                ])
            }
        }
        let service = try registry.service()
        let request = PlanRequest(
            event: parsed, rules: rules, keep: keptMeetings, language: CommandLanguage.current, source: event)
        let plan = try service.plan(request)
        let report = PlanReport(plan, rules: request.scoringRules, language: request.language)
        let book = AgendaBook(report, event: parsed, language: request.language)
        if let out {
            let written = try AgendaFiles(book: book, format: format).write(to: out)
            Terminal.say("cli.wroteFiles", written, out)
        } else {
            print(try Self.master(book, format), terminator: "")
        }
        summarise(report)
    }

    static func master(_ book: AgendaBook, _ format: PlanFormat) throws -> String {
        switch format {
        case .md: MarkdownAgenda.master(book)
        case .csv: CSVAgenda.master(book)
        case .html: HTMLAgenda.master(book)
        case .json: String(decoding: try StreamingJSONEncoder.encode(book.report), as: UTF8.self) + "\n"
        }
    }

    private func summarise(_ report: PlanReport) {
        let language = CommandLanguage.current
        Terminal.say(
            "pair.summary", report.meetingCount, LocalFormat.decimal(report.totalScore, digits: 3, language),
            LocalFormat.percent(report.quality, language), LocalFormat.decimal(report.upperBound, digits: 3, language))
        if report.participants.hasMinimums { Terminal.note(report.minimums.message(in: language)) }
        for conflict in report.conflicts { Terminal.say("cli.note", conflict.message) }
        if let replan = report.replan {
            Terminal.say(
                "pair.replan", replan.kept.count, replan.tableChanged.count, replan.dropped.count, replan.added.count)
            for dropped in replan.dropped {
                Terminal.say("pair.dropped", dropped.province, dropped.ngo, dropped.slot, dropped.reason ?? "")
            }
        }
    }
}
