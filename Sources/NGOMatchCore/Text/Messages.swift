import Foundation

/// Every word ngomatch shows a person, by key, in each language: one catalogue for the web
/// pages, the CLI's tables and summaries, and whatever door comes next. Values go in as `{0}`,
/// `{1}`…; a key missing in a language falls back to English, and the tests fail on any key
/// that is. Adding a language is adding a table (a file) and a `Language` case.
package enum Messages {
    /// The tables are kept in files by subject; a key is in one of them only (the tests check).
    static let english = merged(englishGeneral, englishPipeline)
    static let vietnamese = merged(vietnameseGeneral, vietnamesePipeline)

    private static func merged(_ general: [String: String], _ subject: [String: String]) -> [String: String] {
        let shared = Set(general.keys).intersection(subject.keys)
        precondition(shared.isEmpty, "keys in two message tables: \(shared.sorted())")
        return general.merging(subject) { first, _ in first }
    }

    package static func table(_ language: Language) -> [String: String] {
        switch language {
        case .vi: vietnamese
        case .en: english
        }
    }

    package static func text(_ key: String, _ language: Language, _ values: String...) -> String {
        text(key, language, values)
    }

    /// A message about `count` things: `key.one` for exactly one, else `key`; `count` is `{0}`.
    /// Vietnamese nouns do not change with the number, so there both forms read the same.
    package static func counted(_ key: String, _ language: Language, _ count: Int, _ values: String...) -> String {
        let singular = key + ".one"
        let chosen = count == 1 && english[singular] != nil ? singular : key
        return text(chosen, language, ["\(count)"] + values)
    }

    /// Values go in in one pass over the message, so a value that itself contains `{1}`
    /// (a name someone typed) is printed as it is, never filled in. The pass reads bytes: braces
    /// and digits are ASCII, and a ranking fills thousands of messages a second.
    package static func text(_ key: String, _ language: Language, _ values: [String]) -> String {
        var template = table(language)[key] ?? english[key] ?? key
        var bytes: [UInt8] = []
        bytes.reserveCapacity(template.utf8.count + values.reduce(0) { $0 + $1.utf8.count })
        template.withUTF8 { utf8 in
            var position = 0
            while position < utf8.count {
                let byte = utf8[position]
                position += 1
                guard byte == UInt8(ascii: "{") else {
                    bytes.append(byte)
                    continue
                }
                // `{N}`: digits and a closing brace; anything else is printed as it is.
                var end = position
                var index = 0
                while end < utf8.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[end]), end - position < 4
                {
                    index = index * 10 + Int(utf8[end] - UInt8(ascii: "0"))
                    end += 1
                }
                if end > position, end < utf8.count, utf8[end] == UInt8(ascii: "}"), values.indices.contains(index) {
                    bytes.append(contentsOf: values[index].utf8)
                    position = end + 1
                } else {
                    bytes.append(byte)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The placeholders a message takes, `{0}`… in order of appearance, for checking translations.
    package static func placeholders(_ message: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let inside = after[..<close]
            if !inside.isEmpty && inside.allSatisfy(\.isNumber) { found.insert("{\(inside)}") }
            rest = after[after.index(after: close)...]
        }
        return found
    }
}
