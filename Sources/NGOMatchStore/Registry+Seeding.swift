import GRDB
import NGOMatchCore
import NGOMatchPlanner
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
        _ = try ImportRun.run(documents, reference: reference, writes: true, db)
        if let text = SeedFile.text(SeedFile.demoEvent) {
            try seedEvent(Event.read(JSONParser.parse(text), source: SeedFile.demoEvent), reference: reference, db)
        }
    }

    /// The demo event names its participants by id: no lookup is needed, only their names.
    private static func seedEvent(_ file: Event, reference: ReferenceData, _ db: Database) throws {
        func participant(_ written: Event.Participant, _ side: EventParticipant.Side) throws -> EventParticipant {
            let name =
                side == .province
                ? reference.provinces.find(written.id)?.name.vi
                : try String.fetchOne(db, sql: "SELECT name FROM ngo WHERE id = ?", arguments: [written.id])
            return EventParticipant(
                side: side, id: written.id, name: name ?? written.id, maxMeetings: written.maxMeetings,
                minMeetings: written.minMeetings, unavailable: written.unavailable, languages: written.languages,
                delegation: written.delegation, contact: written.contact)
        }
        let provinces = Set(file.provinces.map(\.id))
        let event = MeetingEvent(
            id: "gap-go-2026", name: file.name, nameEn: file.nameEn, date: file.date, start: file.start,
            slotMinutes: file.slotMinutes ?? 20, slots: file.slots, breaks: file.breaks, tables: file.tables,
            tableLabels: file.tableLabels, rules: file.rules, minScore: file.minScore, status: .open,
            participants: try file.provinces.map { try participant($0, .province) }
                + file.ngos.map { try participant($0, .ngo) },
            wishes: file.requests.map { request in
                let fromProvince = provinces.contains(request.from)
                return EventWish(
                    province: fromProvince ? request.from : request.to, ngo: fromProvince ? request.to : request.from,
                    from: fromProvince ? .province : .ngo, weight: request.weight, reason: request.reason)
            })
        try insertEvent(event, db)
    }
}
