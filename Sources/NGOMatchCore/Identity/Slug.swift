/// Turns a human name into an identifier slug: `"Cao Bằng"` → `cao-bang`.
package enum Slug {
    package static func make(from text: String) -> String {
        NameKey.fold(text).split(separator: " ").joined(separator: "-")
    }

    /// Whether `text` is already a well-formed slug: lowercase ASCII letters,
    /// digits, and single `-` or `.` between them.
    package static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last,
            isAlphanumeric(first), isAlphanumeric(last), text.utf8.count <= 80
        else { return false }
        var previousWasSeparator = false
        for byte in text.utf8 {
            if isAlphanumeric(byte) {
                previousWasSeparator = false
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") {
                if previousWasSeparator { return false }
                previousWasSeparator = true
            } else {
                return false
            }
        }
        return true
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
