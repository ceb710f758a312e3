import NGOMatchCore
import NGOMatchSeeds

extension ReferenceData {
    /// The provinces and sectors compiled into the binary, without opening a registry.
    public static func embedded() throws -> ReferenceData {
        try ReferenceData(
            provincesJSON: SeedFile.text(SeedFile.provinces) ?? "", sectorsJSON: SeedFile.text(SeedFile.sectors) ?? "")
    }
}
