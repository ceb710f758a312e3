import Foundation
import NGOMatchCore
import NGOMatchStore
import Testing

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
