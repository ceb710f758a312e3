/// Names of the seed files a new registry starts from.
public enum SeedFile {
    public static let provinces = "provinces.json"
    public static let sectors = "sectors.json"
    public static let demoNGOs = "demo/ngos.jsonl"
    public static let demoNeeds = "demo/needs.jsonl"

    /// The text of a seed file compiled into the binary.
    public static func text(_ name: String) -> String? { EmbeddedSeeds.files[name] }
}
