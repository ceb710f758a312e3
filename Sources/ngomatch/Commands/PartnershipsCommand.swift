import ArgumentParser
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct PartnershipsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnerships",
        abstract:
            "Record and list partnerships; they feed track record and load, and declined pairs are not suggested again.",
        subcommands: [Record.self, List.self]
    )

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record the status of a need–NGO pair.",
            discussion: """
                Examples:
                  ngomatch partnerships record --need cao-bang-1 --ngo MCNV --status agreed
                  ngomatch partnerships record --need cao-bang-1 --ngo WVI --status declined \\
                    --note "outside their plan"
                """
        )
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The need's id.") var need: String
        @Option(help: "The NGO: id, name or acronym.") var ngo: String
        @Option(help: "proposed, agreed, active, completed or declined.") var status: String
        @Option(help: "A note for the record.") var note: String?

        func run() throws {
            let recorded = try PartnershipRecordOperation.run(
                registry.service(), PartnershipRecordParams(need: need, ngo: ngo, status: status, note: note),
                caller: .local("cli"))
            try output.emit(
                PartnershipRecordOperation.self, recorded,
                table: { "\(recorded.need) — \(recorded.ngo): \(recorded.status.rawValue)" })
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List partnerships.",
            discussion: "Examples:\n  ngomatch partnerships list\n  ngomatch partnerships list --ngo WWF")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this need.") var need: String?
        @Option(help: "Only this NGO.") var ngo: String?
        @OptionGroup var paging: PageOptions

        func run() throws {
            let page = try PartnershipsListOperation.run(
                registry.service(),
                PartnershipsListParams(need: need, ngo: ngo, limit: paging.limit(for: output), after: paging.after),
                caller: .local("cli"))
            defer { paging.footer(page, command: "partnerships list") }
            let list = page.items
            try output.emit(
                PartnershipsListOperation.self, page,
                table: {
                    var table = Table(keys: ["cli.need", "kind.NGO", "ev.status", "col.recorded", "ev.note"])
                    for item in list {
                        table.add([
                            item.need.rawValue, item.ngo.rawValue, item.status.rawValue, item.recordedAt ?? "",
                            item.note ?? "",
                        ])
                    }
                    return table.render()
                },
                csv: {
                    [CSVTable.line(["need", "ngo", "status", "recordedAt", "note"])]
                        + list.map {
                            CSVTable.line([
                                $0.need.rawValue, $0.ngo.rawValue, $0.status.rawValue, $0.recordedAt ?? "",
                                $0.note ?? "",
                            ])
                        }
                })
        }
    }
}
