import Mustache

/// A value a template reads, of a kind the compiler knows: text, a number, a yes or no, a list,
/// or a record of named values. An absent value, and an empty text, read as missing, so
/// `{{#key}}…{{/key}}` shows nothing for them.
enum PageValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([PageValue])
    case record([String: PageValue])
    case absent
}

/// A page's values, or one row's: what its template names, each of a kind a page can show.
typealias PageRecord = [String: any PageConvertible]

/// What a template can show: turned into a `PageValue` once, when the page is rendered.
protocol PageConvertible: Sendable {
    var pageValue: PageValue { get }
}

extension PageValue: PageConvertible {
    var pageValue: PageValue { self }
}

extension String: PageConvertible {
    var pageValue: PageValue { .text(self) }
}

extension Substring: PageConvertible {
    var pageValue: PageValue { .text(String(self)) }
}

extension Int: PageConvertible {
    var pageValue: PageValue { .number(self) }
}

extension Bool: PageConvertible {
    var pageValue: PageValue { .flag(self) }
}

extension Optional: PageConvertible where Wrapped: PageConvertible {
    var pageValue: PageValue { self?.pageValue ?? .absent }
}

extension Array: PageConvertible where Element: PageConvertible {
    var pageValue: PageValue { .list(map(\.pageValue)) }
}

extension Dictionary: PageConvertible where Key == String, Value == any PageConvertible {
    var pageValue: PageValue { .record(mapValues(\.pageValue)) }
}

extension PageValue: MustacheCustomRepresentation {
    var representation: Any? {
        switch self {
        case .text(let text): text.isEmpty ? nil : text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let list): list
        case .record(let record): record
        case .absent: nil
        }
    }
}
