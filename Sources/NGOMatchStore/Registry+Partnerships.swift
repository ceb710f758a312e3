import GRDB
import NGOMatchCore

extension Registry {
    /// Records the current step between a need and an NGO; a pair has one status at a time.
    /// - Throws: `RegistryError.notFound` or `LookupError` for an unknown need or NGO.
    package func recordPartnership(
        need: String, ngo: String, status: Partnership.Status, note: String? = nil, door: String = "cli",
        audit: AuditEntry? = nil
    ) throws -> Partnership {
        try change(audit: audit) { db in
            let needID = try Self.need(need, db).id
            let ngoID = try Self.resolveNGO(ngo, db)
            let stamp = Self.now()
            let partnership = Partnership(need: needID, ngo: ngoID, status: status, note: note, recordedAt: stamp)
            try Self.upsert(partnership, db)
            // The record is where the pair stands: its pipeline stage follows.
            let stage = try Self.checklist(db).stage(for: status)
            if try Self.stage(need: needID, ngo: ngoID, db) != stage {
                try Self.setStage(
                    need: needID, ngo: ngoID,
                    PipelineMove(
                        stage: stage, at: stamp, by: audit?.actor ?? "ngomatch", door: door,
                        note: note ?? "recorded as \(status.rawValue)"), db)
            }
            return partnership
        }
    }

    /// Partnerships, optionally of one need or one NGO (by id, name or acronym).
    package func partnerships(need: String? = nil, ngo: String? = nil) throws -> [Partnership] {
        try database.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let need {
                conditions.append("need_id = ?")
                arguments.append(try Self.need(need, db).id.rawValue)
            }
            if let ngo {
                conditions.append("ngo_id = ?")
                arguments.append(try Self.resolveNGO(ngo, db).rawValue)
            }
            return try Self.fetchPartnerships(
                db, where: conditions.isEmpty ? "1" : conditions.joined(separator: " AND "),
                arguments: StatementArguments(arguments))
        }
    }

    /// A pair has one status at a time: a new record replaces the old.
    static func upsert(_ partnership: Partnership, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO partnership (need_id, ngo_id, status, note, recorded_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (need_id, ngo_id) DO UPDATE SET status = excluded.status, note = excluded.note,
                  recorded_at = excluded.recorded_at
                """,
            arguments: [
                partnership.need.rawValue, partnership.ngo.rawValue, partnership.status.rawValue, partnership.note,
                partnership.recordedAt,
            ])
    }

    static func fetchPartnerships(_ db: Database, where condition: String = "1", arguments: StatementArguments = [])
        throws -> [Partnership]
    {
        try Row.fetchAll(
            db, sql: "SELECT * FROM partnership WHERE \(condition) ORDER BY need_id, ngo_id", arguments: arguments
        ).map { row in
            Partnership(
                need: NeedID(row["need_id"]), ngo: NGOID(row["ngo_id"]),
                status: Partnership.Status(rawValue: row["status"]) ?? .proposed, note: row["note"],
                recordedAt: row["recorded_at"])
        }
    }

    /// Everything the scoring engine needs, read in one consistent snapshot, and the revision it
    /// was read at; a snapshot of the compiled index is written beside the file for the next process.
    package func revisedMatchIndex() throws -> (index: MatchIndex, revision: Int) {
        let (needs, ngos, partnerships, published, revision, lineage, token) = try database.read { db in
            let revision = try Self.revision(db)
            return (
                try decodedNeeds.all(from: "need", db), try decodedNGOs.all(from: "ngo", db),
                try Self.fetchPartnerships(db), try Self.publishedActivities(db), revision, try Self.lineage(db),
                try Self.token(of: revision, db)
            )
        }
        let index = compiled(
            needs: needs, ngos: ngos, partnerships: partnerships, published: published, revision: revision,
            lineage: lineage, token: token)
        return (index, revision)
    }

    /// The index of these records (in id order, each with the document it is stored as), its
    /// snapshot written beside the file for the next process.
    func compiled(
        needs: (records: [Need], documents: [String]), ngos: (records: [NGO], documents: [String]),
        partnerships: [Partnership], published: [PublishedActivity], revision: Int, lineage: String?,
        token: String?
    ) -> MatchIndex {
        let index = MatchIndex(
            reference: reference, needs: needs.records, ngos: ngos.records, partnerships: partnerships,
            published: published)
        if let lineage, let token {
            let header = MatchIndex.SnapshotHeader(revision: revision, lineage: lineage, token: token)
            writeSnapshot { sink in
                index.snapshot(header, needDocuments: needs.documents, ngoDocuments: ngos.documents, into: sink)
            }
        }
        return index
    }
}
