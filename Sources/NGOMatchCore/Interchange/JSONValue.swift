import Foundation

/// Any JSON value, kept as read so records can be checked field by field with
/// errors that name the field, rather than failing on the first mismatch.
package enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// A short name of the value's kind, for "expected …, got …" messages.
    package var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// What kind of value this is, in the reader's language ("a number", "text"…).
    package var kindPhrase: Phrase {
        switch self {
        case .null: .key("json.null")
        case .bool: .key("json.bool")
        case .number: .key("json.number")
        case .string: .key("json.string")
        case .array: .key("json.array")
        case .object: .key("json.object")
        }
    }

    /// Encodes any `Encodable` value through JSON.
    package init(encoding value: some Encodable) throws {
        self = try JSONParser.parse([UInt8](StreamingJSONEncoder.encode(value)))
    }

    /// Decodes a value of `type` from this JSON.
    package func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: JSONValueDecoder(value: self, codingPath: []))
    }

    /// A copy with `overlay`'s fields set on this object, recursively for nested objects.
    package func merging(_ overlay: JSONValue) -> JSONValue {
        guard case .object(var base) = self, case .object(let changes) = overlay else { return overlay }
        for (key, value) in changes {
            if case .object = value, let existing = base[key] {
                base[key] = existing.merging(value)
            } else {
                base[key] = value
            }
        }
        return .object(base)
    }
}

extension JSONValue: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Objects and strings first: they are most of any document, and every failed try costs an error.
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else {
            self = .array(try container.decode([JSONValue].self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
