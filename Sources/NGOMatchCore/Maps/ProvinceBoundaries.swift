/// The 34 units' boundaries in longitude and latitude (`seeds/admin/boundaries.tsv`, made by
/// scripts/build-boundaries.py from public, MIT-licensed boundaries simplified to about 1 km):
/// enough to tell which unit a published point lies in.
package struct ProvinceBoundaries: Sendable {
    private struct Ring: Sendable {
        let longitudes: [Double]
        let latitudes: [Double]
        let box: (west: Double, south: Double, east: Double, north: Double)
    }

    /// Each unit's rings by GSO code; a unit's outer rings and holes alike, for the even-odd rule.
    private let rings: [(code: String, rings: [Ring])]

    /// - Parameter text: a line per unit: code, tab, polygons split by `;`, rings by `|`,
    ///   points by spaces, each `longitude,latitude`.
    package init(_ text: String) {
        var units: [(String, [Ring])] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2 else { continue }
            var unitRings: [Ring] = []
            for polygon in fields[1].split(separator: ";") {
                for ring in polygon.split(separator: "|") {
                    var longitudes: [Double] = []
                    var latitudes: [Double] = []
                    for point in ring.split(separator: " ") {
                        let parts = point.split(separator: ",")
                        guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) else { continue }
                        longitudes.append(lon)
                        latitudes.append(lat)
                    }
                    guard longitudes.count >= 3 else { continue }
                    unitRings.append(
                        Ring(
                            longitudes: longitudes, latitudes: latitudes,
                            box: (longitudes.min()!, latitudes.min()!, longitudes.max()!, latitudes.max()!)))
                }
            }
            units.append((String(fields[0]), unitRings))
        }
        rings = units.map { (code: $0.0, rings: $0.1) }
    }

    /// The GSO code of the unit whose boundary holds the point, or nil when none does (the sea,
    /// another country, or within a kilometre of a border the simplification moved).
    package func unit(latitude: Double, longitude: Double) -> String? {
        for unit in rings {
            var inside = false
            for ring in unit.rings
            where longitude >= ring.box.west && longitude <= ring.box.east && latitude >= ring.box.south
                && latitude <= ring.box.north
            {
                if Self.contains(ring, latitude: latitude, longitude: longitude) { inside.toggle() }
            }
            if inside { return unit.code }
        }
        return nil
    }

    /// Ray casting towards the east: inside when the ray crosses the ring an odd number of times.
    private static func contains(_ ring: Ring, latitude: Double, longitude: Double) -> Bool {
        var inside = false
        var previous = ring.longitudes.count - 1
        for current in ring.longitudes.indices {
            let (x1, y1) = (ring.longitudes[current], ring.latitudes[current])
            let (x2, y2) = (ring.longitudes[previous], ring.latitudes[previous])
            if (y1 > latitude) != (y2 > latitude) {
                let crossing = x1 + (latitude - y1) * (x2 - x1) / (y2 - y1)
                if longitude < crossing { inside.toggle() }
            }
            previous = current
        }
        return inside
    }
}
