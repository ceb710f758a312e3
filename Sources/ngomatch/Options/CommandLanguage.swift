import Foundation
import NGOMatchCore

/// The language a run speaks: `--lang vi|en` anywhere on the command line, else
/// `$NGOMATCH_LANG`, else English. One parser, read before the command's own options: an error
/// may come before they are parsed, and commands without output (import, backup…) speak it too.
enum CommandLanguage {
    /// The arguments without `--lang` and its value, and the language they asked for.
    /// - Throws: a usage error naming the languages when the value is not one.
    static func taken(from arguments: [String]) throws -> (language: Language?, rest: [String]) {
        var rest: [String] = []
        var language: Language?
        var position = 0
        while position < arguments.count {
            let argument = arguments[position]
            var value: String?
            if argument == "--lang", position + 1 < arguments.count {
                value = arguments[position + 1]
                position += 1
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
            } else if argument == "--" {
                rest += arguments[position...]
                break
            } else {
                rest.append(argument)
            }
            position += 1
            if let value {
                guard let chosen = Language(rawValue: value) else {
                    throw UsageError(.notOneOf(value, Language.allCases.map(\.rawValue)))
                }
                language = chosen
            }
        }
        return (language, rest)
    }

    /// This run's language, read once: every message of a run asks for it.
    static let current: Language = {
        let asked = (try? taken(from: Array(CommandLine.arguments.dropFirst())))?.language
        return asked ?? ProcessInfo.processInfo.environment["NGOMATCH_LANG"].flatMap(Language.init(rawValue:)) ?? .en
    }()
}
