import ArgumentParser
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct NGOsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ngos",
        abstract: Help.text("help.ngos"),
        subcommands: [
            AddRecordCommand<NGOCommands>.self, UpdateRecordCommand<NGOCommands>.self, List.self, Show.self,
        ]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List NGOs.",
            discussion:
                "Examples:\n  ngomatch ngos list --sector mine-action\n  ngomatch ngos list --province \"Quảng Trị\" --format json"
                + "\n  ngomatch ngos list --certificate-expires-within 90"
        )
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Sector id; a top-level sector includes its subsectors.") var sector: String?
        @Option(help: "Province it works in now (or nationwide).") var province: String?
        @Option(help: "Country of origin.") var country: String?
        @Option(help: "Region id: NGOs working in one of its provinces (or nationwide).") var region: String?
        @Option(help: "Words to find in the id, name, acronym or country (diacritics optional).") var search: String?
        @Option(help: "Only NGOs whose certificate expires within this many days, or has expired.")
        var certificateExpiresWithin: Int?
        @OptionGroup var paging: PageOptions

        func run() throws {
            let service = try registry.service()
            let page = try NGOsListOperation.run(
                service,
                NGOsListParams(
                    sector: sector, province: province, country: country, region: region, search: search,
                    certificateExpiresWithin: certificateExpiresWithin, limit: paging.limit(for: output),
                    after: paging.after), caller: .local("cli"))
            let views = RecordViews(reference: service.reference, language: output.language)
            try RecordOutput.list(NGOsListOperation.self, page, output, paging, command: "ngos list") {
                views.ngosTable(page.items)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one NGO, by id, name or acronym.",
            discussion: "Examples:\n  ngomatch ngos show WWF\n  ngomatch ngos show \"norwegian people's aid\""
        )
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The NGO's id, name or acronym.") var ngo: String

        func run() throws {
            let service = try registry.service()
            let found = try NGOGetOperation.run(service, NGOGetParams(ngo: ngo), caller: .local("cli"))
            try NGOsCommand.show(NGOGetOperation.self, found, service, output)
        }
    }

    static func show<Op: ServiceOperation>(
        _ operation: Op.Type, _ ngo: NGO, _ service: MatchService, _ output: OutputOptions
    ) throws where Op.Result == NGO {
        let views = RecordViews(reference: service.reference, language: output.language)
        try RecordOutput.show(operation, ngo, output) {
            views.ngoDetails(
                ngo, today: .today, published: service.iatiProfileLine(of: ngo.id, language: output.language))
        }
    }
}

/// The words of `ngos add` and `ngos update`.
enum NGOCommands: RecordCommandKind {
    typealias Record = NGO
    typealias Fields = NGORecord
    typealias Flags = NGOFields
    typealias Key = NGOKey
    typealias Register = NGORegisterOperation
    typealias Update = NGOUpdateOperation

    static let add = CommandConfiguration(
        commandName: "add",
        abstract: "Register an NGO.",
        discussion: """
            Examples:
              ngomatch ngos add --name "Green Hands" --country Germany \\
                --sector environment.forests:4 \\
                --works-in "Lâm Đồng" --grant-min 20000 --grant-max 200000 --capacity 2 \\
                --cert-kind operation-registration --cert-issued 2025-01-01 \\
                --cert-expires 2027-12-31 \\
                --cert-area "Đắk Nông" --cert-field environment
              ngomatch ngos add --from ngo.json
            """
    )
    static let update = CommandConfiguration(
        commandName: "update",
        abstract: "Change fields of an NGO; lists given replace the old ones.",
        discussion: """
            Examples:
              ngomatch ngos update WWF --capacity 5
              ngomatch ngos update wwf-vietnam --cert-expires 2028-08-31
            """
    )
    static let idHelp = "Id for the NGO (default: made from the acronym or name)."
    static let keyName = "ngo"
    static let keyHelp = "The NGO's id, name or acronym."
    static let updateExamples = "--capacity, --cert-expires"
    static let registeredKey = "cli.ngoRegistered"
    static let updatedKey = "cli.ngoUpdated"
    static func id(of ngo: NGO) -> String { ngo.id.rawValue }
    static func show<Op: ServiceOperation>(
        _ operation: Op.Type, _ ngo: NGO, _ service: MatchService, _ output: OutputOptions
    ) throws where Op.Result == NGO {
        try NGOsCommand.show(operation, ngo, service, output)
    }
}
