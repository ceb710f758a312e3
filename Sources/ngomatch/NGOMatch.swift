import ArgumentParser
import Foundation
import NGOMatchCore

/// Every command names itself (`commandName`): a name ArgumentParser makes from the type costs
/// a scan of every protocol conformance in the binary on each start (`CommandNamesTests`).
@main
struct NGOMatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ngomatch",
        abstract: "Links Vietnam's provinces with foreign NGOs: needs, capabilities, and who should meet whom.",
        discussion: """
            The registry lives at --db PATH, else $NGOMATCH_DB, else
            ~/.local/share/ngomatch/registry.sqlite. The first command that finds no
            registry creates it and loads the seeds.

            Examples:
              ngomatch suggest --province "Cao Bằng"
              ngomatch discover --ngo WWF
              ngomatch explain --need cao-bang-1 --ngo MCNV
              ngomatch gaps
              ngomatch provinces show "ha giang"
              ngomatch needs list --province "Cao Bằng"
              ngomatch ngos show WWF
              ngomatch import needs.csv --check
            """,
        subcommands: [
            InitCommand.self, ProvincesCommand.self, SectorsCommand.self, NeedsCommand.self, NGOsCommand.self,
            SuggestCommand.self, DiscoverCommand.self, ExplainCommand.self, PartnershipsCommand.self, GapsCommand.self,
            CommunesCommand.self, EventsCommand.self, RulesCommand.self, ImportCommand.self, ExportCommand.self,
            BackupCommand.self,
            RestoreCommand.self, AuditCommand.self,
            ServeCommand.self, WebCommand.self, MCPCommand.self, TokensCommand.self,
            PairCommand.self, GenerateCommand.self, GenerateEventCommand.self, BenchCommand.self,
            BenchPlannerCommand.self, BenchCommunesCommand.self, BenchEventsCommand.self, BenchWritesCommand.self,
            LoadCommand.self,
        ]
    )

    /// Every command speaks the language `--lang` asks for, also those without output options
    /// (import, backup…): the choice is taken out here and kept in `NGOMATCH_LANG` for the rest.
    static func languageChosen(in arguments: [String]) throws -> [String] {
        var rest: [String] = []
        var position = 0
        while position < arguments.count {
            let argument = arguments[position]
            var value: String?
            if argument == "--lang", position + 1 < arguments.count {
                value = arguments[position + 1]
                position += 1
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
            } else if argument == "--" {
                rest += arguments[position...]
                break
            } else {
                rest.append(argument)
            }
            position += 1
            if let value {
                guard Language(rawValue: value) != nil else {
                    throw UsageError(.notOneOf(value, Language.allCases.map(\.rawValue)))
                }
                setenv("NGOMATCH_LANG", value, 1)
            }
        }
        return rest
    }

    /// Runs the command and exits 0 on success, 2 for usage or validation errors, 1 for anything else.
    static func main() async {
        do {
            var command = try parseAsRoot(try languageChosen(in: Array(CommandLine.arguments.dropFirst())))
            // Servers stop gracefully on their own; every other command ends at once, its change rolled back.
            if !(command is ServeCommand || command is WebCommand || command is MCPCommand) {
                Interruption.endCleanly(language: ExitStatus.language)
            }
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            Foundation.exit(ExitStatus.report(error))
        }
    }
}
