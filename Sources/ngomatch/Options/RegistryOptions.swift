import ArgumentParser
import NGOMatchService
import NGOMatchStore

struct RegistryOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "Registry file (default: $NGOMATCH_DB, else ~/.local/share/ngomatch/registry.sqlite).", valueName: "path"))
    var path: String?

    var resolvedPath: String { RegistryLocation.path(explicit: path) }

    /// Opens the registry, creating and seeding it on first use.
    func open() throws -> Registry {
        let (registry, created) = try Registry.open(at: resolvedPath, seeding: .demo)
        if created { try announceCreation(registry, demo: true) }
        return registry
    }

    /// The operations, as the local user: the same ones the protocol calls.
    func service(mail: MailIdentity = .local) throws -> MatchService {
        MatchService(registry: try open(), ruleFiles: .readable, mail: mail)
    }

    func announceCreation(_ registry: Registry, demo: Bool) throws {
        let counts = try registry.counts()
        if demo {
            Terminal.say(
                "cli.createdDemo", registry.path, counts.provinces, counts.sectors, counts.ngos, counts.needs)
        } else {
            Terminal.say("cli.created", registry.path, counts.provinces, counts.sectors)
        }
    }
}
