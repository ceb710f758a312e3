import ArgumentParser
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct SectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sectors",
        abstract: Help.text("help.sectors"),
        subcommands: [List.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List sectors and subsectors.",
            discussion: "Examples:\n  ngomatch sectors list --tree\n  ngomatch sectors list --lang vi --format csv"
        )

        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: "Show the hierarchy, subsectors indented under their sector.") var tree = false

        func run() throws {
            let service = try registry.service()
            let taxonomy = service.reference.taxonomy
            let sectors = SectorsListOperation.run(service, NoParams(), caller: .local("cli"))
            let language = output.language
            try output.emit(
                SectorsListOperation.self, sectors,
                table: {
                    if tree {
                        return taxonomy.topLevel.map { top in
                            let children = taxonomy.children(of: top.id)
                            let lines = children.enumerated().map { index, child in
                                let branch = index == children.count - 1 ? "└─" : "├─"
                                return
                                    "  \(branch) \(child.name.in(language)) [\(child.id)] DAC \(child.dacCodes.joined(separator: ", "))"
                            }
                            return (["\(top.name.in(language)) [\(top.id)]"] + lines).joined(separator: "\n")
                        }.joined(separator: "\n")
                    }
                    var table = Table(keys: ["cli.id", "cli.name", "col.dacCodes"])
                    for sector in taxonomy.sectors {
                        table.add([
                            sector.id.rawValue, sector.name.in(language), sector.dacCodes.joined(separator: ", "),
                        ])
                    }
                    return table.render()
                },
                csv: {
                    [CSVTable.line(["id", "parent", "nameVi", "nameEn", "dacCodes", "policyMarkers"])]
                        + taxonomy.sectors.map {
                            CSVTable.line([
                                $0.id.rawValue, $0.parent?.rawValue ?? "", $0.name.vi, $0.name.en,
                                ListCell.join($0.dacCodes), ListCell.join($0.policyMarkers),
                            ])
                        }
                })
        }
    }
}
