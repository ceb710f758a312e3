/// What a token may do.
package enum Role: Hashable, Sendable, CustomStringConvertible {
    /// Everything.
    case ministry
    /// Register and update the needs of one province.
    case province(ProvinceID)
    /// Update one NGO's own profile.
    case ngo(NGOID)

    /// `ministry`, `province:cao-bang` or `ngo:wwf-vietnam`.
    package init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("ministry", 1): self = .ministry
        case ("province", 2): self = .province(ProvinceID(parts[1]))
        case ("ngo", 2): self = .ngo(NGOID(parts[1]))
        default: return nil
        }
    }

    package var description: String {
        switch self {
        case .ministry: "ministry"
        case .province(let id): "province:\(id)"
        case .ngo(let id): "ngo:\(id)"
        }
    }
}

/// A role is kept in its written form, `province:cao-bang`, wherever it is stored.
extension Role: WrittenForm {
    package static let writtenFormExpected = "ministry, province:ID or ngo:ID"
}
