import Foundation

/// The facts every registry shares: provinces, regions and the sector taxonomy.
package struct ReferenceData: Sendable {
    package let provinces: ProvinceDirectory
    package let taxonomy: Taxonomy
    /// The communes, when the seeds are at hand; read on first use.
    let communeCatalog: CommuneCatalog?

    package init(provinces: ProvinceDirectory, taxonomy: Taxonomy, communes: CommuneCatalog? = nil) {
        self.provinces = provinces
        self.taxonomy = taxonomy
        communeCatalog = communes
    }

    /// The communes and former communes; empty when this reference data was made without them.
    package var communes: CommuneDirectory {
        communeCatalog?.directory(provinces: provinces)
            ?? CommuneDirectory(communes: "", former: "", provinces: provinces)
    }

    /// Reads the seed files' JSON (`seeds/provinces.json`, `seeds/sectors.json`).
    /// - Throws: `DecodingError` when a file does not have the seed shape.
    package init(provincesJSON: String, sectorsJSON: String, communes: CommuneCatalog? = nil) throws {
        let decoder = JSONDecoder()
        let provinceFile = try decoder.decode(ProvinceFile.self, from: Data(provincesJSON.utf8))
        let sectorFile = try decoder.decode(SectorFile.self, from: Data(sectorsJSON.utf8))
        let regions = provinceFile.regions.map { Region(id: $0.id, name: LocalizedName(vi: $0.nameVi, en: $0.nameEn)) }
        let provinces = provinceFile.provinces.map {
            Province(
                id: $0.id, name: LocalizedName(vi: $0.nameVi, en: $0.nameEn), kind: $0.kind, code: $0.gso ?? "",
                region: $0.region,
                latitude: $0.lat, longitude: $0.lon, mergedFrom: $0.mergedFrom, otherNames: $0.otherNames ?? [])
        }
        var sectors: [Sector] = []
        func add(_ node: SectorNode, parent: SectorID?) {
            sectors.append(
                Sector(
                    id: node.id, name: LocalizedName(vi: node.nameVi, en: node.nameEn), parent: parent,
                    dacCodes: node.dac, policyMarkers: node.policyMarkers ?? []))
            for child in node.children ?? [] { add(child, parent: node.id) }
        }
        for node in sectorFile.sectors { add(node, parent: nil) }
        self.init(
            provinces: ProvinceDirectory(provinces: provinces, regions: regions), taxonomy: Taxonomy(sectors: sectors),
            communes: communes)
    }

    private struct ProvinceFile: Decodable {
        struct RegionEntry: Decodable {
            let id: RegionID
            let nameVi: String
            let nameEn: String
        }
        struct ProvinceEntry: Decodable {
            let id: ProvinceID
            let nameVi: String
            let nameEn: String
            let kind: Province.Kind
            let gso: String?
            let region: RegionID
            let lat: Double
            let lon: Double
            let mergedFrom: [String]
            let otherNames: [String]?
        }
        let regions: [RegionEntry]
        let provinces: [ProvinceEntry]
    }

    private struct SectorFile: Decodable {
        let sectors: [SectorNode]
    }

    private struct SectorNode: Decodable {
        let id: SectorID
        let nameVi: String
        let nameEn: String
        let dac: [String]
        let policyMarkers: [String]?
        let children: [SectorNode]?
    }
}
