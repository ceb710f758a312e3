/// A table wider than the terminal, laid out to fit it rather than left for the terminal to
/// fold, which breaks every row across the columns of the next.
extension Table {
    /// The narrowest the last column may be when it is set under its row.
    static let narrowestText = 30
    /// Longer words (a list of sector codes, a web address) are cut rather than widen a column.
    static let longestUncutWord = 24

    /// The layout for `width` columns: nil when the cells fit as they are.
    enum Fitting: Equatable {
        /// The last column (a ranking's reasons) under each row, across the width, the other
        /// columns as they are.
        case lastColumnBelow(indent: Int)
        /// Every column at most this wide, its cells wrapped between words onto more lines.
        case wrapped([Int])
        /// Too many columns for the width: each row as lines of `heading: value`.
        case records
    }

    /// - Parameters:
    ///   - widths: each column's widest cell.
    ///   - words: each column's longest word, which wrapping does not cut; asked for only when
    ///     the columns are to be wrapped.
    static func fitting(_ widths: [Int], words: () -> [Int], to width: Int) -> Fitting? {
        let gaps = 2 * (widths.count - 1)
        guard widths.reduce(0, +) + gaps > width, widths.count > 1 else { return nil }
        let leading = widths.dropLast()
        if let last = widths.last, last == widths.max(), leading.reduce(0, +) + gaps - 2 <= width {
            let indent = widths[0] + 2
            if width - indent >= narrowestText { return .lastColumnBelow(indent: indent) }
            if width - 2 >= narrowestText { return .lastColumnBelow(indent: 2) }
        }
        let narrowest = zip(widths, words()).map { min($0, min($1, longestUncutWord)) }
        var fitted = widths
        while fitted.reduce(0, +) + gaps > width {
            let shrinkable = fitted.indices.filter { fitted[$0] > narrowest[$0] }
            guard let widest = shrinkable.max(by: { fitted[$0] < fitted[$1] }) else { return .records }
            fitted[widest] -= 1
        }
        return .wrapped(fitted)
    }

    /// Each column's longest run of characters without a space.
    static func longestWords(_ header: [String], _ rows: [[String]]) -> [Int] {
        func longest(_ text: String) -> Int { text.split(separator: " ").map(\.count).max() ?? 0 }
        var words = header.map(longest)
        for row in rows {
            for (index, cell) in row.enumerated() where index < words.count {
                words[index] = max(words[index], longest(cell))
            }
        }
        return words
    }

    /// The table's lines in the layout `fitting` chose for `width` columns.
    static func lines(_ fitting: Fitting, header: [String], rows: [[String]], widths: [Int], width: Int)
        -> [String]
    {
        switch fitting {
        case .lastColumnBelow(let indent):
            let leading = Array(widths.dropLast())
            let margin = String(repeating: " ", count: indent)
            var lines = [line(Array(header.dropLast()), leading), rule(leading)]
            for row in rows {
                lines.append(line(Array(row.prefix(leading.count)), leading))
                guard row.count > leading.count, !row[leading.count].isEmpty else { continue }
                lines += wrap(row[leading.count], to: width - indent).map { margin + $0 }
            }
            return lines
        case .wrapped(let fitted):
            func wrappedLines(_ cells: [String]) -> [String] {
                let columns = cells.enumerated().map { index, cell in
                    index < fitted.count ? wrap(cell, to: fitted[index]) : [cell]
                }
                let height = columns.map(\.count).max() ?? 0
                return (0..<height).map { step in
                    let text = line(columns.map { step < $0.count ? $0[step] : "" }, fitted)
                    return String(text.prefix(through: text.lastIndex { $0 != " " } ?? text.startIndex))
                }
            }
            return wrappedLines(header) + [rule(fitted)] + rows.flatMap(wrappedLines)
        case .records:
            return records(header: header, rows: rows, width: width)
        }
    }

    /// Each row as its first cell, then `heading: value` lines, values wrapped under themselves.
    private static func records(header: [String], rows: [[String]], width: Int) -> [String] {
        let labelWidth = header.dropFirst().map(\.count).max() ?? 0
        let valueWidth = max(width - labelWidth - 4, narrowestText)
        let margin = String(repeating: " ", count: labelWidth + 4)
        var lines: [String] = []
        for row in rows {
            if !lines.isEmpty { lines.append("") }
            lines.append("\(header[0]): \(row.first ?? "")")
            for (heading, cell) in zip(header, row).dropFirst() where !cell.isEmpty {
                let pad = String(repeating: " ", count: labelWidth - heading.count)
                let values = wrap(cell, to: valueWidth)
                lines.append("  \(heading):\(pad) \(values[0])")
                lines += values.dropFirst().map { margin + $0 }
            }
        }
        return lines
    }

    /// `text` in lines of at most `width` characters (the first line `first`), broken between
    /// words; a word longer than a line is cut.
    static func wrap(_ text: String, to width: Int, first: Int? = nil) -> [String] {
        let width = max(width, 1)
        var limit = max(first ?? width, 1)
        guard text.count > limit else { return [text] }
        var lines: [String] = []
        var line = ""
        func finish() {
            lines.append(line)
            line = ""
            limit = width
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            if !line.isEmpty, line.count + 1 + word.count <= limit {
                line += " " + word
                continue
            }
            if !line.isEmpty { finish() }
            while word.count > limit {
                line = String(word.prefix(limit))
                word = word.dropFirst(limit)
                finish()
            }
            line = String(word)
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
