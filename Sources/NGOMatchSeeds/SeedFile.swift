/// The seed and rule files compiled into the binary.
package enum SeedFile {
    package static let provinces = "seeds/provinces.json"
    package static let sectors = "seeds/sectors.json"
    package static let demoNGOs = "seeds/demo/ngos.jsonl"
    package static let demoNeeds = "seeds/demo/needs.jsonl"
    /// An illustrative meeting event, open for answers, in the event file format.
    package static let demoEvent = "seeds/demo/event.json"
    /// The communes since 2025 and those before, derived by scripts/build-communes.py.
    package static let communes = "seeds/admin/communes.tsv"
    package static let formerCommunes = "seeds/admin/former-communes.tsv"
    /// The 34 units' boundaries as SVG paths, derived by scripts/build-map.py.
    package static let provinceMap = "seeds/admin/map.tsv"
    /// The same boundaries in longitude and latitude, derived by scripts/build-boundaries.py.
    package static let provinceBoundaries = "seeds/admin/boundaries.tsv"
    /// The stages of a pair and the approval dossier's items, until the ministry replaces them.
    package static let approvalChecklist = "rules/approval/checklist.yaml"
    /// Vietnam's public holidays, for deadlines in working days.
    package static let holidays = "seeds/calendar/vn-holidays.yaml"

    /// The text of a compiled-in file, by its path in the package.
    package static func text(_ path: String) -> String? { EmbeddedSeeds.files[path] }

    /// The names of the shipped rule sets (`default`, …), from `rules/NAME.yaml`; the folders
    /// under `rules/` hold other data checked the same way (the approval checklist).
    package static var ruleSetNames: [String] {
        EmbeddedSeeds.files.keys.filter { $0.hasPrefix("rules/") && $0.hasSuffix(".yaml") }
            .map { String($0.dropFirst("rules/".count).dropLast(".yaml".count)) }.filter { !$0.contains("/") }
            .sorted()
    }

    package static func ruleSet(_ name: String) -> String? { text("rules/\(name).yaml") }
}
