import NGOMatchCore
import NGOMatchSeeds

extension ReferenceData {
    /// The provinces and sectors compiled into the binary, without opening a registry.
    package static func embedded() throws -> ReferenceData {
        try ReferenceData(
            provincesJSON: SeedFile.text(SeedFile.provinces) ?? "", sectorsJSON: SeedFile.text(SeedFile.sectors) ?? "",
            communes: embeddedCommunes)
    }

    /// The communes compiled into the binary, parsed on first use.
    package static let embeddedCommunes = CommuneCatalog {
        (SeedFile.text(SeedFile.communes) ?? "", SeedFile.text(SeedFile.formerCommunes) ?? "")
    }

    /// The 34 units' boundaries compiled into the binary, for placing published points.
    package static let embeddedBoundaries = ProvinceBoundaries(SeedFile.text(SeedFile.provinceBoundaries) ?? "")
}
