import ArgumentParser
import NGOMatchCore
import NGOMatchStore

struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Tokens for clients of 'serve --auth': create, list, revoke.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a token; it is printed once and only its hash is stored.",
            discussion: """
                Roles: ministry (everything), province:ID (its own province's needs),
                ngo:ID (its own profile). Reads are open to any authenticated client.

                Examples:
                  ngomatch tokens create --role ministry --note "MOFA desk"
                  ngomatch tokens create --role province:cao-bang
                  ngomatch tokens create --role ngo:wwf-vietnam
                """
        )
        @OptionGroup var registry: RegistryOptions
        @Option(help: "ministry, province:ID or ngo:ID.") var role: String
        @Option(help: "Who the token is for.") var note: String?

        func run() throws {
            guard let parsed = Role(role) else {
                throw UsageError("usage.badRole", role)
            }
            let opened = try registry.open()
            var resolved = parsed
            if case .province(let id) = parsed {
                resolved = .province(try opened.reference.provinces.resolve(id.rawValue).province.id)
            }
            if case .ngo(let id) = parsed { resolved = .ngo(try opened.ngo(named: id.rawValue).id) }
            let (token, info) = try opened.createToken(role: resolved, note: note)
            print(token)
            Terminal.say("cli.tokenCreated", info.id, info.role.description)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List tokens (never the tokens themselves).")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let tokens = try registry.open().tokens()
            try output.emit(
                tokens,
                table: {
                    var table = Table(keys: ["cli.id", "col.role", "col.created", "col.revoked", "ev.note"])
                    for token in tokens {
                        table.add([token.id, token.role, token.createdAt, token.revokedAt ?? "", token.note ?? ""])
                    }
                    return table.render()
                })
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Revoke a token by its id.", discussion: "Example:\n  ngomatch tokens revoke AbC123xy")
        @OptionGroup var registry: RegistryOptions
        @Argument(help: "The token's id (from 'tokens list').") var id: String

        func run() throws {
            try registry.open().revokeToken(id: id)
            Terminal.say("cli.tokenRevoked", id)
        }
    }
}
