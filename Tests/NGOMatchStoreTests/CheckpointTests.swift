import Foundation
import GRDB
import NGOMatchCore
import Testing

@testable import NGOMatchStore

@Suite(.timeLimit(.minutes(10)))
struct CheckpointTests {
    /// The registry file itself, read without its WAL, holds the server's writes once a
    /// background checkpoint has run: the WAL is copied back without any write waiting for it.
    @Test func aServersWritesReachTheRegistryFileInTheBackground() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        try registry.checkpointBesideWrites()
        for amount in 1...Checkpointer.interval {
            _ = try registry.updateNeed("cao-bang-1", changes: .object(["fundingGapUSD": .number(Double(amount))]))
        }
        registry.checkpointer.settle()
        let copy = folder.path("file-alone.sqlite")
        try FileManager.default.copyItem(atPath: folder.path("registry.sqlite"), toPath: copy)
        let alone = try Registry.open(at: copy).registry
        #expect(try alone.need("cao-bang-1").fundingGapUSD == Double(Checkpointer.interval))
        try alone.close()
        try registry.close()
        let reopened = try Registry.open(at: folder.path("registry.sqlite")).registry
        #expect(try reopened.need("cao-bang-1").fundingGapUSD == Double(Checkpointer.interval))
    }

    /// Without a server's opt-in, SQLite's own checkpoint stays on: a one-off CLI process may
    /// exit without closing the file, and its WAL must not grow without end.
    @Test func sqlitesOwnCheckpointStaysOnUntilAServerMovesIt() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        func threshold() throws -> Int? {
            try registry.database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") }
        }
        #expect(try threshold() == 1000)
        try registry.checkpointBesideWrites()
        #expect(try threshold() == 0)
    }
}
