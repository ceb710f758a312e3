import Foundation

/// Encodes `Encodable` values straight into JSON bytes, without the intermediate
/// tree Foundation's `JSONEncoder` builds: the protocol server's replies are
/// mostly encoding. Keys come in the order the type encodes them; slashes are not
/// escaped; non-finite numbers are refused.
package enum StreamingJSONEncoder {
    /// Writes an object member by member: `member("key") { … }` for each, in order.
    package struct ObjectWriter {
        let writer: Writer
        let depth: Int

        package func member(_ key: String, _ value: String) {
            name(key)
            writer.string(value)
        }

        package func member(_ key: String, _ value: Double) {
            name(key)
            // Finite by construction in the types that write themselves.
            try? writer.double(value)
        }

        package func member(_ key: String, _ value: Bool) {
            name(key)
            writer.literal(value ? "true" : "false")
        }

        package func member(_ key: String, _ value: [String]) {
            name(key)
            writer.bytes.append(UInt8(ascii: "["))
            for (index, item) in value.enumerated() {
                if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
                writer.string(item)
            }
            writer.bytes.append(UInt8(ascii: "]"))
        }

        package func member(_ key: String, _ values: [some JSONWritable]) {
            name(key)
            writer.bytes.append(UInt8(ascii: "["))
            for (index, item) in values.enumerated() {
                if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
                item.writeJSON(to: writer)
            }
            writer.bytes.append(UInt8(ascii: "]"))
        }

        package func member(_ key: String, _ value: some JSONWritable) {
            name(key)
            value.writeJSON(to: writer)
        }

        private func name(_ key: String) {
            writer.beginMember(at: depth)
            writer.string(key)
            writer.bytes.append(UInt8(ascii: ":"))
        }
    }

    package struct Unsupported: Error, CustomStringConvertible {
        package let description: String
    }

    package static func encode(_ value: some Encodable) throws -> Data {
        // A JSON value as such, keys sorted: an exported file is the same bytes every time.
        if let json = value as? JSONValue { return Data(bytes(of: json)) }
        let writer = Writer()
        try writer.encodeValue(value)
        writer.closeAll(to: 0)
        return Data(writer.bytes)
    }

    /// A `JSONValue` as JSON bytes, keys sorted so equal values give equal bytes.
    package static func bytes(of value: JSONValue) -> [UInt8] {
        let writer = Writer()
        writer.value(value)
        return writer.bytes
    }

    package final class Writer: Encoder {
        /// Writes one object with `body`; for types that write themselves.
        package func object(_ body: (ObjectWriter) -> Void) {
            let depth = openContainer(isObject: true)
            body(ObjectWriter(writer: self, depth: depth))
            closeAll(to: depth)
        }

        /// The bytes written and the open containers, innermost last (whether each is an object,
        /// and whether it has members yet). Held behind a pointer: as stored properties of a class
        /// every append was checked at run time for overlapping access, which took a third of
        /// the time of encoding a reply. A writer is used by one thread and never re-entered.
        private let state: UnsafeMutablePointer<(bytes: [UInt8], open: [(isObject: Bool, hasMembers: Bool)])>

        var bytes: [UInt8] {
            get { state.pointee.bytes }
            _modify { yield &state.pointee.bytes }
        }

        var open: [(isObject: Bool, hasMembers: Bool)] {
            get { state.pointee.open }
            _modify { yield &state.pointee.open }
        }
        package var codingPath: [any CodingKey] = []
        package var userInfo: [CodingUserInfoKey: Any] = [:]

        static let hexDigits = Array("0123456789abcdef".utf8)

        init() {
            state = .allocate(capacity: 1)
            state.initialize(to: ([], []))
            state.pointee.bytes.reserveCapacity(4096)
        }

        deinit {
            state.deinitialize(count: 1)
            state.deallocate()
        }

        func encodeValue(_ value: some Encodable) throws {
            let depth = open.count
            switch value {
            case let writable as any JSONWritable:
                writable.writeJSON(to: self)
                closeAll(to: depth)
            case let text as String: string(text)
            case let number as Double: try double(number)
            case let number as Int: integer(Int64(number))
            case let flag as Bool: literal(flag ? "true" : "false")
            default:
                try value.encode(to: self)
                closeAll(to: depth)
            }
        }

        /// Closes the containers opened deeper than `depth`.
        func closeAll(to depth: Int) {
            while open.count > depth {
                bytes.append(open.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            }
        }

        /// Prepares to write a member of the container at `depth`: closes deeper ones, adds a comma.
        func beginMember(at depth: Int) {
            closeAll(to: depth + 1)
            if open[depth].hasMembers { bytes.append(UInt8(ascii: ",")) }
            open[depth].hasMembers = true
        }

        func openContainer(isObject: Bool) -> Int {
            bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
            open.append((isObject, false))
            return open.count - 1
        }

        func literal(_ text: String) { bytes.append(contentsOf: text.utf8) }

        /// Writes any JSON value; non-finite numbers, which `JSONValue` should never hold, as null.
        package func value(_ json: JSONValue) {
            switch json {
            case .null: literal("null")
            case .bool(let flag): literal(flag ? "true" : "false")
            case .number(let number):
                if (try? double(number)) == nil { literal("null") }
            case .string(let text): string(text)
            case .array(let items):
                bytes.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    value(item)
                }
                bytes.append(UInt8(ascii: "]"))
            case .object(let fields):
                bytes.append(UInt8(ascii: "{"))
                for (index, key) in fields.keys.sorted().enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    string(key)
                    bytes.append(UInt8(ascii: ":"))
                    value(fields[key]!)
                }
                bytes.append(UInt8(ascii: "}"))
            }
        }

        /// Digits written in place: formatting through `String` was a visible cost in replies.
        func integer(_ number: Int64) {
            if number < 0 { bytes.append(UInt8(ascii: "-")) }
            var magnitude = number.magnitude
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                    count += 1
                } while magnitude > 0
                bytes.append(contentsOf: buffer[(24 - count)...])
            }
        }

        func double(_ number: Double) throws {
            guard number.isFinite else { throw Unsupported(description: "\(number) is not a JSON number") }
            if number.rounded() == number, abs(number) < 1e15 {
                integer(Int64(number))
            } else {
                literal("\(number)")
            }
        }

        @inline(__always)
        private static func needsEscape(_ byte: UInt8) -> Bool {
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
        }

        func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            // Most text needs no escaping: copy it whole, checked on the string's own bytes where it has them.
            let plain =
                text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: Self.needsEscape) }
                ?? !text.utf8.contains(where: Self.needsEscape)
            if plain {
                bytes.append(contentsOf: text.utf8)
                bytes.append(UInt8(ascii: "\""))
                return
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0..<0x20:
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0xF)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }

        package func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(KeyedContainer<Key>(writer: self, depth: openContainer(isObject: true)))
        }

        package func unkeyedContainer() -> any UnkeyedEncodingContainer {
            UnkeyedContainer(writer: self, depth: openContainer(isObject: false))
        }

        package func singleValueContainer() -> any SingleValueEncodingContainer { SingleValue(writer: self) }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: Writer
        let depth: Int
        var codingPath: [any CodingKey] { [] }

        private func key(_ key: Key) {
            writer.beginMember(at: depth)
            writer.string(key.stringValue)
            writer.bytes.append(UInt8(ascii: ":"))
        }

        mutating func encodeNil(forKey key: Key) throws {
            self.key(key)
            writer.literal("null")
        }

        mutating func encode(_ value: some Encodable, forKey key: Key) throws {
            self.key(key)
            try writer.encodeValue(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            self.key(key)
            return KeyedEncodingContainer(
                KeyedContainer<NestedKey>(writer: writer, depth: writer.openContainer(isObject: true)))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            return UnkeyedContainer(writer: writer, depth: writer.openContainer(isObject: false))
        }

        mutating func superEncoder() -> any Encoder { writer }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            self.key(key)
            return writer
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let writer: Writer
        let depth: Int
        var codingPath: [any CodingKey] { [] }
        var count = 0

        mutating func encodeNil() throws {
            writer.beginMember(at: depth)
            writer.literal("null")
            count += 1
        }

        mutating func encode(_ value: some Encodable) throws {
            writer.beginMember(at: depth)
            try writer.encodeValue(value)
            count += 1
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<
            NestedKey
        > {
            writer.beginMember(at: depth)
            count += 1
            return KeyedEncodingContainer(
                KeyedContainer<NestedKey>(writer: writer, depth: writer.openContainer(isObject: true)))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            writer.beginMember(at: depth)
            count += 1
            return UnkeyedContainer(writer: writer, depth: writer.openContainer(isObject: false))
        }

        mutating func superEncoder() -> any Encoder {
            writer.beginMember(at: depth)
            count += 1
            return writer
        }
    }

    struct SingleValue: SingleValueEncodingContainer {
        let writer: Writer
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { writer.literal("null") }
        mutating func encode(_ value: Bool) throws { writer.literal(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { writer.string(value) }
        mutating func encode(_ value: Double) throws { try writer.double(value) }
        mutating func encode(_ value: Float) throws { try writer.double(Double(value)) }
        mutating func encode(_ value: Int) throws { writer.integer(Int64(value)) }
        mutating func encode(_ value: Int8) throws { writer.literal(String(value)) }
        mutating func encode(_ value: Int16) throws { writer.literal(String(value)) }
        mutating func encode(_ value: Int32) throws { writer.literal(String(value)) }
        mutating func encode(_ value: Int64) throws { writer.literal(String(value)) }
        mutating func encode(_ value: UInt) throws { writer.literal(String(value)) }
        mutating func encode(_ value: UInt8) throws { writer.literal(String(value)) }
        mutating func encode(_ value: UInt16) throws { writer.literal(String(value)) }
        mutating func encode(_ value: UInt32) throws { writer.literal(String(value)) }
        mutating func encode(_ value: UInt64) throws { writer.literal(String(value)) }
        mutating func encode(_ value: some Encodable) throws { try writer.encodeValue(value) }
    }
}

/// A type on the protocol's hot path that writes its own JSON, the same JSON its
/// `Encodable` conformance gives, without the generic encoding machinery.
package protocol JSONWritable: Encodable {
    func writeJSON(to writer: StreamingJSONEncoder.Writer)
}
