/// A strict JSON reader (RFC 8259) from bytes straight to `JSONValue`.
///
/// Foundation's `JSONDecoder` builds its own tree and then decodes `JSONValue`
/// through the `Decodable` machinery; on the protocol's hot path and for
/// multi-megabyte event files that was most of the time. This reader does one
/// pass, validates UTF-8 as it goes, refuses what JSON refuses (NaN, `1e999`,
/// lone surrogates, raw control characters in strings, trailing text) and stops
/// at a nesting limit instead of running out of stack.
package struct JSONParser {
    /// Why a document is not JSON, with where: offset, line and column (1-based).
    package struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        package let reason: String
        package let offset: Int
        package let line: Int
        package let column: Int

        package var description: String { "\(reason) at line \(line), column \(column)" }
    }

    package static let defaultMaximumDepth = 512

    /// Parses one whole document.
    package static func parse(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(Failure) -> JSONValue {
        try parse(bytes[...], maximumDepth: maximumDepth)
    }

    /// Parses one whole document, a part of a larger buffer (a line of a JSON Lines file), in place.
    package static func parse(_ bytes: ArraySlice<UInt8>, maximumDepth: Int = defaultMaximumDepth) throws(Failure)
        -> JSONValue
    {
        let result = bytes.withUnsafeBytes { raw -> Result<JSONValue, Failure> in
            var parser = JSONParser(raw, maximumDepth: maximumDepth)
            do throws(Failure) {
                return .success(try parser.document())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// A JSON-RPC message with the exact text of each number `id`, which a `Double`
    /// would round (`9007199254740993`): by the top-level object's position, 0 for a
    /// lone message, the element's index in a batch.
    package struct Message: Sendable {
        package let value: JSONValue
        package let numberIDs: [Int: String]
    }

    /// Parses one whole document, keeping the text of number ids as `Message` says.
    package static func parseMessage(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(Failure)
        -> Message
    {
        let result = bytes.withUnsafeBytes { raw -> Result<Message, Failure> in
            var parser = JSONParser(raw, maximumDepth: maximumDepth)
            parser.keepsIDText = true
            do throws(Failure) {
                let value = try parser.document()
                return .success(Message(value: value, numberIDs: parser.idTexts))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses a document given as text.
    package static func parse(_ text: String, maximumDepth: Int = defaultMaximumDepth) throws(Failure) -> JSONValue {
        try parse(Array(text.utf8), maximumDepth: maximumDepth)
    }

    private let bytes: UnsafeRawBufferPointer
    private let maximumDepth: Int
    private var position = 0
    private var depth = 0
    private var scratch: [UInt8] = []
    private var keepsIDText = false
    private var topLevelIsArray = false
    private var topLevelIndex = 0
    private var idTexts: [Int: String] = [:]

    private init(_ bytes: UnsafeRawBufferPointer, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    private mutating func document() throws(Failure) -> JSONValue {
        skipWhitespace()
        // A byte order mark is not JSON, but editors write one; it is skipped rather than refused.
        if bytes.count >= position + 3, bytes[position] == 0xEF, bytes[position + 1] == 0xBB,
            bytes[position + 2] == 0xBF
        {
            position += 3
            skipWhitespace()
        }
        let value = try self.value()
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected text after the end of the JSON value") }
        return value
    }

    private mutating func value() throws(Failure) -> JSONValue {
        guard position < bytes.count else { throw failure("unexpected end of input, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected \(describe(at: position)), expected a value")
        }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try enter()
        position += 1
        var fields: [String: JSONValue] = [:]
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            position += 1
            depth -= 1
            return .object(fields)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else {
                throw failure("unexpected \(describe(at: position)), expected a field name in double quotes")
            }
            let key = try string()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw failure("unexpected \(describe(at: position)), expected ':'") }
            position += 1
            skipWhitespace()
            let valueStart = position
            fields[key] = try value()
            if keepsIDText, key == "id", depth == (topLevelIsArray ? 2 : 1), case .number? = fields[key] {
                idTexts[topLevelIndex] = String(decoding: bytes[valueStart..<position], as: UTF8.self)
            }
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                position += 1
            } else if peek(UInt8(ascii: "}")) {
                position += 1
                depth -= 1
                return .object(fields)
            } else {
                throw failure("unexpected \(describe(at: position)), expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try enter()
        if depth == 1 { topLevelIsArray = true }
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            position += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            if depth == 1 { topLevelIndex = items.count }
            items.append(try value())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                position += 1
            } else if peek(UInt8(ascii: "]")) {
                position += 1
                depth -= 1
                return .array(items)
            } else {
                throw failure("unexpected \(describe(at: position)), expected ',' or ']'")
            }
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= maximumDepth else { throw failure("nested more than \(maximumDepth) levels deep") }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(Failure) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
            UnsafeRawBufferPointer(start: word.utf8Start, count: count).elementsEqual(
                bytes[position..<position + count])
        else { throw failure("unexpected \(describe(at: position)), expected a value") }
        position += count
        return value
    }

    // MARK: Strings

    private mutating func string() throws(Failure) -> String {
        let start = position
        position += 1
        let contentStart = position
        // Most strings have no escapes: they are validated and copied whole.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = try text(contentStart, position, quoteAt: start)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("a control character (\(hex(byte))) in a string must be escaped") }
            position += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[contentStart..<position])
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = String(validating: scratch, as: UTF8.self) else {
                    throw Failure.at(start, in: bytes, "a string that is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                try escape()
            case 0..<0x20:
                throw failure("a control character (\(hex(byte))) in a string must be escaped")
            default:
                scratch.append(byte)
                position += 1
            }
        }
        throw Failure.at(start, in: bytes, "a string that is never closed")
    }

    private func text(_ start: Int, _ end: Int, quoteAt quote: Int) throws(Failure) -> String {
        let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        guard let text = String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw Failure.at(quote, in: bytes, "a string that is not valid UTF-8")
        }
        return text
    }

    private mutating func escape() throws(Failure) {
        let start = position
        position += 1
        guard position < bytes.count else { throw failure("unexpected end of input in an escape") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(escapeAt: start)
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low one.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw Failure.at(start, in: bytes, "a lone surrogate escape") }
                position += 2
                let low = try hexQuad(escapeAt: start)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw Failure.at(start, in: bytes, "a lone surrogate escape")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw Failure.at(start, in: bytes, "a lone surrogate escape")
            }
            scratch.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        default:
            throw Failure.at(start, in: bytes, "an unknown escape '\\\(describeByte(byte))'")
        }
    }

    private mutating func hexQuad(escapeAt start: Int) throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw Failure.at(start, in: bytes, "a \\u escape cut short") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Failure.at(start, in: bytes, "a \\u escape needs four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    // MARK: Numbers

    private mutating func number() throws(Failure) -> Double {
        let start = position
        var integer: Int64 = 0
        var digits = 0
        let negative = peek(UInt8(ascii: "-"))
        if negative { position += 1 }
        if peek(UInt8(ascii: "0")) {
            position += 1
            digits = 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw Failure.at(start, in: bytes, "a number with a leading zero")
            }
        } else {
            while position < bytes.count, isDigit(bytes[position]) {
                if digits < 18 { integer = integer * 10 + Int64(bytes[position] - UInt8(ascii: "0")) }
                digits += 1
                position += 1
            }
            guard digits > 0 else { throw Failure.at(start, in: bytes, "a '-' without digits") }
        }
        var isInteger = true
        if peek(UInt8(ascii: ".")) {
            isInteger = false
            position += 1
            guard try skipDigits() > 0 else { throw Failure.at(start, in: bytes, "a number with no digits after '.'") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            isInteger = false
            position += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            guard try skipDigits() > 0 else { throw Failure.at(start, in: bytes, "a number with an empty exponent") }
        }
        // Whole numbers of up to 15 digits are exact in a Double: no text conversion needed.
        if isInteger, digits <= 15 { return negative ? -Double(integer) : Double(integer) }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw Failure.at(start, in: bytes, "the number \(text.prefix(40)) is out of range")
        }
        return value
    }

    private mutating func skipDigits() throws(Failure) -> Int {
        var count = 0
        while position < bytes.count, isDigit(bytes[position]) {
            count += 1
            position += 1
        }
        return count
    }

    // MARK: Helpers

    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private func failure(_ reason: String) -> Failure { Failure.at(position, in: bytes, reason) }

    private func describe(at offset: Int) -> String {
        offset < bytes.count ? "'\(describeByte(bytes[offset]))'" : "end of input"
    }

    private func describeByte(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : hex(byte)
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }
}

extension JSONParser.Failure {
    static func at(_ offset: Int, in bytes: UnsafeRawBufferPointer, _ reason: String) -> Self {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return Self(reason: reason, offset: offset, line: line, column: offset - lineStart + 1)
    }
}
