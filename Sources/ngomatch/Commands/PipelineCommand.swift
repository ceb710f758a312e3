import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Pairs on their way from a first contact to an approved project: move, list, show, dossier.",
        discussion: """
            Stages: contacted, interested, met, concept-note, agreed, dossier-submitted,
            approved, implementing, completed; or declined, withdrawn, not-approved with
            a reason. Approved needs the decision's number, date and authority, and the
            dossier's items done. An approved pair is a partnership: it counts in track
            record and load. 'pipeline checklist' shows the stages and the dossier.

            Examples:
              ngomatch pipeline move --need cao-bang-1 --ngo MCNV --stage met
              ngomatch pipeline item --need cao-bang-1 --ngo MCNV --item project-document \\
                --file project.pdf
              ngomatch pipeline move --need cao-bang-1 --ngo MCNV --stage approved \\
                --decision-number 123/QĐ-UBND --decision-date 2026-11-20 \\
                --authority "Cao Bằng People's Committee"
              ngomatch pipeline list --stalled
              ngomatch pipeline figures --by sector --format csv
            """,
        subcommands: [Move.self, List.self, Show.self, Item.self, Figures.self, Checklist.self]
    )

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a pair to a stage.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var mail: MailOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The need's id.") var need: String
        @Option(help: "The NGO: id, name or acronym.") var ngo: String
        @Option(help: "The stage to move to.") var stage: String
        @Option(help: "Why (to decline, withdraw, or when not approved).") var reason: String?
        @Option(help: "The approval decision's number.") var decisionNumber: String?
        @Option(help: "The decision's date, YYYY-MM-DD.") var decisionDate: String?
        @Option(help: "Who approved.") var authority: String?
        @Option(help: "A note for the history.") var note: String?

        func run() async throws {
            let service = try registry.service(mail: try mail.identity())
            let pair = try PipelineMoveOperation.run(
                service,
                PipelineMoveParams(
                    need: need, ngo: ngo, stage: stage, reason: reason, decisionNumber: decisionNumber,
                    decisionDate: decisionDate, authority: authority, note: note), caller: .local("cli"))
            try output.emit(
                PipelineMoveOperation.self, pair, table: { "\(pair.need) — \(pair.ngo): \(pair.stage)" })
            try await OutboxCommand.deliver(service.registry, mail: mail)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Pairs and their stages.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only pairs at this stage.") var stage: String?
        @Option(help: "Only this province's pairs.") var province: String?
        @Option(help: "Only this NGO's pairs.") var ngo: String?
        @Flag(help: "Only open pairs that have not moved in 30 days.") var stalled = false

        func run() throws {
            let entries = try PipelineListOperation.run(
                try registry.service(),
                PipelineListParams(stage: stage, province: province, ngo: ngo, stalled: stalled ? true : nil),
                caller: .local("cli"))
            try output.emit(
                PipelineListOperation.self, entries, table: { InterestView.pipeline(entries) },
                csv: { InterestView.pipelineCSV(entries) })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "One pair: its history and its dossier.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The need's id.") var need: String
        @Option(help: "The NGO: id, name or acronym.") var ngo: String

        func run() throws {
            // A program reads the same words through every door; a person reads their own language.
            let details = try registry.service().pipelineDetails(
                PipelinePairParams(need: need, ngo: ngo), caller: .local("cli"),
                language: output.format == .table ? CommandLanguage.current : .en)
            try output.emit(PipelineShowOperation.self, details, table: { InterestView.pair(details) })
        }
    }

    struct Item: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "item", abstract: "Mark a dossier item done, with its document.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The need's id.") var need: String
        @Option(help: "The NGO: id, name or acronym.") var ngo: String
        @Option(help: "The item's id (see 'pipeline checklist').") var item: String
        @Option(help: "The document to keep with it (PDF, Word, OpenDocument, Excel, JPEG, PNG; ≤ 10 MB).")
        var file: String?
        @Flag(help: "Mark it not done.") var undo = false

        func run() throws {
            var bytes: [UInt8]?
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError(Messages.text("cli.cannotRead", CommandLanguage.current, file))
                }
                bytes = Array(data)
            }
            let row = try registry.service().markDossierItem(
                DossierItemParams(
                    need: need, ngo: ngo, item: item, done: !undo,
                    fileName: file.map { URL(fileURLWithPath: $0).lastPathComponent }),
                caller: .local("cli"), bytes: bytes)
            try output.emit(
                DossierItemOperation.self, row,
                table: { "\(row.item): \(row.doneAt.map { String($0.prefix(10)) } ?? "—") \(row.fileName ?? "")" })
        }
    }

    struct Figures: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "figures", abstract: "Pairs by stage per province, sector or NGO; days between stages.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "province (default), sector or ngo.") var by: String?

        func run() throws {
            let figures = try PipelineFiguresOperation.run(
                try registry.service(), PipelineFiguresParams(by: by), caller: .local("cli"))
            try output.emit(
                PipelineFiguresOperation.self, figures, table: { InterestView.figures(figures) },
                csv: { InterestView.figuresCSV(figures) })
        }
    }

    struct Checklist: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checklist", abstract: "The stages and dossier items; the ministry may replace them.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "A YAML file to check and put in force.") var replace: String?
        @Flag(help: "Go back to the shipped checklist.") var reset = false

        func run() throws {
            var text: String?
            if let replace {
                guard let data = FileManager.default.contents(atPath: replace) else {
                    throw ValidationError(Messages.text("cli.cannotRead", CommandLanguage.current, replace))
                }
                text = String(decoding: data, as: UTF8.self)
            }
            let checklist = try ChecklistOperation.run(
                try registry.service(), ChecklistParams(replace: text, reset: reset ? true : nil),
                caller: .local("cli"))
            let language = CommandLanguage.current
            try output.emit(
                ChecklistOperation.self, checklist,
                table: {
                    var lines = ["\(checklist.name) — \(checklist.basis)", ""]
                    lines += checklist.allStages.map {
                        "\($0.id): \($0.name(language))"
                            + ($0.requires.isEmpty ? "" : " [\($0.requires.map(\.rawValue).joined(separator: ", "))]")
                    }
                    lines.append("")
                    lines += checklist.items.map {
                        "\($0.id) (\($0.kind.rawValue), \($0.neededBy)): \($0.name(language))"
                    }
                    return lines.joined(separator: "\n")
                })
        }
    }
}
