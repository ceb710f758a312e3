import GRDB
import NGOMatchCore
import NGOMatchSeeds

extension Registry {
    /// Fills a new registry with the reference data compiled into the binary,
    /// and the demo records when asked.
    static func seed(_ db: Database, with seeding: Seeding) throws {
        let reference = try ReferenceData.embedded()
        for name in [SeedFile.provinces, SeedFile.sectors] {
            let content = SeedFile.text(name) ?? ""
            try db.execute(sql: "INSERT INTO reference_file (name, content) VALUES (?, ?)", arguments: [name, content])
        }
        for province in reference.provinces.provinces {
            try db.execute(
                sql: "INSERT INTO province (id, name_vi, name_en, region) VALUES (?, ?, ?, ?)",
                arguments: [province.id.rawValue, province.name.vi, province.name.en, province.region.rawValue])
        }
        for sector in reference.taxonomy.sectors {
            try db.execute(
                sql: "INSERT INTO sector (id, parent_id, name_vi, name_en) VALUES (?, ?, ?, ?)",
                arguments: [sector.id.rawValue, sector.parent?.rawValue, sector.name.vi, sector.name.en])
        }
        try db.execute(sql: "INSERT INTO registry_info (key, value) VALUES ('created_at', ?)", arguments: [now()])
        guard case .demo = seeding else { return }
        var documents: [ImportDocument] = []
        for name in [SeedFile.demoNGOs, SeedFile.demoNeeds] {
            guard let text = SeedFile.text(name) else { continue }
            documents.append(try ImportDocument(bytes: Array(text.utf8), fileName: name))
        }
        let batch = try ImportBatch.read(documents, reference: reference, db)
        try batch.write(db)
    }
}
