import ArgumentParser
import Foundation

@main
struct NGOMatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ngomatch",
        abstract: "Links Vietnam's provinces with foreign NGOs: needs, capabilities, and who should meet whom.",
        discussion: """
            The registry lives at --db PATH, else $NGOMATCH_DB, else ~/.local/share/ngomatch/registry.sqlite.
            The first command that finds no registry creates it and loads the seeds.

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
            RestoreCommand.self,
            ServeCommand.self, WebCommand.self, MCPCommand.self, TokensCommand.self,
            PairCommand.self, GenerateCommand.self, GenerateEventCommand.self, BenchCommand.self,
            BenchPlannerCommand.self, BenchCommunesCommand.self, BenchEventsCommand.self, LoadCommand.self,
        ]
    )

    /// Runs the command and exits 0 on success, 2 for usage or validation errors, 1 for anything else.
    static func main() async {
        do {
            var command = try parseAsRoot()
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
