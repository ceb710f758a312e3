/// The seed and rule files compiled into the binary.
public enum SeedFile {
    public static let provinces = "seeds/provinces.json"
    public static let sectors = "seeds/sectors.json"
    public static let demoNGOs = "seeds/demo/ngos.jsonl"
    public static let demoNeeds = "seeds/demo/needs.jsonl"
    /// An illustrative meeting event, open for answers, in the event file format.
    public static let demoEvent = "seeds/demo/event.json"
    /// The communes since 2025 and those before, derived by scripts/build-communes.py.
    public static let communes = "seeds/admin/communes.tsv"
    public static let formerCommunes = "seeds/admin/former-communes.tsv"
    /// The 34 units' boundaries as SVG paths, derived by scripts/build-map.py.
    public static let provinceMap = "seeds/admin/map.tsv"

    /// The text of a compiled-in file, by its path in the package.
    public static func text(_ path: String) -> String? { EmbeddedSeeds.files[path] }

    /// The names of the shipped rule sets (`default`, …), from `rules/NAME.yaml`.
    public static var ruleSetNames: [String] {
        EmbeddedSeeds.files.keys.filter { $0.hasPrefix("rules/") && $0.hasSuffix(".yaml") }
            .map { String($0.dropFirst("rules/".count).dropLast(".yaml".count)) }.sorted()
    }

    public static func ruleSet(_ name: String) -> String? { text("rules/\(name).yaml") }
}
