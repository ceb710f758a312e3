import Foundation
import NGOMatchService
import Testing

/// Every operation has two doors: a CLI command and a protocol method.
@Suite(.timeLimit(.minutes(10)))
struct TwoDoorsTests {
    /// Commands that act on the local machine rather than the registry's records, and why.
    static let localOnly: [String: String] = [
        "init": "creates the registry file itself",
        "import": "reads files on the user's disk (a client sends records with needs.register / ngos.register)",
        "export": "writes files on the user's disk (a client reads with needs.list / ngos.list)",
        "serve": "is the server",
        "mcp": "is the MCP server",
        "web": "is the web app",
        "backup": "writes a file on the server's disk; an administrator's act",
        "restore": "replaces the registry file itself; an administrator's act",
        "migrate": "copies the registry whole between stores; an administrator's act at the machine",
        "tokens create": "issuing credentials is the administrator's act at the machine",
        "tokens list": "administration at the machine",
        "tokens revoke": "administration at the machine",
        "rules check": "checks a rule file on the local disk",
        "generate": "a tool for benchmarks and tests",
        "bench": "a tool for benchmarks",
        "generate-event": "a tool for benchmarks and tests (writes an event file a client can send to pairing.plan)",
        "bench-planner": "a tool for benchmarks",
        "bench-communes": "a tool for benchmarks",
        "bench-events": "a tool for benchmarks",
        "bench-writes": "a tool for benchmarks (writes to a copy of a registry)",
        "load": "a load generator for a running server",
        "outbox send":
            "delivers mail as a server's sender does; a client's writes are delivered by the server it calls",
    ]

    /// The CLI's leaf commands, read from its own --help.
    func leafCommands(_ cli: CLI, _ path: [String] = []) throws -> [String] {
        let help = try cli.run(path + ["--help"]).stdout
        guard path.count < 3, let section = help.range(of: "SUBCOMMANDS:\n") else {
            return [path.joined(separator: " ")]
        }
        // The section lists "  name   summary" lines and ends at the first blank line.
        let lines = help[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
        let names = lines.compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "),
                let name = line.split(separator: " ").first, name.allSatisfy({ $0.isLowercase || $0 == "-" })
            else { return nil }
            return String(name)
        }
        return try names.flatMap { try leafCommands(cli, path + [$0]) }
    }

    @Test func everyCLIOperationHasItsMethodAndEveryMethodItsCommand() throws {
        let cli = try CLI()
        let leaves = try leafCommands(cli)
        #expect(leaves.count > 20)
        let commands = Set(OperationTable.all.flatMap { [$0.command] + $0.otherCommands })
        for leaf in leaves where Self.localOnly[leaf] == nil {
            #expect(commands.contains(leaf), "the CLI command '\(leaf)' has no protocol method")
        }
        for method in OperationTable.all where !method.command.isEmpty {
            // `suggest --compare-rules`: a command with an option of its own.
            for named in [method.command] + method.otherCommands {
                let command = named.components(separatedBy: " --")[0]
                #expect(leaves.contains(command), "the method \(method.name) names a missing command '\(named)'")
            }
        }
    }
}

extension CLI {
    func run(_ arguments: [String]) throws -> Result {
        try run(arguments: arguments)
    }
}
