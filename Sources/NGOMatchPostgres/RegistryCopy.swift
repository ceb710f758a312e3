import NGOMatchStore
import PostgresNIO

/// A registry moved whole between its SQLite file and a PostgreSQL database: every table, every
/// row, checked by count and checksum on the far side before the copy counts. A target that
/// holds records is refused, and a copy that fails leaves the target as it was.
package enum RegistryCopy {
    /// What was copied, table by table, as read back from the target.
    package struct Report: Sendable {
        package let source: String
        package let target: String
        package let tables: [(name: String, checksum: TableChecksum)]

        package var rows: Int { tables.reduce(0) { $0 + $1.checksum.rows } }
    }

    private static let pageSize = 2_000

    package static func toPostgres(_ registry: Registry, _ location: PostgresLocation) async throws -> Report {
        let snapshot = try registry.tableSnapshot()
        let source = registry.path
        let tables = try await PostgresConnector.withConnection(location) { connection in
            try await PostgresConnector.inTransaction(connection) {
                try await PostgresTables.migrate(connection)
                let shapes = try await PostgresTables.shapes(connection)
                try compare(snapshot.shapes, shapes)
                for shape in shapes {
                    let rows = try await PostgresTables.count(shape, connection)
                    if rows > 0 {
                        throw RegistryCopyError.targetNotEmpty(
                            target: location.description, table: shape.name, rows: rows)
                    }
                }
                try await connection.query("SET CONSTRAINTS ALL DEFERRED", logger: PostgresTables.logger)
                var copied: [(name: String, checksum: TableChecksum)] = []
                for shape in snapshot.shapes {
                    var sent = TableChecksum.Builder()
                    var after: Int64 = 0
                    while true {
                        let page = try snapshot.rows(of: shape, after: after, limit: pageSize)
                        guard let last = page.last else { break }
                        for row in page.rows { sent.add(row) }
                        try await PostgresTables.insert(page.rows, into: shape, connection)
                        after = last
                    }
                    try await PostgresTables.advanceIdentity(shape, connection)
                    var received = TableChecksum.Builder()
                    try await PostgresTables.forEachRow(of: shape, connection) { received.add($0) }
                    let (expected, found) = (sent.finish(), received.finish())
                    guard expected == found else {
                        throw RegistryCopyError.checksumMismatch(
                            table: shape.name, source: expected.description, target: found.description)
                    }
                    copied.append((shape.name, found))
                }
                // The deferred foreign keys are checked now: a row that names nothing fails the copy.
                try await connection.query("SET CONSTRAINTS ALL IMMEDIATE", logger: PostgresTables.logger)
                return copied
            }
        }
        return Report(source: source, target: location.description, tables: tables)
    }

    package static func fromPostgres(_ location: PostgresLocation, to path: String) async throws -> Report {
        let filler = try Registry.emptyForCopy(at: path)
        do {
            let tables = try await PostgresConnector.withConnection(location) { connection in
                guard try await PostgresTables.hasSchema(connection) else {
                    throw RegistryCopyError.noRegistry(source: location.description)
                }
                // One moment of the database, however long the copy takes.
                return try await PostgresConnector.inTransaction(
                    connection, "START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"
                ) {
                    let shapes = try await PostgresTables.shapes(connection)
                    try compare(filler.shapes, shapes)
                    var copied: [(name: String, checksum: TableChecksum)] = []
                    for shape in shapes {
                        var sent = TableChecksum.Builder()
                        var page: [[CellValue]] = []
                        try await PostgresTables.forEachRow(of: shape, connection) { row in
                            sent.add(row)
                            page.append(row)
                            if page.count == pageSize {
                                try filler.insert(page, into: shape)
                                page.removeAll(keepingCapacity: true)
                            }
                        }
                        try filler.insert(page, into: shape)
                        let (expected, found) = (sent.finish(), try filler.checksum(of: shape))
                        guard expected == found else {
                            throw RegistryCopyError.checksumMismatch(
                                table: shape.name, source: expected.description, target: found.description)
                        }
                        copied.append((shape.name, found))
                    }
                    return copied
                }
            }
            try filler.finish()
            return Report(source: location.description, target: path, tables: tables)
        } catch {
            filler.abandon()
            throw error
        }
    }

    /// The two stores must hold the same tables with the same columns, in the same order.
    static func compare(_ sqlite: [TableShape], _ postgres: [TableShape]) throws {
        let there = Dictionary(postgres.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for shape in sqlite {
            guard let other = there[shape.name] else {
                throw RegistryCopyError.shapesDiffer(table: shape.name, detail: "PostgreSQL has no such table")
            }
            guard other == shape else {
                let columns = { (s: TableShape) in
                    s.columns.map { "\($0.name) \($0.kind.rawValue)\($0.nullable ? "" : " not null")" }
                        .joined(separator: ", ")
                }
                throw RegistryCopyError.shapesDiffer(
                    table: shape.name, detail: "SQLite has (\(columns(shape))), PostgreSQL (\(columns(other)))")
            }
        }
        if let extra = postgres.first(where: { table in !sqlite.contains { $0.name == table.name } }) {
            throw RegistryCopyError.shapesDiffer(table: extra.name, detail: "SQLite has no such table")
        }
    }
}
