import Foundation

/// A provincial-level unit in force since 1 July 2025.
package struct Province: Hashable, Sendable, Codable {
    package enum Kind: String, Sendable, Codable {
        /// Tỉnh.
        case province
        /// Thành phố trực thuộc trung ương: a centrally-run city.
        case city
    }

    package let id: ProvinceID
    package let name: LocalizedName
    package let kind: Kind
    /// The official code of the General Statistics Office ("01" Hà Nội, "04" Cao Bằng).
    package let code: String
    package let region: RegionID
    /// An approximate geographic centre, for distances between provinces.
    package let latitude: Double
    package let longitude: Double
    /// Vietnamese names of the former provinces merged into this one on 1 July 2025.
    package let mergedFrom: [String]
    /// Other names people use: English spellings, abbreviations, names before
    /// a change of status (Thừa Thiên Huế).
    package let otherNames: [String]

    package init(
        id: ProvinceID, name: LocalizedName, kind: Kind, code: String = "", region: RegionID,
        latitude: Double, longitude: Double, mergedFrom: [String] = [], otherNames: [String] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.code = code
        self.region = region
        self.latitude = latitude
        self.longitude = longitude
        self.mergedFrom = mergedFrom
        self.otherNames = otherNames
    }

    /// "centrally-run city" or "province", in either language.
    package var kindName: LocalizedName {
        kind == .city
            ? LocalizedName(vi: "Thành phố trực thuộc trung ương", en: "Centrally-run city")
            : LocalizedName(vi: "Tỉnh", en: "Province")
    }

    /// Great-circle distance in kilometres between the two centres.
    package func distance(to other: Province) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.latitude - latitude) * radians
        let dLon = (other.longitude - longitude) * radians
        let a =
            sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 6371 * 2 * atan2(a.squareRoot(), (1 - a).squareRoot())
    }
}
