/// A commune, ward or special zone since 1 July 2025, directly under its province or city.
package struct Commune: Hashable, Sendable, Codable {
    package enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case commune
        case ward
        case specialZone = "special administrative region"

        package var name: LocalizedName {
            switch self {
            case .commune: LocalizedName(vi: "Xã", en: "Commune")
            case .ward: LocalizedName(vi: "Phường", en: "Ward")
            case .specialZone: LocalizedName(vi: "Đặc khu", en: "Special zone")
            }
        }
    }

    /// The official code (GSO), five digits.
    package let code: String
    package let name: String
    package let nameEn: String
    package let kind: Kind
    package let province: ProvinceID
}

/// A commune as it was before 1 July 2025, and the commune it became.
package struct FormerCommune: Hashable, Sendable, Codable {
    package let code: String
    package let name: String
    /// The district it was in; the district level was abolished with the merger.
    package let district: String
    /// The province as it was then ("Tỉnh Hà Giang").
    package let province: String
    /// The commune it became.
    package let became: String
    package let unit: ProvinceID
}
