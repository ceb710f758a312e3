import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService

struct IATICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iati",
        abstract: "NGOs' track records from the IATI activity files they publish.",
        discussion: """
            An activity in Viet Nam published by an NGO counts for the registry NGO whose
            IATI organisation identifier publishes or implements it (set it with
            ngomatch ngos update ID --iati-organisation GB-COH-1762840). A name alone is
            only suggested, never matched.

            Examples:
              ngomatch iati import oxfam-novib.xml --check
              ngomatch iati import downloads/iati/
              ngomatch iati export --ngo MCNV --out mcnv-iati.xml
            """,
        subcommands: [Import.self, Export.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Read IATI activity files (1.0x–2.03), all or nothing.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "IATI activity files, or folders of them (their .xml files).") var files: [String]
        @Flag(help: "Say what importing would do, and write nothing.") var check = false

        func run() throws {
            let service = try registry.service()
            var sources: [IATISource] = []
            for path in files {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                    throw UsageError(.key("usage.cannotRead", path))
                }
                // Reports and messages name a file as the folder lists it: the same name the
                // web and the protocol give an uploaded one.
                guard isFolder.boolValue else {
                    sources.append(IATISource(name: URL(fileURLWithPath: path).lastPathComponent, content: .path(path)))
                    continue
                }
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter {
                    $0.lowercased().hasSuffix(".xml")
                }.sorted()
                for name in names {
                    let file = URL(fileURLWithPath: path).appendingPathComponent(name).path
                    sources.append(IATISource(name: name, content: .path(file)))
                }
            }
            let report = try service.importIATI(
                sources, checkOnly: check, caller: .local("cli"), language: CommandLanguage.current)
            try output.emit(IATIImportOperation.self, report, table: { IATIView.report(report) })
        }
    }
}

extension IATICommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write the partnerships as an IATI 2.03 activity file.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this NGO's partnerships, reported by it (it needs its IATI identifier).") var ngo: String?
        @Option(help: "For the whole registry: the reporting organisation's IATI identifier.") var reporter: String?
        @Option(help: "The reporting organisation's name.") var reporterName: String?
        @Option(help: "Write the file here instead of to standard output.") var out: String?

        func run() throws {
            let export = try IATIExportOperation.run(
                try registry.service(), IATIExportParams(ngo: ngo, reporter: reporter, reporterName: reporterName),
                caller: .local("cli"))
            if output.format == .json {
                try output.emit(IATIExportOperation.self, export, table: { export.xml })
            } else if let out {
                try Data(export.xml.utf8).write(to: URL(fileURLWithPath: out))
            } else {
                print(export.xml, terminator: "")
            }
        }
    }
}

/// An IATI import's report as a terminal table, and its counts.
enum IATIView {
    static func report(_ report: IATIImportReport) -> String {
        let language = CommandLanguage.current
        var table = Table(keys: ["iati.col.activity", "iati.col.outcome", "kind.NGO", "iati.col.detail"])
        for activity in report.activities {
            let detail =
                activity.reason ?? (activity.sectors + activity.provinces).joined(separator: ", ")
            table.add([
                activity.identifier, Messages.text("iati.outcome.\(activity.outcome)", language), activity.ngo ?? "",
                detail,
            ])
        }
        let counts = Messages.text(
            report.checkOnly ? "iati.summary.check" : "iati.summary", language, "\(report.activities.count)",
            "\(report.count("added"))", "\(report.count("updated"))", "\(report.count("unchanged"))",
            "\(report.count("skipped") + report.count("replaced"))")
        return table.render() + "\n\n" + counts
    }
}
