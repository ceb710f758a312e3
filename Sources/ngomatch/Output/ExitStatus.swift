import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

/// The one place errors become exit statuses: 2 when the user can fix the input, 1 otherwise.
enum ExitStatus {
    static let usage: Int32 = 2
    static let failure: Int32 = 1

    /// The language the command was asked to speak: `--lang`, else `$NGOMATCH_LANG`. Read from
    /// the arguments because an error may come before the command's options are parsed; read once,
    /// since every message of a run asks.
    static let language: Language = {
        let arguments = CommandLine.arguments
        if let position = arguments.firstIndex(of: "--lang"), position + 1 < arguments.count,
            let language = Language(rawValue: arguments[position + 1])
        {
            return language
        }
        if let joined = arguments.first(where: { $0.hasPrefix("--lang=") }),
            let language = Language(rawValue: String(joined.dropFirst("--lang=".count)))
        {
            return language
        }
        return ProcessInfo.processInfo.environment["NGOMATCH_LANG"].flatMap(Language.init(rawValue:)) ?? .en
    }()

    /// Prints the error for a person, in the command's language, and returns the status to exit with.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let failure as ValidationFailure:
            Terminal.error(shortened(failure.text(language)), language)
            return usage
        case let registry as RegistryError:
            Terminal.error(registry.text(language), language)
            switch registry {
            case .notFound, .conflict, .notARegistry: return usage
            case .newerSchema, .cannotOpen, .cannotWrite, .database: return failure
            }
        case let readable as any Readable:
            Terminal.error(readable.text(language), language)
            return usage
        case let exit as ExitCode:
            return exit.rawValue
        default:
            // The parser's own errors: help, version, bad flags.
            let code = NGOMatch.exitCode(for: error)
            let message = NGOMatch.fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            // The parser's own words stay English; its "Error:" reads as the command's language.
            let prefix = "Error: "
            Terminal.note(
                message.hasPrefix(prefix) && language != .en
                    ? Messages.text("cli.error", language, String(message.dropFirst(prefix.count))) : message)
            return code == .validationFailure ? usage : failure
        }
    }
}

/// A mistake in how a command was called that the parser cannot see.
/// The first lines of a long report and how many more there are: an import of 100,000 bad
/// records should not scroll 200,000 lines past the reader.
func shortened(_ report: String, lines limit: Int = 60) -> String {
    let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count > limit else { return report }
    let more = Messages.text("cli.moreLines", ExitStatus.language, "\(lines.count - limit)")
    return (lines.prefix(limit) + [Substring(more)]).joined(separator: "\n")
}

struct UsageError: Error, Readable {
    let phrase: Phrase
    init(_ phrase: Phrase) { self.phrase = phrase }
    init(_ key: String, _ values: any PhraseValue...) { self.phrase = .message(key, values.map(\.phrase)) }
}
