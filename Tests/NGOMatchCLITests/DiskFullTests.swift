import Foundation
import NGOMatchCore
import NGOMatchStore
import Testing

/// A disk that fills up mid-write, made real with a file-size limit on the child
/// process (`ulimit -f`, with SIGXFSZ ignored so that the write fails instead of killing it).
@Suite(.timeLimit(.minutes(10)))
struct DiskFullTests {
    /// Runs `ngomatch arguments…` allowed to grow files to `kilobytes`.
    static func runLimited(_ cli: CLI, kilobytes: Int, _ arguments: [String]) throws -> CLI.Result {
        let quoted = ([CLI.binary.path] + arguments).map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }
        return try cli.run(
            arguments: [], shell: "ulimit -f \(kilobytes); trap '' XFSZ; exec \(quoted.joined(separator: " "))")
    }

    @Test func anImportThatFillsTheDiskSaysSoAndChangesNothing() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let big = cli.folder.appendingPathComponent("big.jsonl").path
        #expect(try cli.run("generate", "--ngos", "2000", "--needs", "500", "--seed", "3", "--out", big).status == 0)
        let before = try cli.run("export", "--format", "jsonl").stdout
        let size = try FileManager.default.attributesOfItem(atPath: cli.database)[.size] as? Int ?? 0
        let result = try Self.runLimited(cli, kilobytes: size / 1024 + 64, ["import", big, "--db", cli.database])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the disk is full or the file may not grow"), "\(result.stderr)")
        #expect(result.stderr.contains("Nothing was changed."))
        let registry = try Registry.open(at: cli.database).registry
        #expect(try registry.integrityCheck() == "ok")
        try registry.close()
        #expect(try cli.run("export", "--format", "jsonl").stdout == before)
        // With room again, the same import goes through.
        #expect(try cli.run("import", big).status == 0)
    }
}
