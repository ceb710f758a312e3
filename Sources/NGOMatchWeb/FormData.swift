import Foundation
import NGOMatchCore

/// A submitted `application/x-www-form-urlencoded` form, or a query string: fields in
/// order, a name may repeat (checkboxes).
struct FormData: Sendable {
    let fields: [(name: String, value: String)]

    init(_ encoded: String) {
        fields = encoded.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    init(fields: [(name: String, value: String)]) { self.fields = fields }

    subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// The value, or nil when it is absent or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// Fields whose names start with `prefix`, with the prefix removed (`sector.health` → `health`).
    func prefixed(_ prefix: String) -> [(key: String, value: String)] {
        fields.filter { $0.name.hasPrefix(prefix) }.map { (String($0.name.dropFirst(prefix.count)), $0.value) }
    }

    /// The sectors chosen in a record form (`sector.ID` = level 1–5, blank for none), in the
    /// import format: `[{"sector": ID, level: N}]`, `level` being `expertise` or `priority`.
    func sectorLevels(_ level: String) -> JSONValue {
        .array(
            prefixed("sector.").compactMap { sector, chosen in
                Int(chosen).map { .object(["sector": .string(sector), level: .number(Double($0))]) }
            })
    }

    /// The level chosen for each sector of a record form (`sector.ID`), blanks left out.
    var chosenSectorLevels: [String: String] {
        Dictionary(
            prefixed("sector.").filter { !$0.value.isEmpty }.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }

    /// The fields named that are not blank, as an operation's text parameters.
    func texts(_ names: String...) -> [String: JSONValue] {
        var texts: [String: JSONValue] = [:]
        for name in names { if let value = text(name) { texts[name] = .string(value) } }
        return texts
    }

    /// Percent-decoding, `+` as a space; a `%` not followed by two hex digits is kept as written.
    static func decode(_ text: Substring) -> String {
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count, let value = hex(input[index + 1], input[index + 2]) {
                bytes.append(value)
                index += 3
                continue
            }
            bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ high: UInt8, _ low: UInt8) -> UInt8? {
        func digit(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        guard let h = digit(high), let l = digit(low) else { return nil }
        return h << 4 | l
    }
}
