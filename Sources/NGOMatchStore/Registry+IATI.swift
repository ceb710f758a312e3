import GRDB
import NGOMatchCore
import NGOMatchIATI

/// What storing an activity did to the registry.
package enum IATIStoreOutcome: String, Hashable, Sendable, Codable {
    case added
    case updated
    case unchanged
}

/// Activities published in IATI, kept as the track records they add to registry NGOs.
extension Registry {
    /// Stores the records in one transaction, each replacing the record of the same identifier;
    /// with `checkOnly`, says what storing them would do and writes nothing.
    /// - Returns: each identifier's outcome.
    package func storeIATIRecords(
        _ records: [(record: IATITrackRecord, source: String)], checkOnly: Bool, audit: AuditEntry
    ) throws -> [String: IATIStoreOutcome] {
        let store = { (db: Database, writes: Bool) throws -> [String: IATIStoreOutcome] in
            var outcomes: [String: IATIStoreOutcome] = [:]
            let stamp = Self.now()
            for (record, source) in records {
                let document = try Self.encode(record)
                let existing = try String.fetchOne(
                    db, sql: "SELECT document FROM iati_activity WHERE identifier = ?", arguments: [record.identifier])
                let outcome: IATIStoreOutcome = existing == nil ? .added : existing == document ? .unchanged : .updated
                outcomes[record.identifier] = outcome
                guard writes, outcome != .unchanged else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO iati_activity (identifier, ngo_id, document, source, imported_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (identifier) DO UPDATE SET ngo_id = excluded.ngo_id,
                          document = excluded.document, source = excluded.source, imported_at = excluded.imported_at
                        """,
                    arguments: [record.identifier, record.ngo.rawValue, document, source, stamp])
            }
            return outcomes
        }
        if checkOnly { return try database.read { try store($0, false) } }
        // A change revises: the activities count in track records, so every kept index and answer
        // is stale. A file imported again unchanged costs no one a new index.
        return try change(audit: audit) { db in
            let outcomes = try store(db, true)
            return Audited(
                value: outcomes, auditName: "\(records.count) IATI activities",
                changedRankings: outcomes.values.contains { $0 != .unchanged })
        }.value
    }

    /// The IATI activities counted for an NGO (all NGOs' with nil), by identifier.
    package func iatiRecords(of ngo: NGOID? = nil) throws -> [IATITrackRecord] {
        try database.read { db in
            let documents =
                if let ngo {
                    try String.fetchAll(
                        db, sql: "SELECT document FROM iati_activity WHERE ngo_id = ? ORDER BY identifier",
                        arguments: [ngo.rawValue])
                } else {
                    try String.fetchAll(db, sql: "SELECT document FROM iati_activity ORDER BY identifier")
                }
            return try documents.map { try Self.decode(IATITrackRecord.self, $0) }
        }
    }

    /// The activities that count in NGOs' track records, for the index.
    static func publishedActivities(_ db: Database) throws -> [PublishedActivity] {
        try String.fetchAll(db, sql: "SELECT document FROM iati_activity ORDER BY identifier").compactMap {
            try decode(IATITrackRecord.self, $0).published
        }
    }
}
