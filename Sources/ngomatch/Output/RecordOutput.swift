import NGOMatchCore
import NGOMatchService

/// What the `needs` and `ngos` commands share: how a new record is put together from
/// `--from`, the flags and `--id`, and how one record is printed.
enum RecordOutput {
    /// The record `add` registers: the fields of `--from FILE`, overridden by the flags, then `--id`.
    static func newRecord(from path: String?, flags: JSONValue, id: String?) throws -> JSONValue {
        var record = (try path.map(RecordFile.read) ?? .object([:])).merging(flags)
        if let id { record = record.merging(.object(["id": .string(id)])) }
        return record
    }

    /// One record as `show`, `add`, `update` and `close` print it; CSV in the export's columns.
    static func show<Op: ServiceOperation>(
        _ operation: Op.Type, _ record: Op.Result, _ output: OutputOptions, table: () -> String
    ) throws where Op.Result: ExportedRecord {
        try output.emit(
            operation, record, table: table, csv: { ExportRecord.csvLines([record.exported].compactMap { $0 }) })
    }

    /// A page of records as `list` prints it, CSV in the export's columns, and on stderr how
    /// to see the next page.
    static func list<Op: ServiceOperation, Record: ExportedRecord>(
        _ operation: Op.Type, _ page: Page<Record>, _ output: OutputOptions, _ paging: PageOptions, command: String,
        table: () -> String
    ) throws where Op.Result == Page<Record> {
        try output.emit(
            operation, page, table: table, csv: { ExportRecord.csvLines(page.items.compactMap(\.exported)) })
        paging.footer(page, command: command)
    }
}

/// A record `export` writes, and so the CSV columns it fills.
protocol ExportedRecord {
    var exported: JSONValue? { get }
}

extension Need: ExportedRecord {
    var exported: JSONValue? { try? ExportRecord.json(self) }
}

extension NGO: ExportedRecord {
    var exported: JSONValue? { try? ExportRecord.json(self) }
}
