import Foundation
import GRDB
import NGOMatchCore

/// One stored row of a pair's approval dossier.
package struct DossierRow: Hashable, Sendable, Codable {
    package let item: String
    package let doneAt: String?
    package let doneBy: String?
    package let fileName: String?
    package let contentType: String?
    package let size: Int?
}

/// The approval dossier of each pair: items marked done, documents kept in the registry.
extension Registry {
    package func dossierRows(need: NeedID, ngo: NGOID) throws -> [DossierRow] {
        try database.read { db in try Self.dossierRows(need: need, ngo: ngo, db) }
    }

    static func dossierRows(need: NeedID, ngo: NGOID, _ db: Database) throws -> [DossierRow] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT item, done_at, done_by, file_name, content_type, size FROM dossier
                WHERE need_id = ? AND ngo_id = ? ORDER BY item
                """, arguments: [need.rawValue, ngo.rawValue]
        ).map {
            DossierRow(
                item: $0["item"], doneAt: $0["done_at"], doneBy: $0["done_by"], fileName: $0["file_name"],
                contentType: $0["content_type"], size: $0["size"])
        }
    }

    /// Marks an item done (with its document, when one is uploaded) or not done.
    package func markDossierItem(
        need: NeedID, ngo: NGOID, item: String, done: Bool, document: UploadedDocument?, by: String,
        now: Date = Date(), audit: AuditEntry
    ) throws -> DossierRow {
        try change(audit: audit, revises: false) { db in
            guard try Self.stage(need: need, ngo: ngo, db) != nil else {
                throw RegistryError.conflict(.key("dossier.noPair", need.rawValue, ngo.rawValue))
            }
            let stamp = Self.stamp(now)
            if let document {
                try db.execute(
                    sql: """
                        INSERT INTO dossier (need_id, ngo_id, item, done_at, done_by, file_name, content_type, size,
                            content)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (need_id, ngo_id, item) DO UPDATE SET done_at = excluded.done_at,
                          done_by = excluded.done_by, file_name = excluded.file_name,
                          content_type = excluded.content_type, size = excluded.size, content = excluded.content
                        """,
                    arguments: [
                        need.rawValue, ngo.rawValue, item, stamp, by, document.fileName, document.contentType,
                        document.bytes.count, Data(document.bytes),
                    ])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO dossier (need_id, ngo_id, item, done_at, done_by) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (need_id, ngo_id, item) DO UPDATE SET done_at = excluded.done_at,
                          done_by = excluded.done_by
                        """,
                    arguments: [need.rawValue, ngo.rawValue, item, done ? stamp : nil, done ? by : nil])
            }
            let row = try Self.dossierRows(need: need, ngo: ngo, db).first { $0.item == item }!
            return Audited(value: row, auditName: "dossier \(need) \(ngo): \(item)")
        }.value
    }

    /// An uploaded document, for download.
    package func dossierDocument(need: NeedID, ngo: NGOID, item: String) throws -> (
        fileName: String, contentType: String, bytes: Data
    )? {
        try database.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT file_name, content_type, content FROM dossier
                        WHERE need_id = ? AND ngo_id = ? AND item = ? AND content IS NOT NULL
                        """, arguments: [need.rawValue, ngo.rawValue, item])
            else { return nil }
            return (row["file_name"], row["content_type"], row["content"])
        }
    }
}
