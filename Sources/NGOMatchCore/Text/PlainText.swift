/// Text from users shown where control characters would act instead of show.
package enum PlainText {
    /// The text with control characters (terminal escapes, newlines, bells) turned into spaces.
    package static func clean(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// Words on lines of at most `width` characters; a word longer than that (a link) stands alone.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return line.isEmpty ? lines : lines + [line]
    }

    /// Each line of `text` wrapped for a reader at 80 columns; a bulleted line ("• …")
    /// continues under its text.
    static func wrappedForMail(_ text: String, width: Int = 76) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            // A bullet's lines, and lines indented under one (its detail, its link), keep their
            // indent when wrapped, so an item still reads as one.
            let bullet = line.hasPrefix("• ")
            let indent = bullet ? "" : String(line.prefix { $0 == " " })
            let body = bullet ? String(line.dropFirst(2)) : String(line.dropFirst(indent.count))
            let lines = wrapped(body, width: width - (bullet ? 2 : indent.count))
            guard !lines.isEmpty else { return [""] }
            return bullet ? ["• " + lines[0]] + lines.dropFirst().map { "  " + $0 } : lines.map { indent + $0 }
        }.joined(separator: "\n")
    }
}
