import NGOMatchCore

/// Why an activity adds nothing to a track record, in words a ministry officer can act on.
package enum IATISkip: Error, Hashable, Sendable, Codable, Readable {
    /// No activity-level `recipient-country` VN.
    case noVietnam
    /// The publisher is not an NGO (`reporting-org/@type`, OrganisationType).
    case notAnNGO(type: String?, name: String?)
    /// Neither the publisher nor an implementer is a registry NGO by its IATI identifier.
    case unknownOrganisation(ref: String?, name: String?, suggestion: String?)
    /// No sector in a vocabulary ngomatch maps (DAC 5- or 3-digit), or none of its codes.
    case sectorsUnmapped(seen: [String])
    /// A location names no unit ngomatch knows, and gives no point to place it.
    case placeNotFound(name: String, suggestions: [String])
    /// ngomatch's own export of a partnership, counted here as a partnership already.
    case ownExport

    package var phrase: Phrase {
        switch self {
        case .noVietnam:
            .key("iati.skip.noVietnam")
        case .notAnNGO(let type, let name):
            .key("iati.skip.notAnNGO", name ?? "?", type ?? "?")
        case .unknownOrganisation(let ref, let name, let suggestion):
            if let suggestion {
                .key("iati.skip.unknownWithSuggestion", name ?? "?", ref ?? "?", suggestion)
            } else {
                .key("iati.skip.unknownOrganisation", name ?? "?", ref ?? "?")
            }
        case .sectorsUnmapped(let seen):
            .key("iati.skip.sectorsUnmapped", seen.isEmpty ? "—" : seen.joined(separator: ", "))
        case .placeNotFound(let name, let suggestions):
            .sequence([.key("iati.skip.placeNotFound", name), .didYouMean(suggestions)])
        case .ownExport:
            .key("iati.skip.ownExport")
        }
    }
}
