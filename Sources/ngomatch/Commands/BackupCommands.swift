import ArgumentParser
import NGOMatchService
import NGOMatchStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the registry to a file, even while a server uses it.",
        discussion: "Example:\n  ngomatch backup registry-2026-11-22.sqlite"
    )

    @OptionGroup var registry: RegistryOptions
    @Argument(help: "The backup file to write (must not exist).") var file: String

    func run() throws {
        let opened = try registry.open()
        try opened.backup(to: file)
        let counts = try opened.counts()
        Terminal.say("cli.backedUp", counts.ngos, counts.needs, file)
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the registry's whole content with a backup's (stop any server first).",
        discussion: """
            The backup is checked first (an intact ngomatch registry this version can
            read); if it is not, nothing changes.

            Example:
              ngomatch restore registry-2026-11-22.sqlite --yes
            """
    )

    @OptionGroup var registry: RegistryOptions
    @Argument(help: "The backup file to restore from.") var file: String
    @Flag(help: "Confirm that the registry's current content is to be replaced.") var yes = false

    func run() throws {
        guard yes else {
            throw UsageError("usage.restoreConfirm", registry.resolvedPath)
        }
        let opened = try registry.open()
        try opened.restore(from: file)
        // Compiled now, its snapshot written, so that the next command starts from it.
        _ = try? MatchService(registry: opened).index()
        let counts = try opened.counts()
        Terminal.say("cli.restored", file, counts.ngos, counts.needs)
    }
}
