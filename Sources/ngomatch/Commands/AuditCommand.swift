import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: Help.text("help.audit"),
        discussion: """
            Every change to the registry, newest first: when (UTC), who (cli, web, a token)
            and which record. A page at a time in a terminal; --all for everything.

            Examples:
              ngomatch audit
              ngomatch audit --what cao-bang-1
              ngomatch audit --actor token: --format csv --all
            """
    )

    @OptionGroup var registry: RegistryOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only lines whose actor contains this text.") var actor: String?
    @Option(help: "Only lines whose operation or record contains this text.") var what: String?
    @OptionGroup var paging: PageOptions

    func run() throws {
        let page = try AuditListOperation.run(
            registry.service(),
            AuditListParams(actor: actor, what: what, limit: paging.limit(for: output), after: paging.after),
            caller: .local("cli"))
        defer { paging.footer(page, command: "audit") }
        let lines = page.items
        try output.emit(
            AuditListOperation.self, page,
            table: {
                var table = Table(keys: ["col.when", "col.who", "col.operation", "col.record"])
                for line in lines {
                    table.add([
                        String(line.at.prefix(19)).replacingOccurrences(of: "T", with: " "), line.actor, line.method,
                        line.record,
                    ])
                }
                return table.render()
            },
            csv: {
                [CSVTable.line(["at", "actor", "method", "record"])]
                    + lines.map { CSVTable.line([$0.at, $0.actor, $0.method, $0.record]) }
            })
    }
}
