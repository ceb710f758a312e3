import Foundation
import GRDB
import NGOMatchCore
import NGOMatchSeeds

/// The registry of provinces, needs and NGOs: one SQLite file in WAL mode.
///
/// It owns the database connection, migrates it on open and offers one method
/// per transaction; every write validates first and writes all or nothing.
package struct Registry: Sendable {
    /// What a new registry is filled with.
    package enum Seeding: Sendable {
        /// Provinces and sectors only.
        case referenceOnly
        /// Provinces, sectors and the illustrative demo NGOs and needs.
        case demo
    }

    package let path: String
    package let reference: ReferenceData
    let database: DatabasePool
    let changesHere = ChangeCounter()
    let changeLog = ChangeLog()
    let decodedNeeds = DecodedDocuments<Need>()
    let decodedNGOs = DecodedDocuments<NGO>()
    let checkpointer: Checkpointer

    /// How many changes were committed through this registry (and its copies) since it was opened:
    /// a reader that saw this number unchanged knows no change of this process came in between.
    package var changesCommittedHere: Int { changesHere.count }

    /// Opens the registry at `path`, creating and seeding it if there is none.
    /// - Returns: the registry, and whether this call created it.
    /// - Throws: `RegistryError` when the file cannot be opened or is from a newer ngomatch.
    package static func open(at path: String, seeding: Seeding = .demo) throws -> (registry: Registry, created: Bool) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw RegistryError.cannotOpen(
                path: path, reason: "cannot create its folder (\(error.localizedDescription))")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        let database: DatabasePool
        do {
            database = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw RegistryError.cannotOpen(path: path, reason: readOnlyReason(error) + ". Nothing was changed")
        } catch {
            throw RegistryError.cannotOpen(path: path, reason: "\(error)")
        }
        do {
            if try database.read({ try migrator.hasBeenSuperseded($0) }) { throw RegistryError.newerSchema(path: path) }
            try migrator.migrate(database)
            let created = try database.write { db in
                guard try String.fetchOne(db, sql: "SELECT value FROM registry_info WHERE key = 'created_at'") == nil
                else { return false }
                try seed(db, with: seeding)
                return true
            }
            let reference = try database.read { db in
                try ReferenceData(
                    provincesJSON: String.fetchOne(
                        db, sql: "SELECT content FROM reference_file WHERE name = ?", arguments: [SeedFile.provinces])
                        ?? "",
                    sectorsJSON: String.fetchOne(
                        db, sql: "SELECT content FROM reference_file WHERE name = ?", arguments: [SeedFile.sectors])
                        ?? "", communes: ReferenceData.embeddedCommunes)
            }
            return (
                Registry(
                    path: path, reference: reference, database: database, checkpointer: Checkpointer(path: path)),
                created
            )
        } catch let error as RegistryError {
            throw error
        } catch let error as ValidationFailure {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw RegistryError.cannotOpen(path: path, reason: readOnlyReason(error) + ". Nothing was changed")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw RegistryError.cannotOpen(
                path: path, reason: "the file is not an ngomatch registry (not a SQLite database)")
        } catch {
            throw RegistryError.database("\(error)")
        }
    }

    /// The number of records of each kind.
    package func counts() throws -> (provinces: Int, sectors: Int, ngos: Int, needs: Int) {
        try database.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM province") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sector") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM ngo") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM need") ?? 0
            )
        }
    }

    static func now() -> String { stamp(Date()) }

    /// A moment as the registry writes it: UTC with milliseconds, so that texts sort as times do.
    package static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// The moment a stamp names, for durations between stamps.
    package static func date(_ stamp: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: stamp)
    }
}

extension Registry {
    /// For a process that keeps the registry open: WAL checkpoints run on a background queue,
    /// not inside the commit that crosses SQLite's threshold (see `Checkpointer`). A short-lived
    /// process keeps SQLite's own, as it may exit without closing the file.
    package func checkpointBesideWrites() throws {
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        checkpointer.start()
    }

    /// Closes the database: checkpoints the WAL so the file stands alone.
    package func close() throws {
        checkpointer.close()
        try database.close()
    }
}
