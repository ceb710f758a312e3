import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: Help.text("help.export"),
        discussion: """
            Export, then import into a fresh registry, gives the same registry.

            Examples:
              ngomatch export > registry.jsonl
              ngomatch export --format csv --out registry.csv
              ngomatch init --empty --db copy.sqlite && ngomatch import registry.jsonl \\
                --db copy.sqlite
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, csv
    }

    @OptionGroup var registry: RegistryOptions
    @Option(help: "json, jsonl or csv.") var format: Format = .jsonl
    @Option(help: "Write to this file instead of stdout.") var out: String?

    func run() throws {
        let records = try registry.service().exportRecords(caller: .local("cli"))
        let text = try ExportFormat(rawValue: format.rawValue)!.text(records)
        if let out {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            Terminal.say("cli.wroteRecords", records.count, out)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
