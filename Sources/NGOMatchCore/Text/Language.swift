/// The languages ngomatch speaks to its users.
public enum Language: String, CaseIterable, Sendable, Codable {
    case vi
    case en
}

/// A name in Vietnamese and English.
public struct LocalizedName: Hashable, Sendable, Codable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func `in`(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}
