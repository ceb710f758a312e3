/// Decodes `Decodable` values straight from a `JSONValue`.
///
/// Request parameters arrive already parsed; going back to bytes and through
/// `JSONDecoder` again cost more than the operation for small requests. The
/// errors are the standard `DecodingError`s with their coding paths, so callers
/// can name the field.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw mismatch([String: JSONValue].self, value, codingPath) }
        return KeyedDecodingContainer(Keyed<Key>(fields: fields, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([JSONValue].self, value, codingPath) }
        return Unkeyed(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(value: value, codingPath: codingPath)
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let fields: [String: JSONValue]
        let codingPath: [any CodingKey]

        var allKeys: [Key] { fields.keys.compactMap(Key.init(stringValue:)) }

        func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

        func decodeNil(forKey key: Key) throws -> Bool { try field(key) == .null }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try decodeValue(type, try field(key), codingPath + [key])
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let value = fields[key.stringValue], value != .null else { return nil }
            return try decodeValue(type, value, codingPath + [key])
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try JSONValueDecoder(value: try field(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(value: try field(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { JSONValueDecoder(value: .object(fields), codingPath: codingPath) }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            JSONValueDecoder(value: fields[key.stringValue] ?? .null, codingPath: codingPath + [key])
        }

        private func field(_ key: Key) throws -> JSONValue {
            guard let value = fields[key.stringValue] else {
                throw DecodingError.keyNotFound(
                    key, .init(codingPath: codingPath, debugDescription: "no value for '\(key.stringValue)'"))
            }
            return value
        }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let items: [JSONValue]
        let codingPath: [any CodingKey]
        var currentIndex = 0

        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, items[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let value = try next(type)
            return try decodeValue(type, value, codingPath + [IndexKey(currentIndex - 1)])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            let value = try next([String: JSONValue].self)
            return try JSONValueDecoder(value: value, codingPath: codingPath + [IndexKey(currentIndex - 1)])
                .container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let value = try next([JSONValue].self)
            return try JSONValueDecoder(value: value, codingPath: codingPath + [IndexKey(currentIndex - 1)])
                .unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let value = try next(JSONValue.self)
            return JSONValueDecoder(value: value, codingPath: codingPath + [IndexKey(currentIndex - 1)])
        }

        private mutating func next(_ type: Any.Type) throws -> JSONValue {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(
                    type,
                    .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "the list ends here"))
            }
            currentIndex += 1
            return items[currentIndex - 1]
        }
    }

    struct Single: SingleValueDecodingContainer {
        let value: JSONValue
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { value == .null }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type, value, codingPath) }
    }

    struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }
}

/// One value of `type`: the scalars JSON has are read directly, the rest through their `init(from:)`.
private func decodeValue<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ path: [any CodingKey]) throws -> T {
    if value == .null, !(T.self is any OptionalProtocol.Type), T.self != JSONValue.self {
        throw DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "the value is null"))
    }
    switch type {
    case is JSONValue.Type:
        return value as! T
    case is String.Type:
        guard case .string(let text) = value else { throw mismatch(type, value, path) }
        return text as! T
    case is Bool.Type:
        guard case .bool(let flag) = value else { throw mismatch(type, value, path) }
        return flag as! T
    case is Double.Type:
        guard case .number(let number) = value else { throw mismatch(type, value, path) }
        return number as! T
    case let integerType as any FixedWidthInteger.Type:
        guard case .number(let number) = value else { throw mismatch(type, value, path) }
        guard let whole = integerType.init(exactly: number) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path, debugDescription: "expected a whole number, got \(number)"))
        }
        return whole as! T
    case is Float.Type:
        guard case .number(let number) = value else { throw mismatch(type, value, path) }
        return Float(number) as! T
    default:
        return try T(from: JSONValueDecoder(value: value, codingPath: path))
    }
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
    DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "got \(value.kindName)"))
}

/// Lets the decoder tell an optional type (which may be null) from the rest.
private protocol OptionalProtocol {}
extension Optional: OptionalProtocol {}
