import Foundation
import NGOMatchCore

/// The web pages' words come from the one catalogue (`Messages`). Templates read them as
/// `{{t.key}}`; Swift code through `text(_:)`, with `{0}`, `{1}` for values.
enum WebText {
    static func table(_ language: Language) -> [String: String] { Messages.table(language) }

    static func text(_ key: String, _ language: Language, _ values: String...) -> String {
        Messages.text(key, language, values)
    }

    static func text(_ key: String, _ language: Language, _ values: [String]) -> String {
        Messages.text(key, language, values)
    }
}
