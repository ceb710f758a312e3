import Foundation

/// Finds provinces by any name a person might type.
///
/// Ids, Vietnamese names with or without diacritics, English names, other
/// common names, and the names of provinces merged away in 2025 all resolve.
package struct ProvinceDirectory: Sendable {
    /// How a typed name led to its province.
    package enum Route: Hashable, Sendable {
        case current
        /// The name of a former province, merged into the result on 1 July 2025.
        case formerProvince(String)
    }

    package struct Match: Hashable, Sendable {
        package let province: Province
        package let route: Route
    }

    package let provinces: [Province]
    package let regions: [Region]
    private let byID: [ProvinceID: Int]
    private let byKey: [String: [(index: Int, route: Route)]]
    /// The names as the seeds spell them, each standing for one province: what an export
    /// writes and an import reads back, found without folding them.
    private let byName: [String: (index: Int, route: Route)]
    private let regionByID: [RegionID: Region]

    package init(provinces: [Province], regions: [Region]) {
        self.provinces = provinces
        self.regions = regions
        var byID: [ProvinceID: Int] = [:]
        var byKey: [String: [(index: Int, route: Route)]] = [:]
        var spellings: [(name: String, key: String)] = []
        func add(_ name: String, _ index: Int, _ route: Route) {
            let keys = Self.keys(for: name)
            spellings.append((name, keys[0]))
            for key in keys where !(byKey[key]?.contains { $0.index == index } ?? false) {
                byKey[key, default: []].append((index, route))
            }
        }
        for (index, province) in provinces.enumerated() {
            byID[province.id] = index
            add(province.id.rawValue.replacingOccurrences(of: "-", with: " "), index, .current)
            add(province.name.vi, index, .current)
            add(province.name.en, index, .current)
            for name in province.mergedFrom { add(name, index, .formerProvince(name)) }
            for name in province.otherNames { add(name, index, .current) }
        }
        var byName: [String: (index: Int, route: Route)] = [:]
        for (name, key) in spellings {
            if let hits = byKey[key], hits.count == 1 { byName[name] = hits[0] }
        }
        self.byID = byID
        self.byKey = byKey
        self.byName = byName
        self.regionByID = Dictionary(uniqueKeysWithValues: regions.map { ($0.id, $0) })
    }

    package subscript(id: ProvinceID) -> Province? { byID[id].map { provinces[$0] } }

    package func region(_ id: RegionID) -> Region? { regionByID[id] }

    /// The one province the name stands for, or nil; cheaper than `resolve` when a miss is expected.
    package func find(_ name: String) -> Province? {
        if let index = byID[ProvinceID(name)] { return provinces[index] }
        if let hit = byName[name] { return provinces[hit.index] }
        for key in Self.keys(for: name) {
            if let hits = byKey[key] { return hits.count == 1 ? provinces[hits[0].index] : nil }
        }
        return nil
    }

    /// - Throws: `LookupError` when the name matches no province or several.
    package func resolve(_ name: String) throws(LookupError) -> Match {
        if let index = byID[ProvinceID(name)] { return Match(province: provinces[index], route: .current) }
        if let hit = byName[name] { return Match(province: provinces[hit.index], route: hit.route) }
        for key in Self.keys(for: name) {
            guard let hits = byKey[key] else { continue }
            if hits.count == 1 { return Match(province: provinces[hits[0].index], route: hits[0].route) }
            throw LookupError(
                kind: "province", input: name,
                problem: .ambiguous(
                    candidates: hits.map { "\(provinces[$0.index].name.vi) (\(provinces[$0.index].id))" }))
        }
        let names = provinces.flatMap { [$0.name.vi] + $0.mergedFrom }
        throw LookupError(
            kind: "province", input: name, problem: .unknown(suggestions: Suggestions.closest(to: name, among: names)))
    }

    /// The folded name, and the folded name without a "province"/"city" prefix or suffix.
    static func keys(for name: String) -> [String] {
        let folded = NameKey.fold(name)
        var keys = [folded]
        for prefix in ["tinh ", "thanh pho ", "tp ", "province of "] where folded.hasPrefix(prefix) {
            keys.append(String(folded.dropFirst(prefix.count)))
        }
        for suffix in [" province", " city"] where folded.hasSuffix(suffix) {
            keys.append(String(folded.dropLast(suffix.count)))
        }
        return keys
    }
}
