/// The languages ngomatch speaks to its users.
package enum Language: String, CaseIterable, Sendable, Codable {
    case vi
    case en
}

/// A name in Vietnamese and English.
package struct LocalizedName: Hashable, Sendable, Codable {
    package var vi: String
    package var en: String

    package init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    package func `in`(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}
