/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and newlines.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// The 1-based line of the file the row starts on.
        public let line: Int
        public let fields: [String]
    }

    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public let header: [String]
    public let rows: [Row]

    /// - Throws: every malformed row at once, as `[SyntaxError]` in `CSVTable.Errors`.
    public init(parsing text: String) throws(Errors) {
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
            fields.append(String(field))
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
                    SyntaxError(
                        line: line,
                        message:
                            "a quote inside an unquoted field; quote the whole field and double the inner quote (\"\")")
                )
                field.append(scalar)
            case ",":
                fields.append(String(field))
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
                        SyntaxError(
                            line: line, message: "text after a closing quote; a quoted field must end at the comma"))
                    fieldWasQuoted = false
                }
                field.append(scalar)
            }
        }
        if inQuotes {
            errors.append(SyntaxError(line: rowStart, message: "a quoted field is never closed; add the closing quote"))
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }

        guard let header = records.first else {
            throw Errors(
                errors: errors.isEmpty
                    ? [SyntaxError(line: 1, message: "the file is empty; expected a header row")] : errors)
        }
        let width = header.fields.count
        for row in records.dropFirst() where row.fields.count != width {
            errors.append(
                SyntaxError(
                    line: row.line, message: "expected \(width) fields like the header, found \(row.fields.count)"))
        }
        guard errors.isEmpty else { throw Errors(errors: errors) }
        self.header = header.fields.map { $0.trimmingWhitespace() }
        self.rows = Array(records.dropFirst())
    }

    public struct Errors: Error, Hashable, Sendable {
        public let errors: [SyntaxError]
    }

    /// Writes one row, quoting the fields that need it.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingAll("\"", with: "\"\"") + "\""
                : field
        }.joined(separator: ",")
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
