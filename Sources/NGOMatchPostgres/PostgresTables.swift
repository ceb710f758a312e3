import Foundation
import Logging
import NGOMatchStore
import PostgresNIO

/// The registry's tables on one PostgreSQL connection, cell by cell: the schema, what the
/// tables hold, and rows in and out. Meaning lives in the registry's code, not here.
enum PostgresTables {
    static var logger: Logger { PostgresConnector.logger }

    /// Brings the schema up to date; two servers starting at once take turns.
    static func migrate(_ connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(4242)", logger: logger)
        try await connection.query(
            "CREATE TABLE IF NOT EXISTS schema_migration (identifier TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
            logger: logger)
        var applied: Set<String> = []
        for try await identifier in try await connection.query(
            "SELECT identifier FROM schema_migration", logger: logger
        ).decode(String.self) {
            applied.insert(identifier)
        }
        for migration in PostgresSchema.migrations where !applied.contains(migration.identifier) {
            // One statement at a time: the extended protocol takes no more.
            for statement in migration.sql.split(separator: ";")
            where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                try await connection.query(PostgresQuery(unsafeSQL: String(statement)), logger: logger)
            }
            let identifier = migration.identifier
            try await connection.query(
                "INSERT INTO schema_migration (identifier, applied_at) VALUES (\(identifier), now()::text)",
                logger: logger)
        }
    }

    /// Whether the database holds an ngomatch schema at all.
    static func hasSchema(_ connection: PostgresConnection) async throws -> Bool {
        let rows = try await connection.query(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migration'",
            logger: logger)
        for try await count in rows.decode(Int64.self) { return count > 0 }
        return false
    }

    static func shapes(_ connection: PostgresConnection) async throws -> [TableShape] {
        let rows = try await connection.query(
            """
            SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_nullable::text, c.is_identity::text
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                AND c.table_name <> 'schema_migration'
            ORDER BY c.table_name COLLATE "C", c.ordinal_position
            """, logger: logger)
        var tables: [(name: String, columns: [TableShape.Column], identity: String?)] = []
        for try await (table, column, type, nullable, identity) in rows.decode(
            (String, String, String, String, String).self)
        {
            if tables.last?.name != table { tables.append((table, [], nil)) }
            let kind: TableShape.Column.Kind
            switch type {
            case "text": kind = .text
            case "bigint": kind = .integer
            case "double precision": kind = .real
            case "boolean": kind = .boolean
            case "bytea": kind = .blob
            default:
                throw RegistryCopyError.shapesDiffer(
                    table: table, detail: "column \(column) is of type \(type), which no copy carries")
            }
            tables[tables.count - 1].columns.append(.init(name: column, kind: kind, nullable: nullable == "YES"))
            if identity == "YES" { tables[tables.count - 1].identity = column }
        }
        return tables.map { TableShape(name: $0.name, columns: $0.columns, identity: $0.identity) }
    }

    static func count(_ shape: TableShape, _ connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(quoted(shape.name))"), logger: logger)
        for try await count in rows.decode(Int64.self) { return Int(count) }
        return 0
    }

    /// Rows in as few statements as the protocol's 65,535 parameters allow.
    static func insert(_ rows: [[CellValue]], into shape: TableShape, _ connection: PostgresConnection) async throws {
        let perStatement = max(1, min(1_000, 60_000 / max(1, shape.columns.count)))
        let columns = shape.columns.map { quoted($0.name) }.joined(separator: ", ")
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(rows.count, start + perStatement)]
            var binds = PostgresBindings(capacity: batch.count * shape.columns.count)
            var tuples: [String] = []
            tuples.reserveCapacity(batch.count)
            var number = 0
            for row in batch {
                var marks: [String] = []
                for (cell, column) in zip(row, shape.columns) {
                    number += 1
                    marks.append("$\(number)")
                    bind(cell, column, &binds)
                }
                tuples.append("(" + marks.joined(separator: ", ") + ")")
            }
            let sql = "INSERT INTO \(quoted(shape.name)) (\(columns)) VALUES " + tuples.joined(separator: ", ")
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            start += perStatement
        }
    }

    private static func bind(_ cell: CellValue, _ column: TableShape.Column, _ binds: inout PostgresBindings) {
        switch (cell, column.kind) {
        case (.null, _): binds.appendNull()
        case (.integer(let value), .boolean): binds.append(value != 0)
        case (.integer(let value), _): binds.append(value)
        case (.real(let value), _): binds.append(value)
        case (.text(let value), _): binds.append(value)
        case (.blob(let value), _): binds.append(ByteBuffer(bytes: value))
        }
    }

    /// Every row of `shape`, streamed as the server sends them.
    static func forEachRow(
        of shape: TableShape, _ connection: PostgresConnection, _ body: ([CellValue]) async throws -> Void
    ) async throws {
        let columns = shape.columns.map { quoted($0.name) }.joined(separator: ", ")
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT \(columns) FROM \(quoted(shape.name))"), logger: logger)
        for try await row in rows {
            let cells = row.makeRandomAccess()
            var values: [CellValue] = []
            values.reserveCapacity(shape.columns.count)
            for (index, column) in shape.columns.enumerated() {
                let cell = cells[index]
                switch column.kind {
                case .text: values.append(try cell.decode(String?.self).map(CellValue.text) ?? .null)
                case .integer: values.append(try cell.decode(Int64?.self).map(CellValue.integer) ?? .null)
                case .real: values.append(try cell.decode(Double?.self).map(CellValue.real) ?? .null)
                case .boolean:
                    values.append(try cell.decode(Bool?.self).map { CellValue.integer($0 ? 1 : 0) } ?? .null)
                case .blob:
                    values.append(
                        try cell.decode(ByteBuffer?.self).map { CellValue.blob(Array($0.readableBytesView)) } ?? .null)
                }
            }
            try await body(values)
        }
    }

    /// After rows came with their own ids, the next id is past them.
    static func advanceIdentity(_ shape: TableShape, _ connection: PostgresConnection) async throws {
        guard let identity = shape.identity else { return }
        let table = quoted(shape.name)
        let column = quoted(identity)
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(table)', '\(identity)'),
                        COALESCE((SELECT max(\(column)) FROM \(table)), 0) + 1, false)
                    """), logger: logger)
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
