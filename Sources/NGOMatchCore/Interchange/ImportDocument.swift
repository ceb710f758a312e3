import Foundation

/// A file to import, split into records, each still raw JSON with where it came from.
///
/// JSON files hold one record, an array of records, or `{"needs": […], "ngos": […]}`;
/// JSON Lines hold one record a line; CSV has a header of field names, dotted
/// for nested fields (`timeframe.start`), lists separated by `;`.
public struct ImportDocument: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case json
        case jsonl
        case csv

        /// The format a file name suggests; nil when the extension says nothing.
        public init?(fileName: String) {
            switch (fileName as NSString).pathExtension.lowercased() {
            case "json": self = .json
            case "jsonl", "ndjson": self = .jsonl
            case "csv": self = .csv
            default: return nil
            }
        }
    }

    public enum Kind: String, Sendable, CaseIterable {
        case need
        case ngo
        case partnership
    }

    public struct RawRecord: Sendable {
        /// e.g. `needs.csv line 4`
        public let location: Phrase
        public let value: JSONValue

        public init(location: Phrase, value: JSONValue) {
            self.location = location
            self.value = value
        }
    }

    /// A file that could not be split into records at all.
    public struct FileError: Error, Hashable, Sendable, CustomStringConvertible, Readable {
        public let file: String
        public let messages: [Phrase]
        public var description: String { text(.en) }
        public var phrase: Phrase {
            .joined(messages.map { .sequence([.verbatim(file + ": "), $0]) }, separator: "\n")
        }
    }

    public let records: [RawRecord]

    public init(records: [RawRecord]) { self.records = records }

    /// - Throws: `FileError` when the bytes are not UTF-8 or not well-formed in their format.
    public init(bytes: [UInt8], fileName: String, format: Format? = nil) throws(FileError) {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8Offset(bytes)
            throw FileError(
                file: fileName,
                messages: [.key("file.notUTF8", offset)])
        }
        let format = format ?? Format(fileName: fileName) ?? Self.sniff(text)
        switch format {
        case .json: records = try Self.parseJSON(text, fileName)
        case .jsonl: records = try Self.parseJSONLines(text, fileName)
        case .csv: records = try Self.parseCSV(text, fileName)
        }
    }

    /// Whether the record is a need or an NGO: its `type`, else the fields it has.
    public static func kind(of value: JSONValue) -> Kind? {
        if case .string(let type)? = value["type"] {
            switch NameKey.fold(type) {
            case "need", "needs": return .need
            case "ngo", "ngos": return .ngo
            case "partnership", "partnerships": return .partnership
            default: return nil
            }
        }
        if value["need"] != nil && value["ngo"] != nil { return .partnership }
        if value["province"] != nil || value["fundingGapUSD"] != nil { return .need }
        if value["country"] != nil || value["name"] != nil { return .ngo }
        return nil
    }

    private static func sniff(_ text: String) -> Format {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("[") { return .json }
        if trimmed.hasPrefix("{") {
            let lines = trimmed.split(separator: "\n").filter { !$0.trimmingWhitespace().isEmpty }
            return lines.count > 1 && lines.allSatisfy({ $0.trimmingWhitespace().hasPrefix("{") }) ? .jsonl : .json
        }
        return .csv
    }

    private static func parseJSON(_ text: String, _ file: String) throws(FileError) -> [RawRecord] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            throw FileError(file: file, messages: [.key("file.notJSON", "\(error)")])
        }
        func numbered(_ items: [JSONValue], _ label: String) -> [RawRecord] {
            items.enumerated().map {
                RawRecord(location: .key(label, file, $0.offset + 1), value: $0.element)
            }
        }
        switch value {
        case .array(let items):
            return numbered(items, "location.record")
        case .object(let fields) where fields["needs"] != nil || fields["ngos"] != nil:
            var records: [RawRecord] = []
            for key in ["ngos", "needs"] {
                guard let list = fields[key] else { continue }
                guard case .array(let items) = list else {
                    throw FileError(file: file, messages: [.key("file.notList", key)])
                }
                let kind = key == "ngos" ? "ngo" : "need"
                records += numbered(items, key == "ngos" ? "location.ngo" : "location.need").map {
                    guard case .object(var object) = $0.value, object["type"] == nil else { return $0 }
                    object["type"] = .string(kind)
                    return RawRecord(location: $0.location, value: .object(object))
                }
            }
            return records
        default:
            return [RawRecord(location: .verbatim(file), value: value)]
        }
    }

    private static func parseJSONLines(_ text: String, _ file: String) throws(FileError) -> [RawRecord] {
        var records: [RawRecord] = []
        var messages: [Phrase] = []
        // Lines are cut on bytes: a newline byte never occurs inside a UTF-8 character, and
        // cutting a large file by Characters cost more than parsing it.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                records.append(
                    RawRecord(
                        location: .key("location.fileLine", file, index + 1),
                        value: try JSONParser.parse(Array(line))))
            } catch {
                messages.append(
                    .sequence([.key("location.line", index + 1), .verbatim(": "), .key("file.lineNotJSON", "\(error)")])
                )
            }
        }
        guard messages.isEmpty else { throw FileError(file: file, messages: messages) }
        return records
    }

    private static func parseCSV(_ text: String, _ file: String) throws(FileError) -> [RawRecord] {
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            throw FileError(file: file, messages: error.errors.map(\.phrase))
        }
        return table.rows.map { row in
            var object: [String: JSONValue] = [:]
            for (column, cell) in zip(table.header, row.fields) where !cell.trimmingWhitespace().isEmpty {
                Self.set(&object, path: column.split(separator: ".").map(String.init), to: .string(cell))
            }
            return RawRecord(location: .key("location.fileLine", file, row.line), value: .object(object))
        }
    }

    private static func set(_ object: inout [String: JSONValue], path: [String], to value: JSONValue) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = value
            return
        }
        var inner: [String: JSONValue] = [:]
        if case .object(let existing)? = object[head] { inner = existing }
        set(&inner, path: Array(path.dropFirst()), to: value)
        object[head] = .object(inner)
    }

    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return offset
            }
        }
    }
}
