import Foundation
import NGOMatchCore
import NGOMatchStore
import Testing

/// `import` and `restore` leave the compiled index current beside the registry, so that the first
/// command after them starts from it instead of compiling every record (issue 34: 3.4 s, then
/// 0.11 s, on 100,000 NGOs).
@Suite(.timeLimit(.minutes(10)))
struct SnapshotAfterImportTests {
    /// The revision of the snapshot beside the file, and the file's own.
    static func revisions(_ path: String) throws -> (snapshot: Int?, registry: Int) {
        let registry = try Registry.open(at: path, seeding: .referenceOnly).registry
        defer { try? registry.close() }
        return (try registry.snapshotMatchIndex()?.revision, try registry.revision())
    }

    @Test func aLargeImportLeavesACurrentSnapshot() throws {
        let cli = try CLI()
        let big = cli.folder.appendingPathComponent("big.jsonl").path
        #expect(try cli.run("generate", "--ngos", "3000", "--needs", "300", "--seed", "9", "--out", big).status == 0)
        #expect(try cli.run("init", "--empty").status == 0)
        #expect(try Self.revisions(cli.database).snapshot == nil)
        #expect(try cli.run("import", big).status == 0)
        let after = try Self.revisions(cli.database)
        #expect(after.snapshot == after.registry, "snapshot \(String(describing: after.snapshot)) of \(after.registry)")
    }

    @Test func aSmallImportIsLoggedSoAKeptSnapshotFollowsIt() throws {
        let cli = try CLI()
        #expect(try cli.run("suggest", "--need", "cao-bang-1", "--limit", "1").status == 0)
        let before = try Self.revisions(cli.database)
        #expect(before.snapshot == before.registry)
        let line =
            #"{"type":"ngo","id":"small-one","name":"Small One","country":"Norway","registration":{"kind":"representative-office","number":"P-1/BNG","issued":"2025-01-10","expires":"2030-01-09","areas":["Cao Bằng"],"fields":["health"]},"sectors":[{"sector":"health","expertise":4}]}"#
        let file = try cli.file("one.jsonl", line + "\n")
        let imported = try cli.run("import", file)
        #expect(imported.status == 0, "\(imported.stderr)")
        let registry = try Registry.open(at: cli.database, seeding: .referenceOnly).registry
        defer { try? registry.close() }
        let now = try registry.revision()
        #expect(now == before.registry + 1)
        let changes = try #require(registry.changes(after: before.registry, through: now), "the import left a hole")
        #expect(changes.ngos == [NGOID("small-one")])
    }

    @Test func aRestoreLeavesACurrentSnapshot() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        #expect(try cli.run("backup", copy).status == 0)
        try? FileManager.default.removeItem(atPath: cli.database + "-index")
        let restored = try cli.run("restore", copy, "--yes")
        #expect(restored.status == 0, "\(restored.stderr)")
        let after = try Self.revisions(cli.database)
        #expect(after.snapshot == after.registry)
    }
}
