import Foundation

/// A file to import, split into records, each still raw JSON with where it came from.
///
/// JSON files hold one record, an array of records, or `{"needs": […], "ngos": […]}`;
/// JSON Lines hold one record a line; CSV has a header of field names, dotted
/// for nested fields (`timeframe.start`), lists separated by `;`.
package struct ImportDocument: Sendable {
    package enum Format: String, CaseIterable, Sendable {
        case json
        case jsonl
        case csv

        /// The format a file name suggests; nil when the extension says nothing.
        package init?(fileName: String) {
            switch (fileName as NSString).pathExtension.lowercased() {
            case "json": self = .json
            case "jsonl", "ndjson": self = .jsonl
            case "csv": self = .csv
            default: return nil
            }
        }
    }

    package enum Kind: String, Sendable, CaseIterable {
        case need
        case ngo
        case partnership
    }

    package struct RawRecord: Sendable {
        /// e.g. `needs.csv line 4`
        package let location: Phrase
        package let value: JSONValue

        package init(location: Phrase, value: JSONValue) {
            self.location = location
            self.value = value
        }
    }

    /// A file that could not be split into records at all.
    package struct FileError: Error, Hashable, Sendable, CustomStringConvertible, Readable {
        package let file: String
        package let messages: [Phrase]
        package var description: String { text(.en) }
        package var phrase: Phrase {
            .joined(messages.map { .sequence([.verbatim(file + ": "), $0]) }, separator: "\n")
        }
    }

    /// JSON Lines are parsed a record at a time, when they are imported: the values of a whole
    /// large file (100,000 NGOs) took several times the file's size in memory.
    private enum Content: Sendable {
        case records([RawRecord])
        case lines(JSONLines)
        case rows(CSVRecords)
    }

    private let content: Content

    package init(records: [RawRecord]) { content = .records(records) }

    /// - Throws: `FileError` when the bytes are not UTF-8 or not well-formed in their format. A
    ///   line of JSON Lines that is not JSON is told when its record is read.
    package init(bytes: [UInt8], fileName: String, format: Format? = nil) throws(FileError) {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = bytes[start...]
        do {
            _ = try UTF8Span(validating: body.span)
        } catch {
            throw FileError(file: fileName, messages: [.key("file.notUTF8", error.byteOffsets.lowerBound)])
        }
        // JSON Lines are cut and parsed from the bytes: the file is not copied as text.
        let named = format ?? Format(fileName: fileName)
        if named == .jsonl {
            content = .lines(JSONLines(bytes: bytes, from: start, file: fileName))
            return
        }
        let text = String(decoding: body, as: UTF8.self)
        switch named ?? Self.sniff(text) {
        case .json: content = .records(try Self.parseJSON(text, fileName))
        case .jsonl: content = .lines(JSONLines(bytes: bytes, from: start, file: fileName))
        case .csv: content = .rows(try CSVRecords(text, file: fileName))
        }
    }

    /// How many records the file holds (for JSON Lines, its lines that are not blank).
    package var count: Int {
        switch content {
        case .records(let records): records.count
        case .lines(let lines): lines.count
        case .rows(let rows): rows.count
        }
    }

    /// The record at `index` (of `0..<count`), or why it cannot be read: a line that is not JSON.
    package func record(at index: Int) -> Result<RawRecord, RecordProblems> {
        switch content {
        case .records(let records): .success(records[index])
        case .lines(let lines): lines.record(at: index)
        case .rows(let rows): .success(rows.record(at: index))
        }
    }

    /// Every record, parsed.
    /// - Throws: `FileError` naming every line of JSON Lines that is not JSON.
    package var records: [RawRecord] {
        get throws(FileError) {
            switch content {
            case .records(let records):
                return records
            case .rows(let rows):
                return (0..<rows.count).map(rows.record(at:))
            case .lines(let lines):
                var records: [RawRecord] = []
                var messages: [Phrase] = []
                for index in 0..<lines.count {
                    switch lines.record(at: index) {
                    case .success(let record): records.append(record)
                    case .failure(let unreadable): messages.append(lines.lineProblem(at: index, unreadable))
                    }
                }
                guard messages.isEmpty else { throw FileError(file: lines.file, messages: messages) }
                return records
            }
        }
    }

    /// Whether the record is a need or an NGO: its `type`, else the fields it has.
    package static func kind(of value: JSONValue) -> Kind? {
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
}
