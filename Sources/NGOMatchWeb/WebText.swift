import Foundation
import NGOMatchCore

/// The web pages' words come from the one catalogue (`Messages`). Templates read them as
/// `{{t.key}}`; Swift code through `text(_:)`, with `{0}`, `{1}` for values.
enum WebText {
    /// Every text of the catalogue in `language`, as templates read it (`{{t.key}}`); made once.
    static func table(_ language: Language) -> PageValue { language == .vi ? vietnamese : english }

    private static let vietnamese = PageValue.record(Messages.table(.vi).mapValues(PageValue.text))
    private static let english = PageValue.record(Messages.table(.en).mapValues(PageValue.text))

    static func text(_ key: String, _ language: Language, _ values: String...) -> String {
        Messages.text(key, language, values)
    }

    static func text(_ key: String, _ language: Language, _ values: [String]) -> String {
        Messages.text(key, language, values)
    }
}
