import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every NGO and need in the import format.",
        discussion: """
            Export, then import into a fresh registry, gives the same registry.

            Examples:
              ngomatch export > registry.jsonl
              ngomatch export --format csv --out registry.csv
              ngomatch init --empty --db copy.sqlite && ngomatch import registry.jsonl --db copy.sqlite
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, csv
    }

    @OptionGroup var registry: RegistryOptions
    @Option(help: "json, jsonl or csv.") var format: Format = .jsonl
    @Option(help: "Write to this file instead of stdout.") var out: String?

    func run() throws {
        let records = try registry.open().exportRecords()
        let text: String
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            text = String(decoding: try encoder.encode(records), as: UTF8.self) + "\n"
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            text = try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
        case .csv:
            text = RecordViews.csv(records).map { $0 + CSVTable.lineEnd }.joined()
        }
        if let out {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            Terminal.note("Wrote \(records.count) records to \(out).")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
