import GRDB

extension Registry {
    /// SQLite's own check of every page and index: "ok", or what is damaged.
    package func integrityCheck() throws -> String {
        try database.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
    }
}
