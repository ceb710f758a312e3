import Foundation
import NGOMatchCore
import NGOMatchStore
import Testing

@Suite(.timeLimit(.minutes(10)))
struct BackupTests {
    @Test func aBackupRestoredIntoAFreshRegistryGivesTheSameExport() throws {
        let folder = try TemporaryFolder()
        let original = try Registry.temporary(folder, "original.sqlite")
        _ = try original.updateNeed("cao-bang-1", changes: .object(["fundingGapUSD": .number(777)]))
        _ = try original.recordPartnership(need: "cao-bang-1", ngo: "MCNV", status: .agreed)
        try original.backup(to: folder.path("backup.sqlite"))
        // The original goes on changing; the backup keeps the moment it was taken.
        let expected = try original.exportRecords()
        _ = try original.updateNeed("cao-bang-1", changes: .object(["fundingGapUSD": .number(1)]))

        let fresh = try Registry.temporary(folder, "fresh.sqlite", seeding: .referenceOnly)
        try fresh.restore(from: folder.path("backup.sqlite"))
        #expect(try fresh.exportRecords() == expected)
        #expect(try fresh.need("cao-bang-1").fundingGapUSD == 777)
    }

    /// A registry restored to a backup taken at revision R, after writes that also reached R,
    /// is at a revision none of its readers has seen: kept answers are not taken for its own.
    @Test func aRestoreMovesTheRevisionPastEveryOneSeen() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        try registry.backup(to: folder.path("backup.sqlite"))
        let backedUp = try registry.revision()
        for amount in 1...3 {
            _ = try registry.updateNeed("cao-bang-1", changes: .object(["fundingGapUSD": .number(Double(amount))]))
        }
        let before = try registry.revision()
        try registry.restore(from: folder.path("backup.sqlite"))
        #expect(try registry.revision() == before + 1 && before == backedUp + 3)
        #expect(registry.changes(after: before, through: before + 1) == nil, "a restore is no change to follow")
    }

    @Test func backupRefusesToOverwriteAFile() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        try Data("keep me".utf8).write(to: folder.url.appendingPathComponent("taken.sqlite"))
        #expect(throws: RegistryError.self) { try registry.backup(to: folder.path("taken.sqlite")) }
        #expect(try String(contentsOfFile: folder.path("taken.sqlite"), encoding: .utf8) == "keep me")
    }

    @Test func restoreRefusesWhatIsNotARegistryAndChangesNothing() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        let before = try registry.exportRecords()
        try Data("not a database".utf8).write(to: folder.url.appendingPathComponent("junk.sqlite"))
        #expect(throws: RegistryError.self) { try registry.restore(from: folder.path("junk.sqlite")) }
        #expect(throws: RegistryError.self) { try registry.restore(from: folder.path("missing.sqlite")) }
        #expect(try registry.exportRecords() == before)
    }
}
