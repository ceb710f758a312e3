import NGOMatchCore

/// An IATI file to import: a path the local user named (read as a stream), or the bytes a
/// remote client sent (it never names a server file).
package struct IATISource: Sendable {
    package enum Content: Sendable {
        case path(String)
        case bytes([UInt8])
    }

    /// What the report calls it.
    package let name: String
    package let content: Content

    package init(name: String, content: Content) {
        self.name = name
        self.content = content
    }
}

/// What an IATI import did, or would do, with every activity of every file.
package struct IATIImportReport: Hashable, Sendable, Codable {
    package struct Activity: Hashable, Sendable, Codable {
        package let identifier: String
        package let file: String
        package let line: Int
        /// `added`, `updated`, `unchanged`, `skipped`, or `replaced` by a later file's version.
        package let outcome: String
        package let ngo: String?
        /// `reporter` or `implementer`.
        package let role: String?
        package let sectors: [String]
        package let provinces: [String]
        /// Why it was skipped or replaced, in the reader's language.
        package let reason: String?
    }

    package let checkOnly: Bool
    package let activities: [Activity]

    package func count(_ outcome: String) -> Int { activities.filter { $0.outcome == outcome }.count }
}
