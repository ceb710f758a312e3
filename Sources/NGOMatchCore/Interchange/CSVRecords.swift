/// A CSV file's rows, each made a record only when it is read: an import reads them a slice at a
/// time on every core, and a whole file of records at once took several times its size.
struct CSVRecords: Sendable {
    let file: String
    /// Each column's field path: `timeframe.start` is `["timeframe", "start"]`.
    private let paths: [[String]]
    private let rows: [CSVTable.Row]

    init(_ text: String, file: String) throws(ImportDocument.FileError) {
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            throw ImportDocument.FileError(file: file, messages: error.errors.map(\.phrase))
        }
        self.file = file
        paths = table.header.map { $0.split(separator: ".").map(String.init) }
        rows = table.rows
    }

    var count: Int { rows.count }

    /// The row as a record in the import format; an empty cell is a field left out.
    func record(at index: Int) -> ImportDocument.RawRecord {
        let row = rows[index]
        var object: [String: JSONValue] = [:]
        for (path, cell) in zip(paths, row.fields) where !cell.trimmingWhitespace().isEmpty {
            Self.set(&object, path: path[...], to: .string(cell))
        }
        return ImportDocument.RawRecord(location: .key("location.fileLine", file, row.line), value: .object(object))
    }

    private static func set(_ object: inout [String: JSONValue], path: ArraySlice<String>, to value: JSONValue) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = value
            return
        }
        var inner: [String: JSONValue] = [:]
        if case .object(let existing)? = object[head] { inner = existing }
        set(&inner, path: path.dropFirst(), to: value)
        object[head] = .object(inner)
    }
}
