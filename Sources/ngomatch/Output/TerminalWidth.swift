import Foundation

/// How many columns the reader's terminal has, for tables that fit it.
enum TerminalWidth {
    /// `COLUMNS` when it is set; else the terminal's own width when standard output is one;
    /// nil when the output goes to a file or another program, which get whole rows, one a line.
    static var current: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
