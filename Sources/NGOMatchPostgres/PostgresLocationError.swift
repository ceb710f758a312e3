import NGOMatchCore

/// A `postgres://` location that cannot be used, and how to write it.
package enum PostgresLocationError: Error, Hashable, Sendable, CustomStringConvertible {
    case notAURL(String)
    case passwordInURL
    case unknownSetting(String, suggestions: [String])
    case badPort(String)
    case unknownTLSMode(String, suggestions: [String])
    /// The password file gives other users its passwords: libpq would ignore it; we say so.
    case passwordFileOpen(path: String, mode: String)

    package var description: String { text(.en) }
}

extension PostgresLocationError: Readable {
    package var phrase: Phrase {
        switch self {
        case .notAURL(let text): .key("postgres.notAURL", text)
        case .passwordInURL: .key("postgres.passwordInURL")
        case .unknownSetting(let name, let suggestions):
            .sequence([.key("postgres.unknownSetting", name), .didYouMean(suggestions)])
        case .badPort(let text): .key("postgres.badPort", text)
        case .unknownTLSMode(let text, let suggestions):
            .sequence([.key("postgres.unknownTLSMode", text), .didYouMean(suggestions)])
        case .passwordFileOpen(let path, let mode): .key("postgres.passwordFileOpen", path, mode)
        }
    }
}
