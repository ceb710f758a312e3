import Foundation

/// Header fields as RFC 5322 and RFC 2047 want them: ASCII, lines of at most 78 characters,
/// and any other text as UTF-8 encoded words.
enum MailHeader {
    /// Text that may stand in a header: every line break and control character a space, so
    /// that a name or a subject can never start a header or a recipient of its own.
    static func oneLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// `Name: value`: the value as it is when it is short plain ASCII, else as encoded words.
    static func field(_ name: String, text: String) -> String {
        let value = oneLine(text)
        if isPlain(value), name.count + 2 + value.count <= 78 { return "\(name): \(value)" }
        return folded("\(name):", encodedWords(value, firstLineRoom: 78 - name.count - 2))
    }

    /// `Name: a, b` for mailboxes, folded between their words.
    static func field(_ name: String, mailboxes: [MailAddress]) -> String {
        var tokens: [String] = []
        for (index, box) in mailboxes.enumerated() {
            var pieces = mailbox(box)
            if index < mailboxes.count - 1 { pieces[pieces.count - 1] += "," }
            tokens += pieces
        }
        return folded("\(name):", tokens)
    }

    /// Tokens after a header's name, a space between them, and a new line (CRLF, then the
    /// space) before a token that would take the line past 78 characters.
    static func folded(_ start: String, _ tokens: [String]) -> String {
        var lines: [String] = []
        var line = start
        for token in tokens {
            if line.count + 1 + token.count > 78, line != start {
                lines.append(line)
                line = ""
            }
            line += " " + token
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// A display name and address: `"Name" <a@b>`, or the name as one encoded word. Readers
    /// disagree on the space between two encoded words of a name (RFC 2047 drops it, Python's
    /// `email` keeps it), so a name is never split in two: one too long for a word is
    /// shortened, whole characters kept and "…" added. The message's text carries it whole.
    static func mailbox(_ mailbox: MailAddress) -> [String] {
        guard let name = mailbox.name else { return ["<\(mailbox.address)>"] }
        if isPlain(name), name.count <= 60,
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "." })
        {
            return ["\"\(name)\"", "<\(mailbox.address)>"]
        }
        return [word(Array(shortened(name).utf8)), "<\(mailbox.address)>"]
    }

    /// The longest beginning of `name`, in whole characters, that one encoded word holds.
    static func shortened(_ name: String) -> String {
        guard name.utf8.count > wordBytes else { return name }
        var kept = ""
        for character in name {
            guard kept.utf8.count + character.utf8.count + "…".utf8.count <= wordBytes else { break }
            kept.append(character)
        }
        return kept + "…"
    }

    private static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 } && !text.contains("=?")
    }

    /// What one encoded word holds: 75 characters less "=?UTF-8?B?" and "?=" leave 63 for
    /// base64, that is 45 bytes.
    static let wordBytes = 45

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?\(Data(bytes).base64EncodedString())?=" }

    /// The text as `=?UTF-8?B?…?=` words of at most 75 characters each (the first short enough
    /// to follow the field's name), never splitting a code point: each word must decode on its
    /// own (RFC 2047 §5). A letter and its combining marks may fall in two words; a reader of
    /// unstructured text (a subject) joins adjacent words without the space between.
    static func encodedWords(_ text: String, firstLineRoom: Int = 76) -> [String] {
        let firstBytes = max(3, (min(75, firstLineRoom - 1) - 12) / 4 * 3)
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > (words.isEmpty ? firstBytes : wordBytes) {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }
}

extension MailHeader {
    /// `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 2369, RFC 8058): a mail program's
    /// "unsubscribe" button posts to the link, with no sign-in.
    static func unsubscribe(_ link: String?) -> [(name: String, value: String)] {
        guard let link else { return [] }
        return [("List-Unsubscribe", "<\(link)>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]
    }
}
