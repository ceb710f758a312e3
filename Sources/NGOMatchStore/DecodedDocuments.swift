import GRDB
import NGOMatchCore
import Synchronization

/// Records decoded from their stored documents, kept by id with the document
/// they came from. After a write the match index is rebuilt from every record;
/// only the documents that changed are decoded again.
final class DecodedDocuments<Record: Decodable & Sendable>: Sendable {
    private let entries = Mutex<[String: (document: String, record: Record)]>([:])

    /// Every row of `table` (its `id` and `document`), decoded, in id order, with its document.
    func all(from table: String, _ db: Database) throws -> (records: [Record], documents: [String]) {
        let rows = try Row.fetchAll(db, sql: "SELECT id, document FROM \(table) ORDER BY id").map {
            (id: $0["id"] as String, document: $0["document"] as String)
        }
        let known = entries.withLock { $0 }
        // A new process decodes every document: on every core, as that is most of its start-up.
        let decoded = rows.concurrentMap { row -> Result<Record, any Error> in
            if let entry = known[row.id], entry.document == row.document { return .success(entry.record) }
            return Result { try Registry.decode(Record.self, row.document) }
        }
        var fresh: [String: (document: String, record: Record)] = [:]
        fresh.reserveCapacity(rows.count)
        var records: [Record] = []
        records.reserveCapacity(rows.count)
        for (row, result) in zip(rows, decoded) {
            let record = try result.get()
            fresh[row.id] = (row.document, record)
            records.append(record)
        }
        entries.withLock { $0 = fresh }
        return (records, rows.map(\.document))
    }

    /// Records this process has just written, with the documents it wrote them as: an import
    /// already holds them decoded, and decoding them back took most of the index it then compiles.
    /// A record is only ever taken from here for the very document it came with.
    func remember(_ written: [Written]) {
        entries.withLock { entries in
            for record in written { entries[record.id] = (record.document, record.record) }
        }
    }

    struct Written: Sendable {
        let id: String
        let document: String
        let record: Record
    }
}
