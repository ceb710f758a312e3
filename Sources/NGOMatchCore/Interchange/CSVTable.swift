/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and newlines.
package struct CSVTable: Sendable {
    package struct Row: Sendable {
        /// The 1-based line of the file the row starts on.
        package let line: Int
        package let fields: [String]
    }

    package struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible, Readable {
        package let line: Int
        package let what: Phrase
        package var description: String { phrase.text(.en) }
        /// "line 4: …"
        package var phrase: Phrase { .sequence([.key("location.line", line), .verbatim(": "), what]) }
    }

    package let header: [String]
    package let rows: [Row]

    /// - Throws: every malformed row at once, as `[SyntaxError]` in `CSVTable.Errors`.
    package init(parsing text: String) throws(Errors) {
        var records: [Row] = []
        var errors: [SyntaxError] = []
        var field = String.UnicodeScalarView()
        var fields: [String] = []
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var rowStart = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRow() {
            fields.append(SpreadsheetCell.restored(String(field)))
            field = String.UnicodeScalarView()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: rowStart, fields: fields)) }
            fields = []
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            case "\"":
                errors.append(
                    SyntaxError(line: line, what: .key("csv.strayQuote")))
                field.append(scalar)
            case ",":
                fields.append(SpreadsheetCell.restored(String(field)))
                field = String.UnicodeScalarView()
                fieldWasQuoted = false
            case "\r":
                let next = scalars.next()
                if next != "\n" { pending = next }
                endRow()
                fieldWasQuoted = false
                line += 1
                rowStart = line
            case "\n":
                endRow()
                fieldWasQuoted = false
                line += 1
                rowStart = line
            default:
                if fieldWasQuoted {
                    errors.append(
                        SyntaxError(line: line, what: .key("csv.textAfterQuote")))
                    fieldWasQuoted = false
                }
                field.append(scalar)
            }
        }
        if inQuotes {
            errors.append(SyntaxError(line: rowStart, what: .key("csv.unclosedQuote")))
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }

        guard let header = records.first else {
            throw Errors(
                errors: errors.isEmpty
                    ? [SyntaxError(line: 1, what: .key("csv.empty"))] : errors)
        }
        let width = header.fields.count
        for row in records.dropFirst() where row.fields.count != width {
            errors.append(
                SyntaxError(line: row.line, what: .key("csv.width", width, row.fields.count)))
        }
        guard errors.isEmpty else { throw Errors(errors: errors) }
        self.header = header.fields.map { $0.trimmingWhitespace() }
        self.rows = Array(records.dropFirst())
    }

    package struct Errors: Error, Hashable, Sendable {
        package let errors: [SyntaxError]
    }

    /// RFC 4180 ends every row with CRLF; the reader takes LF and CR too.
    package static let lineEnd = "\r\n"

    /// Writes one row (without its line end), quoting the fields that need it and
    /// neutralising those a spreadsheet would run as a formula.
    ///
    /// Quoting is decided on Unicode scalars: `\r\n`, or a comma followed by a
    /// combining mark, is one `Character` and would otherwise slip through unquoted.
    package static func line(_ fields: [String]) -> String {
        fields.map { field in
            let cell = SpreadsheetCell.neutralised(field)
            guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
                return cell
            }
            var quoted = String.UnicodeScalarView()
            quoted.append("\"")
            for scalar in cell.unicodeScalars {
                if scalar == "\"" { quoted.append("\"") }
                quoted.append(scalar)
            }
            quoted.append("\"")
            return String(quoted)
        }.joined(separator: ",")
    }

    /// Rows as a whole CSV text, each ended by CRLF.
    package static func text(_ rows: [[String]]) -> String {
        rows.map { line($0) + lineEnd }.joined()
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        // Nearly every field starts and ends with a letter: skip the scalar walk.
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !first.isWhitespace, !last.isWhitespace {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    /// Trimmed of spaces and tabs only (what Foundation calls `.whitespaces`): line breaks stay.
    func trimmingSpaces() -> String {
        let isSpace = { (scalar: Unicode.Scalar) in
            !scalar.isVisibleASCII && (scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator)
        }
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !isSpace(first), !isSpace(last) {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    /// Whether the text is empty or only whitespace, without making a trimmed copy.
    var isBlank: Bool { unicodeScalars.allSatisfy(\.properties.isWhitespace) }
}

extension Unicode.Scalar {
    fileprivate var isVisibleASCII: Bool { (0x21..<0x7F).contains(value) }
    /// Unicode's whitespace, without the property lookup for printable ASCII.
    fileprivate var isWhitespace: Bool { !isVisibleASCII && properties.isWhitespace }
}

extension String {
    /// Replaces a scalar wherever it occurs, even where a combining mark joins it to the next one.
    package func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }
}
