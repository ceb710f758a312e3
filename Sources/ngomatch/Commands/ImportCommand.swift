import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import needs and NGOs from JSON, JSON Lines or CSV files, all or nothing.",
        discussion: """
            Every record of every file is checked first; if any is invalid, every problem is
            reported and nothing is written. CSV headers use the export's column names
            (dotted for nested fields: timeframe.start); lists are separated by ';' and
            sectors are written sector:level ("health.primary-care:5; education:3").

            Examples:
              ngomatch import needs.csv ngos.jsonl
              ngomatch import partners.json --check     # validate only
            """
    )

    @OptionGroup var registry: RegistryOptions
    @Argument(help: "Files to import (.json, .jsonl, .csv).") var files: [String]
    @Flag(help: "Check the files against the registry without writing anything.") var check = false
    @Option(help: "Format when the file name does not tell: json, jsonl or csv.") var format: String?

    func run() throws {
        let service = try registry.service()
        let forced = try format.map { name in
            guard let parsed = ImportDocument.Format(rawValue: name) else {
                throw UsageError("--format must be json, jsonl or csv")
            }
            return parsed
        }
        var documents: [ImportDocument] = []
        var fileErrors: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                fileErrors.append("\(file): cannot read it (no such file, or not readable)")
                continue
            }
            do {
                documents.append(try ImportDocument(bytes: Array(data), fileName: file, format: forced))
            } catch {
                fileErrors.append(error.description)
            }
        }
        guard fileErrors.isEmpty else {
            throw UsageError(fileErrors.joined(separator: "\n") + "\nNothing was imported.")
        }
        let total = documents.reduce(0) { $0 + $1.records.count }
        let showProgress = Terminal.stderrIsTerminal && total >= 1000
        do {
            let summary = try service.importDocuments(documents, checkOnly: check, caller: .local("cli")) { done in
                if showProgress, done % 500 == 0 || done == total {
                    Terminal.progress(done, of: total, label: "checking")
                }
            }
            let counts =
                "\(summary.ngos) NGO\(summary.ngos == 1 ? "" : "s"), \(summary.needs) need\(summary.needs == 1 ? "" : "s")"
                + " and \(summary.partnerships) partnership\(summary.partnerships == 1 ? "" : "s")"
            Terminal.note(
                check
                    ? "All \(total) records are valid: \(counts) would be imported (nothing written)."
                    : "Imported \(counts).")
        } catch let failure as ValidationFailure {
            Terminal.error(shortened(failure.description) + "\nNothing was imported.")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
