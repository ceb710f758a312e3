import Foundation
import GRDB
import NGOMatchCore

extension Registry {
    /// Writes a consistent copy of the registry to `path` with SQLite's online
    /// backup: the registry stays in use (a server may keep serving) meanwhile.
    /// - Throws: `RegistryError.conflict` when `path` exists already.
    package func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw RegistryError.conflict(.key("conflict.backupExists", path))
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try database.backup(to: destination)
            try destination.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw RegistryError.database("backup to \(path) failed: \(error.message ?? "\(error)")")
        }
    }

    /// Replaces the registry's whole content with a backup's, after checking that
    /// the backup is an intact registry this version of ngomatch can read.
    /// - Throws: `RegistryError.notARegistry` or `.newerSchema`; then nothing changed.
    package func restore(from path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw RegistryError.notARegistry(path: path, reason: "no such file")
        }
        var configuration = Configuration()
        configuration.readonly = true
        let source: DatabaseQueue
        do {
            source = try DatabaseQueue(path: path, configuration: configuration)
            try source.read { db in
                guard try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok" else {
                    throw RegistryError.notARegistry(path: path, reason: "the file is damaged (integrity check failed)")
                }
                guard try db.tableExists("registry_info"), try db.tableExists("reference_file") else {
                    throw RegistryError.notARegistry(path: path, reason: "it has no ngomatch tables")
                }
                if try Self.migrator.hasBeenSuperseded(db) { throw RegistryError.newerSchema(path: path) }
            }
        } catch let error as RegistryError {
            throw error
        } catch {
            throw RegistryError.notARegistry(path: path, reason: "it is not a SQLite database")
        }
        defer {
            changeLog.forget()
            changesHere.increment()
        }
        let replaced = try revision()
        try source.backup(to: database)
        try source.close()
        // A backup from an older ngomatch is brought up to this schema.
        try Self.migrator.migrate(database)
        // The revision only ever rises, also past a restore: whoever kept answers for a
        // revision must not take the restored file, which may have reached the same number
        // by other writes, for the one they knew.
        try database.write { db in
            let restored = try Self.revision(db)
            try db.execute(
                sql: """
                    INSERT INTO registry_info (key, value) VALUES ('revision', ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, arguments: [String(max(replaced, restored) + 1)])
            // The backup's log is of revisions this file, and its snapshot, may have known otherwise.
            try db.execute(sql: "DELETE FROM change_log")
            _ = try Self.stampRevision(db)
        }
    }
}
