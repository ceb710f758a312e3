import ArgumentParser
import NGOMatchStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the registry and load the seeds (done by itself on first use).",
        discussion: """
            Examples:
              ngomatch init           # provinces, sectors and the illustrative demo data
              ngomatch init --empty --db new.sqlite   # provinces and sectors only
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Flag(help: "Load provinces and sectors only, without the demo NGOs and needs.")
    var empty = false

    func run() throws {
        let (opened, created) = try Registry.open(at: registry.resolvedPath, seeding: empty ? .referenceOnly : .demo)
        if created {
            try registry.announceCreation(opened, demo: !empty)
        } else {
            let counts = try opened.counts()
            Terminal.note(
                "A registry already exists at \(opened.path) (\(counts.ngos) NGOs, \(counts.needs) needs); nothing changed."
            )
        }
    }
}
