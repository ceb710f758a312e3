import ArgumentParser
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct NeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: Help.text("help.needs"),
        subcommands: [
            AddRecordCommand<NeedCommands>.self, UpdateRecordCommand<NeedCommands>.self, Close.self, List.self,
            Show.self,
        ]
    )

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close a need, or mark it partnered.",
            discussion:
                "Examples:\n  ngomatch needs close cao-bang-1\n  ngomatch needs close cao-bang-1 --status partnered"
        )
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The need's id.") var id: String
        @Option(help: "closed or partnered.") var status: String = "closed"

        func run() throws {
            let service = try registry.service()
            let need = try NeedCloseOperation.run(
                service, NeedCloseParams(id: id, status: status), caller: .local("cli"))
            Terminal.say("cli.needStatus", need.id, Phrase.key("needStatus." + need.status.rawValue))
            try NeedsCommand.show(NeedCloseOperation.self, need, service, output)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List needs.",
            discussion: """
                Examples:
                  ngomatch needs list --province "Cao Bằng"
                  ngomatch needs list --sector health --status open --format csv > needs.csv
                  ngomatch needs list --search "nuoc sach"
                """
        )
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Province id or name.") var province: String?
        @Option(help: "Sector id; a top-level sector includes its subsectors.") var sector: String?
        @Option(help: "Region id, e.g. northern-midlands-mountains.") var region: String?
        @Option(help: "open, in-discussion, partnered or closed.") var status: String?
        @Option(help: "Words to find in the id, title, description or localities (diacritics optional).")
        var search: String?
        @OptionGroup var paging: PageOptions

        func run() throws {
            let service = try registry.service()
            let page = try NeedsListOperation.run(
                service,
                NeedsListParams(
                    province: province, sector: sector, region: region, status: status, search: search,
                    limit: paging.limit(for: output), after: paging.after),
                caller: .local("cli"))
            let views = RecordViews(reference: service.reference, language: output.language)
            try RecordOutput.list(NeedsListOperation.self, page, output, paging, command: "needs list") {
                views.needsTable(page.items)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one need.", discussion: "Example:\n  ngomatch needs show cao-bang-1 --lang vi")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The need's id.") var id: String

        func run() throws {
            let service = try registry.service()
            let need = try NeedGetOperation.run(service, NeedGetParams(id: id), caller: .local("cli"))
            try NeedsCommand.show(NeedGetOperation.self, need, service, output)
        }
    }

    static func show<Op: ServiceOperation>(
        _ operation: Op.Type, _ need: Need, _ service: MatchService, _ output: OutputOptions
    ) throws where Op.Result == Need {
        let views = RecordViews(reference: service.reference, language: output.language)
        try RecordOutput.show(operation, need, output) { views.needDetails(need) }
    }
}

/// The words of `needs add` and `needs update`.
enum NeedCommands: RecordCommandKind {
    typealias Record = Need
    typealias Fields = NeedRecord
    typealias Flags = NeedFields
    typealias Key = NeedKey
    typealias Register = NeedRegisterOperation
    typealias Update = NeedUpdateOperation

    static let add = CommandConfiguration(
        commandName: "add",
        abstract: "Register a need.",
        discussion: """
            Examples:
              ngomatch needs add --province "Cao Bằng" --title "Commune health stations" \\
                --sector health.primary-care:5 --sector health.workforce:3 \\
                --target-group ethnic-minorities --funding-gap 250000 --start 2026-03-01 \\
                --end 2027-12-31
              ngomatch needs add --from need.json
            """
    )
    static let update = CommandConfiguration(
        commandName: "update",
        abstract: "Change fields of a need; lists given replace the old ones.",
        discussion: """
            Examples:
              ngomatch needs update cao-bang-1 --funding-gap 500000
              ngomatch needs update cao-bang-1 --sector health.maternal-child:5 \\
                --sector health.nutrition:4
              ngomatch needs update cao-bang-1 --from need.json
            """
    )
    static let idHelp = "Id for the need (default: <province>-<n>)."
    static let keyName = "id"
    static let keyHelp = "The need's id."
    static let updateExamples = "--title, --funding-gap"
    static let registeredKey = "cli.needRegistered"
    static let updatedKey = "cli.needUpdated"
    static func id(of need: Need) -> String { need.id.rawValue }
    static func show<Op: ServiceOperation>(
        _ operation: Op.Type, _ need: Need, _ service: MatchService, _ output: OutputOptions
    ) throws where Op.Result == Need {
        try NeedsCommand.show(operation, need, service, output)
    }
}
