import NGOMatchCore
import NGOMatchSeeds
import Testing

/// Points placed in their unit by the embedded boundaries. The yardsticks are places whose
/// unit is known independently of the boundary file: the centres in `seeds/provinces.json`
/// (a different source) and city landmarks.
@Suite struct ProvinceBoundariesTests {
    static let boundaries = ProvinceBoundaries(SeedFile.text(SeedFile.provinceBoundaries) ?? "")

    @Test func landmarksLieInTheirUnits() {
        let landmarks: [(String, Double, Double, String)] = [
            ("Hoàn Kiếm lake, Hà Nội", 21.0285, 105.8522, "01"),
            ("the Citadel, Huế", 16.4698, 107.5786, "46"),
            ("Bến Thành market, TP Hồ Chí Minh", 10.7725, 106.6980, "79"),
            ("Cao Bằng town", 22.6657, 106.2577, "04"),
            ("Buôn Ma Thuột, now Đắk Lắk", 12.6667, 108.0500, "66"),
        ]
        for (place, latitude, longitude, code) in landmarks {
            #expect(Self.boundaries.unit(latitude: latitude, longitude: longitude) == code, "\(place)")
        }
    }

    @Test func everyUnitsCentreLiesInThatUnit() {
        let reference = Seeds.reference
        var outside: [String] = []
        for province in reference.provinces.provinces {
            let found = Self.boundaries.unit(latitude: province.latitude, longitude: province.longitude)
            if found != province.code { outside.append("\(province.name.vi) (\(province.code)) → \(found ?? "none")") }
        }
        #expect(reference.provinces.provinces.count == 34)
        // Điện Biên's centre in provinces.json (21.7, 102.9), rounded to a tenth of a degree,
        // falls a few kilometres across the Lao border; Python's own ray casting on the source
        // GeoJSON agrees. Every other centre lies in its unit.
        #expect(outside == ["Điện Biên (11) → none"], "\(outside)")
        #expect(Self.boundaries.unit(latitude: 21.386, longitude: 103.017) == "11", "Điện Biên Phủ")
    }

    @Test func pointsOutsideVietnamLieInNoUnit() {
        #expect(Self.boundaries.unit(latitude: 13.7563, longitude: 100.5018) == nil, "Bangkok")
        #expect(Self.boundaries.unit(latitude: 11.0, longitude: 110.0) == nil, "open sea")
        #expect(Self.boundaries.unit(latitude: 0, longitude: 0) == nil)
    }
}
