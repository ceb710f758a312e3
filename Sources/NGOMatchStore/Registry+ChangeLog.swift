import GRDB
import NGOMatchCore

/// The change log kept in the file, beside the one in memory: a process that did not make the
/// writes (the CLI, while a server runs; a new process starting from a snapshot) follows them.
extension Registry {
    /// How many revisions the file keeps: further back, an index is compiled afresh anyway.
    static let loggedRevisions = 10_000

    private struct LoggedChanges: Codable {
        var needs: [String]
        var ngos: [String]
        var partnerships: [[String]]
        var ruleSets: Bool
    }

    /// Gives the revision just reached a token of its own, and returns it.
    static func stampRevision(_ db: Database) throws -> String {
        let token = String(UInt64.random(in: .min ... .max), radix: 16)
        try db.cachedStatement(
            sql: """
                INSERT INTO registry_info (key, value) VALUES ('revision_token', ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """
        ).execute(arguments: [token])
        return token
    }

    /// The token of `revision`: the current one's, or one kept in the log; nil when not known.
    static func token(of revision: Int, _ db: Database) throws -> String? {
        if revision == (try Self.revision(db)) {
            return try String.fetchOne(db, sql: "SELECT value FROM registry_info WHERE key = 'revision_token'") ?? ""
        }
        return try String.fetchOne(db, sql: "SELECT token FROM change_log WHERE revision = ?", arguments: [revision])
    }

    static func log(_ changes: RecordChanges?, at revision: Int, token: String, _ db: Database) throws {
        // A change that cannot say what it touched (an import) is logged without its changes:
        // a hole to whoever would follow it, as in memory, but its token is known.
        let logged = changes.map { changes in
            LoggedChanges(
                needs: changes.needs.map(\.rawValue).sorted(), ngos: changes.ngos.map(\.rawValue).sorted(),
                partnerships: changes.partnerships.sorted { $0.lexicographicallyPrecedes($1) },
                ruleSets: changes.ruleSets)
        }
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO change_log (revision, changes, token) VALUES (?, ?, ?)"
        ).execute(arguments: [revision, try logged.map(encode), token])
        try db.cachedStatement(sql: "DELETE FROM change_log WHERE revision <= ?")
            .execute(arguments: [revision - loggedRevisions])
    }

    /// Every change after `start` up to `end`, or nil when a revision between is not logged.
    static func loggedChanges(after start: Int, through end: Int, _ db: Database) throws -> RecordChanges? {
        guard start < end else { return start == end ? RecordChanges() : nil }
        guard end - start <= loggedRevisions else { return nil }
        let documents = try String?.fetchAll(
            db, sql: "SELECT changes FROM change_log WHERE revision > ? AND revision <= ?", arguments: [start, end])
        guard documents.count == end - start else { return nil }
        var all = RecordChanges()
        for document in documents {
            guard let document else { return nil }
            let logged = try decode(LoggedChanges.self, document)
            all.needs.formUnion(logged.needs.map { NeedID($0) })
            all.ngos.formUnion(logged.ngos.map { NGOID($0) })
            all.partnerships.formUnion(logged.partnerships)
            all.ruleSets = all.ruleSets || logged.ruleSets
        }
        return all
    }
}
