/// Words for a person, kept as a catalogue key and its values until the reader's language is
/// known: errors are made deep in the core, long before a door knows whom it is talking to.
package indirect enum Phrase: Hashable, Sendable, CustomStringConvertible {
    /// A name, a number, something a person typed: printed as it is in every language.
    case verbatim(String)
    /// A catalogue key (`Messages`) and the values for its `{0}`, `{1}`…
    case message(String, [Phrase])
    /// Parts printed one after another.
    case sequence([Phrase])
    /// Names offered as alternatives, quoted, joined with the language's "or": `'a', 'b' or 'c'`.
    case alternatives([String])

    /// The catalogue message `key` with `values` (texts and numbers verbatim, phrases rendered).
    package static func key(_ key: String, _ values: any PhraseValue...) -> Phrase {
        .message(key, values.map(\.phrase))
    }

    /// " — did you mean 'a' or 'b'?", or nothing when no name is close.
    package static func didYouMean(_ names: [String]) -> Phrase {
        names.isEmpty ? .sequence([]) : .message("lookup.didYouMean", [.alternatives(names)])
    }

    /// "'x' is not one of a, b, c — did you mean 'b'?"
    package static func notOneOf(_ input: String, _ choices: [String]) -> Phrase {
        .sequence([
            .key("problem.notOneOf", input, choices.joined(separator: ", ")),
            Suggestions.phrase(for: input, among: choices),
        ])
    }

    /// The words of `.key(key, values…)` in `language`, without making the phrase: a book of
    /// agendas or an explained ranking fills hundreds of messages, and every case of this
    /// indirect enum, one per value, is a heap allocation.
    package static func text(_ key: String, _ values: [any PhraseValue], in language: Language) -> String {
        Messages.text(key, language, values.map { $0.text(language) })
    }

    package func text(_ language: Language) -> String {
        switch self {
        case .verbatim(let text): text
        case .message(let key, let values): Messages.text(key, language, values.map { $0.text(language) })
        case .sequence(let parts): parts.map { $0.text(language) }.joined()
        case .alternatives(let names):
            Suggestions.list(names.map { "'\($0)'" }, or: Messages.text("lookup.or", language))
        }
    }

    /// The catalogue key a program can rely on across languages; the first one for a sequence.
    package var key: String? {
        switch self {
        case .verbatim, .alternatives: nil
        case .message(let key, _): key
        case .sequence(let parts): parts.lazy.compactMap(\.key).first
        }
    }

    package var description: String { text(.en) }
}

/// What may fill a placeholder of a `Phrase`.
package protocol PhraseValue {
    var phrase: Phrase { get }
    /// The value's words in `language`: for plain values, without making a `Phrase` first.
    func text(_ language: Language) -> String
}

extension PhraseValue {
    package func text(_ language: Language) -> String { phrase.text(language) }
}

extension Phrase: PhraseValue {
    package var phrase: Phrase { self }
}

extension String: PhraseValue {
    package var phrase: Phrase { .verbatim(self) }
    package func text(_ language: Language) -> String { self }
}

extension Substring: PhraseValue {
    package var phrase: Phrase { .verbatim(String(self)) }
}

extension Int: PhraseValue {
    package var phrase: Phrase { .verbatim(String(self)) }
    package func text(_ language: Language) -> String { String(self) }
}

extension Double: PhraseValue {
    /// Whole numbers without a fraction ("7", not "7.0"), as people write them.
    package var phrase: Phrase {
        .verbatim(rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self))
    }
}

/// Errors that can speak the reader's language. Every door prints an error through this, so a
/// message written once reads the same in the CLI, the protocol, MCP and the web.
package protocol Readable {
    var phrase: Phrase { get }
}

extension Readable {
    package func text(_ language: Language) -> String { phrase.text(language) }
}

extension Phrase {
    /// What an error says, as a phrase when it can speak every language, else its own words.
    package static func of(_ error: any Error) -> Phrase {
        (error as? any Readable)?.phrase ?? .verbatim("\(error)")
    }

    /// Parts joined by a separator printed as it is ("\n", ": ").
    package static func joined(_ parts: [Phrase], separator: String) -> Phrase {
        var items: [Phrase] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { items.append(.verbatim(separator)) }
            items.append(part)
        }
        return .sequence(items)
    }
}

extension Identifier: PhraseValue {
    package var phrase: Phrase { .verbatim(rawValue) }
}
