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
            registry creates it and loads the seeds. Every command speaks --lang vi|en,
            else $NGOMATCH_LANG, else English.

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
            BackupCommand.self, MigrateCommand.self,
            RestoreCommand.self, AuditCommand.self,
            ServeCommand.self, WebCommand.self, MCPCommand.self, TokensCommand.self, PeopleCommand.self,
            OutboxCommand.self, InterestCommand.self, PipelineCommand.self, ReportsCommand.self, IATICommand.self,
            PairCommand.self, GenerateCommand.self, GenerateEventCommand.self, BenchCommand.self,
            BenchPlannerCommand.self, BenchCommunesCommand.self, BenchEventsCommand.self, BenchWritesCommand.self,
            LoadCommand.self,
        ]
    )

    /// Runs the command and exits 0 on success, 2 for usage or validation errors, 1 for anything else.
    static func main() async {
        do {
            var command = try parseAsRoot(
                try CommandLanguage.taken(from: Array(CommandLine.arguments.dropFirst())).rest)
            // Servers stop gracefully on their own; every other command ends at once, its change rolled back.
            if !(command is ServeCommand || command is WebCommand || command is MCPCommand) {
                Interruption.endCleanly(language: CommandLanguage.current)
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
