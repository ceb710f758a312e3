/// What keeps a CSV cell from running as a spreadsheet formula, and undoes it on import.
///
/// OWASP's advice: a cell starting with `=`, `+`, `-`, `@`, a tab or a CR gets a leading
/// `'`, which spreadsheets show as text. So that import reads back exactly what was
/// registered, a cell that already starts with quotes before such a character gets one
/// more, and the reader takes one quote off any cell of that shape. Plain numbers
/// (`-5`) are left as they are: a spreadsheet reads them as numbers, which is harmless.
package enum SpreadsheetCell {
    private static func isTrigger(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "=" || scalar == "+" || scalar == "-" || scalar == "@" || scalar == "\t" || scalar == "\r"
    }

    /// How many `'` the cell starts with, when a formula character follows them; nil otherwise.
    private static func quotesBeforeTrigger(_ text: String) -> Int? {
        var quotes = 0
        for scalar in text.unicodeScalars {
            if scalar == "'" {
                quotes += 1
                continue
            }
            return isTrigger(scalar) ? quotes : nil
        }
        return nil
    }

    package static func neutralised(_ text: String) -> String {
        guard let quotes = quotesBeforeTrigger(text) else { return text }
        if quotes == 0, let number = Double(text), number.isFinite { return text }
        return "'" + text
    }

    package static func restored(_ text: String) -> String {
        guard let quotes = quotesBeforeTrigger(text), quotes > 0 else { return text }
        return String(text.unicodeScalars.dropFirst())
    }
}
