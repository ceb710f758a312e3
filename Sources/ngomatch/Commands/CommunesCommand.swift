import ArgumentParser
import NGOMatchCore
import NGOMatchService

struct CommunesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communes",
        abstract: Help.text("help.communes"),
        subcommands: [List.self, Show.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a province's communes, wards and special zones.",
            discussion:
                "Examples:\n  ngomatch communes list --province \"Cao Bằng\"\n  ngomatch communes list --province \"ha giang\" --format csv"
        )
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Province or city, any name.") var province: String
        @Option(help: "commune, ward or \"special administrative region\".") var kind: String?

        func run() throws {
            let service = try registry.service()
            let communes = try CommunesListOperation.run(
                service, CommunesListParams(province: province, kind: kind), caller: .local("cli"))
            let language = output.language
            try output.emit(
                CommunesListOperation.self, communes,
                table: {
                    var table = Table(keys: ["col.code", "cli.name", "ev.kind"])
                    for commune in communes {
                        table.add([
                            commune.code, language == .vi ? commune.name : "\(commune.name) (\(commune.nameEn))",
                            commune.kind.name.in(language),
                        ])
                    }
                    return table.render()
                },
                csv: {
                    [CSVTable.line(["code", "name", "nameEn", "kind", "province"])]
                        + communes.map {
                            CSVTable.line([$0.code, $0.name, $0.nameEn, $0.kind.rawValue, $0.province.rawValue])
                        }
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Find a commune by any name, now or before the 2025 merger.",
            discussion: """
                Former communes are found with their former district and province, in any
                order, with or without diacritics or the words xã, phường, huyện, tỉnh. A name
                used in several places gives the choices.

                Examples:
                  ngomatch communes show "xã Trường Hà, huyện Hà Quảng, tỉnh Cao Bằng"
                  ngomatch communes show "truong ha, ha quang"
                  ngomatch communes show "Tân Lập" --province "Phú Thọ"
                """)
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The name, with the former district and province after commas if you know them.") var name:
            String
        @Option(help: "Look only in this province.") var province: String?

        func run() throws {
            let service = try registry.service()
            let found = try CommuneGetOperation.run(
                service, CommuneGetParams(name: name, province: province), caller: .local("cli"))
            for note in found.notes { Terminal.note(note) }
            let language = output.language
            try output.emit(
                CommuneGetOperation.self, found,
                table: {
                    var details = Details()
                    details.add(Messages.text("col.code", language), found.commune.code)
                    details.add(Messages.text("cli.name", language), "\(found.commune.name) (\(found.commune.nameEn))")
                    details.add(Messages.text("ev.kind", language), found.commune.kind.name.in(language))
                    details.add(Messages.text("cli.province", language), found.provinceName)
                    details.add(
                        "formed from",
                        found.formerCommunes.map { "\($0.name) (\($0.district), \($0.province))" }.joined(
                            separator: "; "))
                    return details.render()
                })
        }
    }
}
