import Foundation

/// A list written in one text cell (CSV, or a field given as text): items separated
/// by `;`, with `\;` for a semicolon inside an item and `\\` for a backslash.
///
/// A backslash before anything else stays as written, so hand-made files with
/// Windows paths or stray backslashes read as their authors meant.
package enum ListCell {
    package static let separator = "; "

    package static func join(_ items: [String]) -> String {
        items.map(escape).joined(separator: separator)
    }

    package static func escape(_ item: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in item.unicodeScalars {
            if scalar == "\\" || scalar == ";" { escaped.append("\\") }
            escaped.append(scalar)
        }
        return String(escaped)
    }

    /// The items, each trimmed of spaces; empty items are dropped.
    package static func split(_ text: String) -> [String] {
        var items: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        func finish() {
            // Spaces and tabs only, as JSON lists are read: line breaks are part of an item.
            let item = String(current).trimmingSpaces()
            if !item.isEmpty { items.append(item) }
            current = String.UnicodeScalarView()
        }
        while let scalar = scalars.next() {
            switch scalar {
            case "\\":
                guard let next = scalars.next() else {
                    current.append(scalar)
                    break
                }
                if next != "\\" && next != ";" { current.append(scalar) }
                current.append(next)
            case ";":
                finish()
            default:
                current.append(scalar)
            }
        }
        finish()
        return items
    }
}
