import Foundation
import NGOMatchCore

/// A whole record read from a JSON file given with `--from`.
enum RecordFile {
    static func read(_ path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("usage.cannotRead", path)
        }
        let records = try ImportDocument(bytes: Array(data), fileName: path, format: .json).records
        guard records.count == 1, let record = records.first else {
            throw UsageError("usage.fromOne", path, records.count)
        }
        return record.value
    }

    /// What an `update` command changes: the fields of `--from FILE`, overridden by the flags given.
    /// - Throws: when there is nothing to change, naming `examples` of flags.
    static func changes(from path: String?, flags: JSONValue, examples: String) throws -> JSONValue {
        let changes = (try path.map(read) ?? .object([:])).merging(flags)
        guard case .object(let set) = changes, !set.isEmpty else {
            throw UsageError("usage.nothingToChange", examples)
        }
        return changes
    }

    /// The object with `fields` set where they have values.
    static func object(_ fields: [String: JSONValue?]) -> JSONValue {
        .object(fields.compactMapValues { $0 })
    }
}

extension Optional where Wrapped == String {
    var json: JSONValue? { map(JSONValue.string) }
}

extension Array where Element == String {
    /// nil for an empty list, so an unset repeatable flag changes nothing.
    var json: JSONValue? { isEmpty ? nil : .array(map(JSONValue.string)) }
}

/// A JSON document read whole (an event file, an earlier plan), with a clear error when it is not JSON.
enum JSONFile {
    static func read(_ path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("usage.cannotRead", path)
        }
        do {
            return try JSONParser.parse([UInt8](data))
        } catch {
            throw UsageError("usage.notJSON", path, "\(error)")
        }
    }
}
