import Foundation
import NGOMatchStore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A registry the user may not write: a clear error, and nothing changed. Tests
/// usually run as root, whom permissions do not stop, so then the command runs as
/// `nobody` (through `setpriv`).
@Suite(.timeLimit(.minutes(10)))
struct ReadOnlyTests {
    static let isRoot = getuid() == 0
    static let canDropPrivileges = FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// Runs `ngomatch arguments…` as a user the registry's permissions apply to.
    static func runUnprivileged(_ cli: CLI, _ arguments: [String]) throws -> CLI.Result {
        guard isRoot else { return try cli.run(arguments: arguments) }
        let quoted = ([CLI.binary.path] + arguments).map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }
        return try cli.run(
            arguments: [],
            shell: "exec /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups \(quoted.joined(separator: " "))")
    }

    static func setPermissions(_ mode: Int, _ path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    @Test(.enabled(if: !isRoot || canDropPrivileges))
    func aReadOnlyFileOrFolderSaysSoAndChangesNothing() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let before = try cli.run("export", "--format", "jsonl").stdout
        let folder = cli.folder.path
        let add = [
            "needs", "add", "--db", cli.database, "--province", "Cao Bằng", "--title", "Clinic", "--sector",
            "health:4", "--funding-gap", "20000", "--start", "2026-09-01", "--end", "2027-08-31",
        ]
        // The folder closed to the user (as root: owned by root, 0755; else 0555), then only the file.
        let cases: [(folder: Int, file: Int)] =
            Self.isRoot ? [(0o755, 0o644), (0o777, 0o644)] : [(0o555, 0o644), (0o755, 0o444)]
        for (folderMode, fileMode) in cases {
            try Self.setPermissions(folderMode, folder)
            try Self.setPermissions(fileMode, cli.database)
            let result = try Self.runUnprivileged(cli, add)
            let list = try Self.runUnprivileged(cli, ["needs", "list", "--db", cli.database])
            try Self.setPermissions(0o755, folder)
            try Self.setPermissions(0o644, cli.database)
            #expect(result.status != 0)
            #expect(result.stderr.contains("read-only for this user"), "\(result.stderr)")
            #expect(result.stderr.contains("Nothing was changed"), "\(result.stderr)")
            #expect(list.stderr.contains("read-only for this user"), "\(list.stderr)")
        }
        let registry = try Registry.open(at: cli.database).registry
        #expect(try registry.integrityCheck() == "ok")
        try registry.close()
        #expect(try cli.run("export", "--format", "jsonl").stdout == before)
    }
}
