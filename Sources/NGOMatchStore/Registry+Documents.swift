import Foundation
import GRDB
import NGOMatchCore

/// Needs and NGOs are stored whole as JSON documents, with the columns that
/// queries and foreign keys need kept beside them.
extension Registry {
    /// Keys in the order the type writes them, the same for equal records: a changed document
    /// is a changed record. Foundation's encoder took a third of an import.
    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try StreamingJSONEncoder.encode(value), as: UTF8.self)
    }

    /// Rebuilding the match index after a write decodes every record: the direct
    /// parser and decoder take a fraction of `JSONDecoder`'s time.
    static func decode<T: Decodable>(_ type: T.Type, _ document: String) throws -> T {
        try JSONParser.parse(document).decode(type)
    }

    static func insert(_ need: Need, document: String? = nil, _ db: Database) throws {
        // Cached statements: an import inserts the same rows tens of thousands of times.
        try db.cachedStatement(
            sql: """
                INSERT INTO need (id, province_id, status, title, document, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                need.id.rawValue, need.province.rawValue, need.status.rawValue, need.title,
                try document ?? encode(need),
                need.createdAt, need.updatedAt,
            ])
        try writeSectors(of: need, db)
    }

    static func insert(_ ngo: NGO, document: String? = nil, _ db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT INTO ngo (id, name, acronym, document, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(
            arguments: [
                ngo.id.rawValue, ngo.name, ngo.acronym, try document ?? encode(ngo), ngo.createdAt, ngo.updatedAt,
            ])
        try writeSectors(of: ngo, db)
    }

    /// The sector rows that let queries and foreign keys see inside the document.
    private static func writeSectors(of need: Need, _ db: Database) throws {
        for entry in need.sectors {
            try db.cachedStatement(sql: "INSERT INTO need_sector (need_id, sector_id, priority) VALUES (?, ?, ?)")
                .execute(
                    arguments: [need.id.rawValue, entry.sector.rawValue, entry.priority])
        }
    }

    private static func writeSectors(of ngo: NGO, _ db: Database) throws {
        for entry in ngo.sectors {
            try db.cachedStatement(sql: "INSERT INTO ngo_sector (ngo_id, sector_id, expertise) VALUES (?, ?, ?)")
                .execute(
                    arguments: [ngo.id.rawValue, entry.sector.rawValue, entry.expertise])
        }
    }

    static func fetchNeeds(_ db: Database, where condition: String = "1", arguments: StatementArguments = []) throws
        -> [Need]
    {
        try String.fetchAll(db, sql: "SELECT document FROM need WHERE \(condition) ORDER BY id", arguments: arguments)
            .map { try decode(Need.self, $0) }
    }

    static func fetchNGOs(_ db: Database, where condition: String = "1", arguments: StatementArguments = []) throws
        -> [NGO]
    {
        try String.fetchAll(db, sql: "SELECT document FROM ngo WHERE \(condition) ORDER BY id", arguments: arguments)
            .map { try decode(NGO.self, $0) }
    }

    /// The NGO `text` names: an exact id is looked up by the primary key, as the directory would
    /// find it first; names and acronyms need the whole directory.
    static func resolveNGO(_ text: String, _ db: Database) throws -> NGOID {
        let exact = try db.cachedStatement(sql: "SELECT id FROM ngo WHERE id = ?")
        if let id = try String.fetchOne(exact, arguments: [text]) { return NGOID(id) }
        return try ngoDirectory(db).resolve(text).id
    }

    static func ngoDirectory(_ db: Database) throws -> NGODirectory {
        NGODirectory(
            try Row.fetchAll(db, sql: "SELECT id, name, acronym FROM ngo ORDER BY id").map {
                NGODirectory.Entry(id: NGOID($0["id"]), name: $0["name"], acronym: $0["acronym"])
            })
    }
}

extension Registry {
    static func update(_ need: Need, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE need SET province_id = ?, status = ?, title = ?, document = ?, updated_at = ? WHERE id = ?",
            arguments: [
                need.province.rawValue, need.status.rawValue, need.title, try encode(need), need.updatedAt,
                need.id.rawValue,
            ])
        try db.execute(sql: "DELETE FROM need_sector WHERE need_id = ?", arguments: [need.id.rawValue])
        try writeSectors(of: need, db)
    }

    static func update(_ ngo: NGO, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE ngo SET name = ?, acronym = ?, document = ?, updated_at = ? WHERE id = ?",
            arguments: [ngo.name, ngo.acronym, try encode(ngo), ngo.updatedAt, ngo.id.rawValue])
        try db.execute(sql: "DELETE FROM ngo_sector WHERE ngo_id = ?", arguments: [ngo.id.rawValue])
        try writeSectors(of: ngo, db)
    }
}

extension Registry {
    /// Every NGO's id, name and acronym, to resolve many names with one read.
    package func ngoDirectory() throws -> NGODirectory {
        try database.read { db in try Self.ngoDirectory(db) }
    }
}

extension Registry {
    /// The needs of these ids that exist, read in chunks a statement can hold.
    package func needs(ids: some Collection<NeedID>) throws -> [Need] {
        try database.read { db in
            try Self.chunked(ids.map(\.rawValue)) { try Self.fetchNeeds(db, where: "id IN (\($0))", arguments: $1) }
        }
    }

    /// The NGOs of these ids that exist.
    package func ngos(ids: some Collection<NGOID>) throws -> [NGO] {
        try database.read { db in
            try Self.chunked(ids.map(\.rawValue)) { try Self.fetchNGOs(db, where: "id IN (\($0))", arguments: $1) }
        }
    }

    private static func chunked<T>(_ keys: [String], _ read: (String, StatementArguments) throws -> [T]) rethrows
        -> [T]
    {
        var found: [T] = []
        for start in stride(from: 0, to: keys.count, by: 500) {
            let chunk = Array(keys[start..<min(start + 500, keys.count)])
            found += try read(chunk.map { _ in "?" }.joined(separator: ","), StatementArguments(chunk))
        }
        return found
    }
}
