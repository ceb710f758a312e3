/// A commune, ward or special zone since 1 July 2025, directly under its province or city.
public struct Commune: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case commune
        case ward
        case specialZone = "special administrative region"

        public var name: LocalizedName {
            switch self {
            case .commune: LocalizedName(vi: "Xã", en: "Commune")
            case .ward: LocalizedName(vi: "Phường", en: "Ward")
            case .specialZone: LocalizedName(vi: "Đặc khu", en: "Special zone")
            }
        }
    }

    /// The official code (GSO), five digits.
    public let code: String
    public let name: String
    public let nameEn: String
    public let kind: Kind
    public let province: ProvinceID
}

/// A commune as it was before 1 July 2025, and the commune it became.
public struct FormerCommune: Hashable, Sendable, Codable {
    public let code: String
    public let name: String
    /// The district it was in; the district level was abolished with the merger.
    public let district: String
    /// The province as it was then ("Tỉnh Hà Giang").
    public let province: String
    /// The commune it became.
    public let became: String
    public let unit: ProvinceID
}
