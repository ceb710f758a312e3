/// Lines of text a terminal would fold, broken between words instead: a heading goes on
/// indented, and a `label:  value` line goes on under its value.
enum LineFitting {
    static func fit(_ text: String, to width: Int?) -> String {
        guard let width, text.split(separator: "\n").contains(where: { $0.count > width }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.count > width else { return String(line) }
            let (start, indent) = layout(line, width: width)
            let lines = Table.wrap(String(line.dropFirst(start)), to: width - indent, first: width - start)
            let margin = String(repeating: " ", count: indent)
            return ([line.prefix(start) + lines[0]] + lines.dropFirst().map { margin + $0 }).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Where the words to wrap start (after the indentation, or after a label and its colon)
    /// and how far the following lines are indented: under the value, or two more than the
    /// line; never so far that fewer than 30 columns are left.
    private static func layout(_ line: Substring, width: Int) -> (start: Int, indent: Int) {
        let leading = line.prefix { $0 == " " }.count
        if let colon = line.dropFirst(leading).prefix(32).firstIndex(of: ":") {
            let gap = line[line.index(after: colon)...].prefix { $0 == " " }
            let value = line.distance(from: line.startIndex, to: gap.endIndex)
            if !gap.isEmpty, width - value >= Table.narrowestText { return (value, value) }
        }
        let indent = leading + 2
        return (leading, width - indent >= Table.narrowestText ? indent : leading)
    }
}
