import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService

struct ReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Reports NGOs owe under Decree 58: plans to provinces, annual reports, who is late.",
        discussion: """
            A certified NGO sends its plan of activities to each province its certificate
            names within 45 working days of the certificate being issued or extended, and
            its annual report by 18 December (Decree 58/2022/ND-CP, Article 21). Duties due
            before ngomatch kept filings are 'untracked', never 'late'.

            Examples:
              ngomatch reports list --state late
              ngomatch reports file --ngo MCNV --kind implementation-plan \\
                --province "Cao Bằng"
              ngomatch reports file --ngo MCNV --kind annual-report --year 2026 \\
                --filed-on 2026-12-10
            """,
        subcommands: [List.self, File.self, Settings.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Duties and their state.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this NGO's duties.") var ngo: String?
        @Option(help: "Only the plans due to this province.") var province: String?
        @Option(help: "Only duties in this state: filed, due, late or untracked.") var state: String?
        @Option(help: "Only implementation-plan or annual-report.") var kind: String?
        @Option(help: "Judge the duties as on this day, YYYY-MM-DD.") var on: String?

        func run() throws {
            let list = try ReportingListOperation.run(
                try registry.service(),
                ReportingListParams(ngo: ngo, province: province, state: state, kind: kind, on: on),
                caller: .local("cli"))
            try output.emit(
                ReportingListOperation.self, list, table: { ReportsView.list(list) },
                csv: { ReportingEntry.csvRows(list.duties).map(CSVTable.line) })
        }
    }

    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "file", abstract: "Record that an NGO sent a report.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The NGO: id, name or acronym.") var ngo: String
        @Option(help: "implementation-plan or annual-report.") var kind: String
        @Option(help: "The province a plan went to.") var province: String?
        @Option(help: "The year an annual report covers (default this year).") var year: Int?
        @Option(help: "The day it was sent, YYYY-MM-DD (default today).") var filedOn: String?
        @Option(help: "A note: the letter's number, how it was sent.") var note: String?
        @Flag(help: "Take back a filing recorded by mistake.") var undo = false

        func run() throws {
            let entry = try ReportFileOperation.run(
                try registry.service(),
                ReportFileParams(
                    ngo: ngo, kind: kind, province: province, year: year, filedOn: filedOn, undo: undo ? true : nil,
                    note: note), caller: .local("cli"))
            try output.emit(ReportFileOperation.self, entry, table: { ReportsView.table([entry]) })
        }
    }

    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings", abstract: "From when reports count as late.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The first day filings count from, YYYY-MM-DD.") var trackedSince: String?

        func run() throws {
            let settings = try ReportingSettingsOperation.run(
                try registry.service(), ReportingSettingsParams(trackedSince: trackedSince), caller: .local("cli"))
            try output.emit(
                ReportingSettingsOperation.self, settings,
                table: {
                    Messages.text(
                        "reportsTrackedSince", CommandLanguage.current,
                        LocalFormat.date(settings.trackedSince, CommandLanguage.current))
                })
        }
    }
}
