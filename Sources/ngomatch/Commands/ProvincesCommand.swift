import ArgumentParser
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct ProvincesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provinces",
        abstract: Help.text("help.provinces"),
        subcommands: [List.self, Show.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List provinces with the former provinces merged into each.",
            discussion:
                "Examples:\n  ngomatch provinces list\n  ngomatch provinces list --region mekong-delta --lang vi"
        )

        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this region (id, e.g. mekong-delta).") var region: String?

        func run() throws {
            let service = try registry.service()
            let directory = service.reference.provinces
            let provinces = try ProvincesListOperation.run(
                service, ProvincesListParams(region: region), caller: .local("cli"))
            let language = output.language
            try output.emit(
                ProvincesListOperation.self, provinces,
                table: {
                    var table = Table(keys: [
                        "col.code", "cli.id", "cli.name", "ev.kind", "col.region", "col.mergedFrom",
                    ])
                    for province in provinces {
                        table.add([
                            province.code, province.id.rawValue, province.name.vi, province.kindName.in(language),
                            directory.region(province.region)?.name.in(language) ?? province.region.rawValue,
                            province.mergedFrom.joined(separator: ", "),
                        ])
                    }
                    return table.render()
                },
                csv: {
                    [
                        CSVTable.line([
                            "id", "code", "nameVi", "nameEn", "kind", "region", "latitude", "longitude", "mergedFrom",
                        ])
                    ]
                        + provinces.map {
                            CSVTable.line([
                                $0.id.rawValue, $0.code, $0.name.vi, $0.name.en, $0.kind.rawValue, $0.region.rawValue,
                                String($0.latitude), String($0.longitude), ListCell.join($0.mergedFrom),
                            ])
                        }
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one province, found by any of its names or a former province's name.",
            discussion: """
                Examples:
                  ngomatch provinces show "Cao Bằng"
                  ngomatch provinces show "cao bang"
                  ngomatch provinces show "ha giang"   # → Tuyên Quang, which Hà Giang joined
                """
        )

        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Province id or name, with or without diacritics.") var name: String

        func run() throws {
            let service = try registry.service()
            let found = try ProvinceGetOperation.run(service, ProvinceGetParams(name: name), caller: .local("cli"))
            let province = found.province
            if let former = found.mergedFrom {
                Terminal.say("cli.merged", former, province.name.vi)
            }
            let language = output.language
            try output.emit(
                ProvinceGetOperation.self, found,
                table: {
                    func say(_ key: String, _ values: String...) -> String { Messages.text(key, language, values) }
                    var details = Details()
                    details.add(say("cli.id"), province.id.rawValue)
                    details.add(say("cli.name"), "\(province.name.vi) (\(province.name.en))")
                    details.add(say("ev.kind"), province.kindName.in(language))
                    details.add(say("col.gsoCode"), province.code)
                    details.add(
                        say("col.region"), service.reference.provinces.region(province.region)?.name.in(language))
                    details.add(
                        "merged from",
                        province.mergedFrom.isEmpty
                            ? "(unchanged in 2025)" : province.mergedFrom.joined(separator: ", "))
                    details.add(say("col.alsoKnownAs"), province.otherNames.joined(separator: ", "))
                    details.add(
                        say("col.centre"),
                        say(
                            "col.latLon", LocalFormat.decimal(province.latitude, digits: 2, language),
                            LocalFormat.decimal(province.longitude, digits: 2, language)))
                    details.add(say("cli.openNeeds"), "\(found.openNeeds)")
                    details.add(say("col.ngosHere"), "\(found.ngosWorkingThere)")
                    return details.render()
                })
        }
    }
}
