import Foundation
import GRDB

extension Registry {
    /// Every table that holds the registry, with its columns as SQLite declares them; the
    /// migrations' own bookkeeping is left out, since each store keeps its own.
    package func tableShapes() throws -> [TableShape] { try database.read { try Self.tableShapes($0) } }

    static func tableShapes(_ db: Database) throws -> [TableShape] {
        let tables = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations' ORDER BY name
                """)
        return try tables.map { table in
            let name: String = table["name"]
            let sql: String = table["sql"]
            var identity: String?
            let columns = try Row.fetchAll(
                db, sql: #"SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid"#,
                arguments: [name]
            ).map { column -> TableShape.Column in
                let columnName: String = column["name"]
                let declared: String = column["type"]
                let isKey = (column["pk"] as Int) > 0
                if isKey, declared.uppercased() == "INTEGER", sql.uppercased().contains("AUTOINCREMENT") {
                    identity = columnName
                }
                guard let kind = kind(declared) else {
                    throw RegistryCopyError.shapesDiffer(
                        table: name, detail: "column \(columnName) is declared \(declared), which no copy carries")
                }
                return TableShape.Column(
                    name: columnName, kind: kind, nullable: (column["notnull"] as Int) == 0 && !isKey)
            }
            return TableShape(name: name, columns: columns, identity: identity)
        }
    }

    private static func kind(_ declared: String) -> TableShape.Column.Kind? {
        switch declared.uppercased() {
        case "TEXT": .text
        case "INTEGER": .integer
        case "DOUBLE", "REAL": .real
        case "BOOLEAN": .boolean
        case "BLOB": .blob
        default: nil
        }
    }

    /// The registry as one moment, however many reads a copy takes.
    package func tableSnapshot() throws -> TableSnapshot {
        TableSnapshot(snapshot: try database.makeSnapshot(), shapes: try tableShapes())
    }

    /// A new registry file holding the schema and nothing else, for a copy to fill. The copy
    /// writes to a file beside `path` and renames it only when every table has checked out,
    /// so that a copy that fails leaves nothing behind.
    package static func emptyForCopy(at path: String) throws -> TableFiller {
        if FileManager.default.fileExists(atPath: path) {
            let existing = try open(at: path, seeding: .referenceOnly).registry
            let counts = try existing.database.read { db in
                try tableShapes(db).map {
                    ($0.name, try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\($0.name)\"") ?? 0)
                }
            }
            try existing.close()
            // An ngomatch registry file that was just made holds reference data and no more.
            if let (table, rows) = counts.first(where: {
                !["province", "sector", "reference_file", "registry_info"].contains($0.0) && $0.1 > 0
            }) {
                throw RegistryCopyError.targetNotEmpty(target: path, table: table, rows: rows)
            }
        }
        let partial = path + ".partial"
        for leftover in [partial, partial + "-wal", partial + "-shm"] {
            try? FileManager.default.removeItem(atPath: leftover)
        }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: partial, configuration: configuration)
        try migrator.migrate(queue)
        try queue.write { db in
            // Migrations may leave rows of their own (reference files they revise): the copy brings its own.
            for shape in try tableShapes(db) { try db.execute(sql: "DELETE FROM \"\(shape.name)\"") }
            try db.execute(sql: "DELETE FROM sqlite_sequence")
        }
        return TableFiller(queue: queue, partial: partial, path: path, shapes: try queue.read { try tableShapes($0) })
    }
}

/// Reads a registry's tables at one moment, a page at a time, in rowid order.
package struct TableSnapshot: Sendable {
    let snapshot: DatabaseSnapshot
    package let shapes: [TableShape]

    /// Up to `limit` rows after `rowid`, and the last rowid read (nil when none were left).
    package func rows(of shape: TableShape, after rowid: Int64, limit: Int) throws -> (
        rows: [[CellValue]], last: Int64?
    ) {
        try snapshot.read { db in
            let rows = try Row.fetchAll(
                db, sql: shape.selectWithRowID + " WHERE rowid > ? ORDER BY rowid LIMIT ?", arguments: [rowid, limit])
            return (try rows.map(shape.cells), rows.last.map { $0[0] as Int64 })
        }
    }
}

/// Fills a new registry file from another store's rows, and puts it in place once checked.
package struct TableFiller: Sendable {
    let queue: DatabaseQueue
    let partial: String
    package let path: String
    package let shapes: [TableShape]

    package func insert(_ rows: [[CellValue]], into shape: TableShape) throws {
        let columns = shape.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: shape.columns.count).joined(separator: ", ")
        try queue.write { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO \"\(shape.name)\" (\(columns)) VALUES (\(marks))")
            for row in rows {
                try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
            }
        }
    }

    /// What the new file holds, read back from it.
    package func checksum(of shape: TableShape) throws -> TableChecksum {
        return try queue.read { db in
            var builder = TableChecksum.Builder()
            let cursor = try Row.fetchCursor(db, sql: shape.selectWithRowID)
            while let row = try cursor.next() { builder.add(try shape.cells(row)) }
            return builder.finish()
        }
    }

    /// Checks the foreign keys the copy could not check row by row, then moves the file in place.
    package func finish() throws {
        let broken = try queue.read { db in try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") }
        if let broken {
            throw RegistryCopyError.shapesDiffer(
                table: broken[0] as String,
                detail: "row \(broken[1] as Int64? ?? 0) names a \(broken[2] as String) that is not there")
        }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        // The file it replaces held reference data only, and its log must not outlive it: SQLite
        // would replay an old -wal onto the new file.
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.removeItem(atPath: file)
        }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
    }

    /// Leaves nothing of a copy that failed.
    package func abandon() {
        try? queue.close()
        for file in [partial, partial + "-wal", partial + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
    }
}

extension TableShape {
    /// `rowid` first, then every column in order.
    fileprivate var selectWithRowID: String {
        "SELECT rowid, " + columns.map { "\"\($0.name)\"" }.joined(separator: ", ") + " FROM \"\(name)\""
    }

    /// A row read with `selectWithRowID`, each cell checked against its column.
    fileprivate func cells(_ row: Row) throws -> [CellValue] {
        let id: Int64 = row[0]
        return try columns.enumerated().map { index, column in
            try CellValue(row[index + 1] as DatabaseValue, column, table: name, rowid: id)
        }
    }
}

extension CellValue {
    init(_ value: DatabaseValue, _ column: TableShape.Column, table: String, rowid: Int64) throws {
        let found: String
        switch (value.storage, column.kind) {
        case (.null, _) where column.nullable:
            self = .null
            return
        case (.string(let text), .text):
            self = .text(text)
            return
        case (.int64(let number), .integer), (.int64(let number), .boolean):
            self = .integer(number)
            return
        case (.double(let number), .real):
            self = .real(number)
            return
        case (.int64(let number), .real):
            self = .real(Double(number))
            return
        case (.blob(let data), .blob):
            self = .blob(Array(data))
            return
        case (.null, _): found = "nothing"
        case (.string, _): found = "text"
        case (.int64, _): found = "a whole number"
        case (.double, _): found = "a real number"
        case (.blob, _): found = "bytes"
        }
        throw RegistryCopyError.unexpectedValue(
            table: table, column: column.name, rowid: rowid, expected: column.kind.rawValue, found: found)
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .blob(let value): Data(value).databaseValue
        }
    }
}
