import Foundation
import NGOMatchCore

/// stdout is data, stderr is talk.
enum Terminal {
    static func error(_ message: String, _ language: Language = CommandLanguage.current) {
        note(Messages.text("cli.error", language, message))
    }

    /// A catalogue message on stderr, in the command's language.
    static func say(_ key: String, _ values: any PhraseValue...) {
        note(Phrase.text(key, values, in: CommandLanguage.current))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// A one-line progress bar on stderr, redrawn in place.
    static func progress(_ done: Int, of total: Int, label: String) {
        guard total > 0 else { return }
        let width = 30
        let filled = min(width, done * width / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)".utf8))
        if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
