import NGOMatchCore

/// An aligned text table for people reading a terminal.
struct Table {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    /// A table whose headings are catalogue keys, in the command's language.
    init(keys: [String], _ language: Language = ExitStatus.language) {
        header = keys.map { Messages.text($0, language) }
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The table, fitted to `width` columns when it is given (a terminal's) and needs it.
    func render(width: Int? = TerminalWidth.current) -> String {
        let cleanHeader = header.map(Self.clean)
        let cleanRows = rows.map { $0.map(Self.clean) }
        var widths = cleanHeader.map(\.count)
        var words = cleanHeader.map(Self.longestWord)
        for row in cleanRows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
                words[index] = max(words[index], Self.longestWord(cell))
            }
        }
        func line(_ cells: [String], _ widths: [Int]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        func rule(_ widths: [Int]) -> String {
            line(widths.map { String(repeating: "─", count: $0) }, widths)
        }
        guard let width, let fitting = Self.fitting(widths, words: words, to: width) else {
            return ([line(cleanHeader, widths), rule(widths)] + cleanRows.map { line($0, widths) })
                .joined(separator: "\n")
        }
        switch fitting {
        case .lastColumnBelow(let indent):
            let leading = Array(widths.dropLast())
            let margin = String(repeating: " ", count: indent)
            var lines = [line(Array(cleanHeader.dropLast()), leading), rule(leading)]
            for row in cleanRows {
                lines.append(line(Array(row.prefix(leading.count)), leading))
                guard row.count > leading.count, !row[leading.count].isEmpty else { continue }
                lines += Self.wrap(row[leading.count], to: width - indent).map { margin + $0 }
            }
            return lines.joined(separator: "\n")
        case .wrapped(let fitted):
            func wrappedLines(_ cells: [String]) -> [String] {
                let columns = cells.enumerated().map { index, cell in
                    index < fitted.count ? Self.wrap(cell, to: fitted[index]) : [cell]
                }
                let height = columns.map(\.count).max() ?? 0
                return (0..<height).map { step in
                    let text = line(columns.map { step < $0.count ? $0[step] : "" }, fitted)
                    return String(text.prefix(through: text.lastIndex { $0 != " " } ?? text.startIndex))
                }
            }
            return (wrappedLines(cleanHeader) + [rule(fitted)] + cleanRows.flatMap(wrappedLines))
                .joined(separator: "\n")
        case .records:
            let labelWidth = cleanHeader.dropFirst().map(\.count).max() ?? 0
            let valueWidth = max(width - labelWidth - 4, Self.narrowestText)
            let margin = String(repeating: " ", count: labelWidth + 4)
            return cleanRows.map { row in
                var lines = ["\(cleanHeader[0]): \(row.first ?? "")"]
                for (heading, cell) in zip(cleanHeader, row).dropFirst() where !cell.isEmpty {
                    let pad = String(repeating: " ", count: labelWidth - heading.count)
                    let values = Self.wrap(cell, to: valueWidth)
                    lines.append("  \(heading):\(pad) \(values[0])")
                    lines += values.dropFirst().map { margin + $0 }
                }
                return lines.joined(separator: "\n")
            }.joined(separator: "\n\n")
        }
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
