/// A JSON Lines file cut into its lines, each parsed only when its record is read.
struct JSONLines: Sendable {
    private struct Line: Sendable {
        /// 1-based, counting blank lines, as an editor shows it.
        let number: Int
        let bytes: Range<Int>
    }

    let file: String
    private let bytes: [UInt8]
    private let lines: [Line]

    /// Lines are cut on bytes: a newline byte never occurs inside a UTF-8 character.
    init(bytes: [UInt8], from start: Int, file: String) {
        self.bytes = bytes
        self.file = file
        var lines: [Line] = []
        var lineStart = start
        var number = 1
        var blank = true
        for offset in start..<bytes.count {
            switch bytes[offset] {
            case 0x0A:
                if !blank { lines.append(Line(number: number, bytes: lineStart..<offset)) }
                number += 1
                lineStart = offset + 1
                blank = true
            case 0x20, 0x09, 0x0D:
                continue
            default:
                blank = false
            }
        }
        if !blank { lines.append(Line(number: number, bytes: lineStart..<bytes.count)) }
        self.lines = lines
    }

    var count: Int { lines.count }

    func record(at index: Int) -> Result<ImportDocument.RawRecord, RecordProblems> {
        let line = lines[index]
        let location = Phrase.key("location.fileLine", file, line.number)
        do {
            return .success(.init(location: location, value: try JSONParser.parse(bytes[line.bytes])))
        } catch {
            // The line is the record: its line number is told already, the column is enough.
            let what = "\(error.reason) at column \(error.column)"
            return .failure(
                RecordProblems(
                    location: location, record: .verbatim(""),
                    problems: [FieldProblem(field: "", .key("file.lineNotJSON", what))]))
        }
    }

    /// A line that is not JSON, as the whole file's error tells it: `line 4: not valid JSON (…)`.
    func lineProblem(at index: Int, _ unreadable: RecordProblems) -> Phrase {
        .sequence([
            .key("location.line", lines[index].number), .verbatim(": "),
            .joined(unreadable.problems.map(\.what), separator: "; "),
        ])
    }
}
