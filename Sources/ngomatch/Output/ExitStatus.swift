import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchPostgres
import NGOMatchService
import NGOMatchStore

/// The one place errors become exit statuses: 2 when the user can fix the input, 1 otherwise.
enum ExitStatus {
    static let usage: Int32 = 2
    static let failure: Int32 = 1

    private static var language: Language { CommandLanguage.current }

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
        case let store as PostgresStoreError:
            // The server or the way to it, not the command's words.
            Terminal.error(store.text(language), language)
            return failure
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
    let more = Messages.text("cli.moreLines", CommandLanguage.current, "\(lines.count - limit)")
    return (lines.prefix(limit) + [Substring(more)]).joined(separator: "\n")
}

struct UsageError: Error, Readable {
    let phrase: Phrase
    init(_ phrase: Phrase) { self.phrase = phrase }
    init(_ key: String, _ values: any PhraseValue...) { self.phrase = .message(key, values.map(\.phrase)) }
}
