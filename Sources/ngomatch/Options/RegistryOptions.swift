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
    func service() throws -> Service { Service(registry: try open(), ruleFiles: .readable) }

    func announceCreation(_ registry: Registry, demo: Bool) throws {
        let counts = try registry.counts()
        var message =
            "Created a new registry at \(registry.path) with \(counts.provinces) provinces and \(counts.sectors) sectors and subsectors"
        if demo { message += ", and \(counts.ngos) NGOs and \(counts.needs) needs of illustrative demo data" }
        Terminal.note(message + ".")
    }
}
