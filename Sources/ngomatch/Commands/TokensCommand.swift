import ArgumentParser
import NGOMatchCore
import NGOMatchService
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
                Roles: ministry (everything), province:UNIT (its own province's needs),
                ngo:NGO (its own profile). Units and NGOs are named as anywhere else:
                former names and names without diacritics too. Reads are open to any
                authenticated client. The audit trail names the token's id, never the token.

                Examples:
                  ngomatch tokens create --role ministry --note "MOFA desk"
                  ngomatch tokens create --role "province:Cao Bang"
                  ngomatch tokens create --role ngo:wwf-vietnam
                """
        )
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "ministry, province:UNIT or ngo:NGO (any of their names).") var role: String
        @Option(help: "Who the token is for.") var note: String?

        func run() throws {
            let created = try TokenCreateOperation.run(
                registry.service(), TokenCreateParams(role: role, note: note), caller: .local("cli"))
            if output.format == .table {
                // The token alone on stdout, for a script to keep; the words on stderr.
                print(created.token)
                Terminal.say("cli.tokenCreated", created.id, created.role)
            } else {
                try output.emit(TokenCreateOperation.self, created, table: { created.token })
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List tokens (never the tokens themselves).")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let tokens = try TokensListOperation.run(registry.service(), NoParams(), caller: .local("cli"))
            try output.emit(
                TokensListOperation.self, tokens,
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
        @OptionGroup var output: OutputOptions
        @Argument(help: "The token's id (from 'tokens list').") var id: String

        func run() throws {
            let revoked = try TokenRevokeOperation.run(
                registry.service(), TokenRevokeParams(id: id), caller: .local("cli"))
            if output.format == .table {
                Terminal.say("cli.tokenRevoked", revoked.id)
            } else {
                try output.emit(TokenRevokeOperation.self, revoked, table: { revoked.id })
            }
        }
    }
}
