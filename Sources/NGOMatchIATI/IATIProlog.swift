import NGOMatchCore

/// What comes before an IATI file's root element. A document type declaration is refused
/// before the XML parser sees it: its entities could make the parser read server files or
/// grow without bound, and no IATI file needs one.
enum IATIProlog {
    /// The most bytes read looking for the root element.
    static let longest = 1 << 20

    /// Nil when the prolog holds only the XML declaration, comments, processing instructions
    /// and white space; otherwise the problem and the line it is on.
    static func problem(_ bytes: some Collection<UInt8>) -> (line: Int, problem: Phrase)? {
        var line = 1
        var index = bytes.startIndex
        func starts(with text: String) -> Bool { bytes[index...].starts(with: text.utf8) }
        func skip(past end: String) -> Bool {
            while index != bytes.endIndex {
                if starts(with: end) {
                    index = bytes.index(index, offsetBy: end.utf8.count)
                    return true
                }
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                index = bytes.index(after: index)
            }
            return false
        }
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            if byte == UInt8(ascii: "<") {
                if starts(with: "<!DOCTYPE") || starts(with: "<!ENTITY") { return (line, .key("iati.doctype")) }
                if starts(with: "<!--") {
                    guard skip(past: "-->") else { return nil }
                    continue
                }
                if starts(with: "<?") {
                    guard skip(past: "?>") else { return nil }
                    continue
                }
                return nil
            }
            index = bytes.index(after: index)
        }
        return nil
    }
}
