import NGOMatchCore
import NGOMatchSeeds

/// The reference data compiled into the binary, read once for all tests.
enum Seeds {
    static let reference: ReferenceData = {
        do {
            return try ReferenceData(
                provincesJSON: SeedFile.text(SeedFile.provinces)!, sectorsJSON: SeedFile.text(SeedFile.sectors)!)
        } catch {
            fatalError("the seed files do not parse: \(error)")
        }
    }()

    static let reader = RecordReader(reference: reference)
}
