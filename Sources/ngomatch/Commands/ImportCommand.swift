import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Help.text("help.import"),
        discussion: """
            Every record of every file is checked first; if any is invalid, every problem
            is reported and nothing is written. CSV headers use the export's column names
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
                throw UsageError(.notOneOf(name, ["json", "jsonl", "csv"]))
            }
            return parsed
        }
        var documents: [ImportDocument] = []
        var fileErrors: [Phrase] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                fileErrors.append(.key("usage.cannotRead", file))
                continue
            }
            do {
                documents.append(try ImportDocument(bytes: Array(data), fileName: file, format: forced))
            } catch {
                fileErrors.append(error.phrase)
            }
        }
        guard fileErrors.isEmpty else {
            throw UsageError(.joined(fileErrors + [.key("usage.nothingImported")], separator: "\n"))
        }
        let total = documents.reduce(0) { $0 + $1.count }
        let showProgress = Terminal.stderrIsTerminal && total >= 1000
        do {
            let summary = try service.importDocuments(documents, checkOnly: check, caller: .local("cli")) { done in
                if showProgress, done % 500 == 0 || done == total {
                    Terminal.progress(done, of: total, label: "checking")
                }
            }
            let counts = Phrase.key("importCounts", summary.ngos, summary.needs, summary.partnerships)
            if check {
                Terminal.say("cli.importChecked", total, counts)
            } else {
                Terminal.say("cli.imported", counts)
            }
        } catch let failure as ValidationFailure {
            let language = CommandLanguage.current
            Terminal.error(
                shortened(failure.text(language)) + "\n" + Messages.text("usage.nothingImported", language), language)
            throw ExitCode(ExitStatus.usage)
        }
    }
}
