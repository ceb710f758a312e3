import NGOMatchCore

/// An aligned text table for people reading a terminal.
struct Table {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    /// A table whose headings are catalogue keys, in the command's language.
    init(keys: [String], _ language: Language = CommandLanguage.current) {
        header = keys.map { Messages.text($0, language) }
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The table, fitted to `width` columns when it is given (a terminal's) and needs it.
    func render(width: Int? = TerminalWidth.current) -> String {
        let cleanHeader = header.map(Self.clean)
        let cleanRows = rows.map { $0.map(Self.clean) }
        var widths = cleanHeader.map(\.count)
        for row in cleanRows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        // Piped, or narrow enough: the words are never looked at.
        let words = { Self.longestWords(cleanHeader, cleanRows) }
        guard let width, let fitting = Self.fitting(widths, words: words, to: width) else {
            return ([Self.line(cleanHeader, widths), Self.rule(widths)] + cleanRows.map { Self.line($0, widths) })
                .joined(separator: "\n")
        }
        return Self.lines(fitting, header: cleanHeader, rows: cleanRows, widths: widths, width: width)
            .joined(separator: "\n")
    }

    /// Cells padded to their column's width, two spaces apart; the last one as it is.
    static func line(_ cells: [String], _ widths: [Int]) -> String {
        cells.enumerated().map { index, cell in
            index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
        }.joined(separator: "  ")
    }

    static func rule(_ widths: [Int]) -> String {
        line(widths.map { String(repeating: "─", count: $0) }, widths)
    }

    /// Text with control characters (terminal escapes, newlines) made harmless.
    static func clean(_ text: String) -> String { PlainText.clean(text) }
}

/// `key: value` lines for one record.
struct Details {
    private var lines: [(String, String)] = []

    mutating func add(_ key: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        lines.append((key, value))
    }

    func render() -> String {
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { key, value in
            let label = key.isEmpty ? " " : key + ":"
            let pad = String(repeating: " ", count: width + 1 - label.count)
            return "\(label)\(pad)  \(Table.clean(value))"
        }.joined(separator: "\n")
    }
}
