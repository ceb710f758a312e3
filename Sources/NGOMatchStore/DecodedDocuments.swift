import GRDB
import NGOMatchCore
import Synchronization

/// Records decoded from their stored documents, kept by id with the document
/// they came from. After a write the match index is rebuilt from every record;
/// only the documents that changed are decoded again.
final class DecodedDocuments<Record: Decodable & Sendable>: Sendable {
    private let entries = Mutex<[String: (document: String, record: Record)]>([:])

    /// Every row of `table` (its `id` and `document`), decoded, in id order.
    func all(from table: String, _ db: Database) throws -> [Record] {
        let rows = try Row.fetchAll(db, sql: "SELECT id, document FROM \(table) ORDER BY id")
        let known = entries.withLock { $0 }
        var fresh: [String: (document: String, record: Record)] = [:]
        fresh.reserveCapacity(rows.count)
        let records = try rows.map { row -> Record in
            let id: String = row["id"]
            let document: String = row["document"]
            if let entry = known[id], entry.document == document {
                fresh[id] = entry
                return entry.record
            }
            let record = try Registry.decode(Record.self, document)
            fresh[id] = (document, record)
            return record
        }
        entries.withLock { $0 = fresh }
        return records
    }
}
