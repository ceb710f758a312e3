import Foundation
import HTTPTypes
import HummingbirdTesting
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing
import ZIPFoundation

/// The ministry's registry pages (issue 16): import by upload, export and backup downloads,
/// the agendas' zip, and the directories with their filters and downloads.
@Suite(.timeLimit(.minutes(10)))
struct RegistryPageTests {
    static let badNeeds = #"""
        type,id,province,title,sectors,fundingGapUSD,timeframe.start,timeframe.end
        need,upload-1,Cao Bằng,"Clean water for Hà Quảng schools, ""urgent""",water.drinking-water:4,20000,2027-01-01,2027-12-31
        need,upload-2,Ha Giang,Flood shelters,helth:3,5000,2027-01-01,2027-12-31

        """#.replacingOccurrences(of: "\n", with: "\r\n")

    @Test func anUploadWithOneBadRecordChangesNothingAndSaysWhatToFix() async throws {
        let fixture = try WebFixture()
        let before = try fixture.service.registry.counts().needs
        try await fixture.browse { browser in
            try await browser.get("/admin/import")
            let refused = try await browser.upload(
                "/admin/import", [("action", "import")], files: [("files", "needs.csv", Self.badNeeds)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("needs.csv line 3"), "file and line")
            #expect(refused.html.contains("need &#39;upload-2&#39;"), "the record")
            #expect(refused.html.contains("did you mean &#39;health&#39;"), "the fix")
            #expect(refused.html.contains("Nothing was imported"))
            #expect(try fixture.service.registry.counts().needs == before, "all or nothing")

            let fixed = Self.badNeeds.replacingOccurrences(of: "helth:3", with: "health:3")
            let checked = try await browser.upload(
                "/admin/import", [("action", "check")], files: [("files", "needs.csv", fixed)])
            #expect(checked.status == .ok && checked.html.contains("Nothing was written"))
            #expect(try fixture.service.registry.counts().needs == before, "check only writes nothing")

            let imported = try await browser.upload(
                "/admin/import", [("action", "import")],
                files: [("files", "needs.csv", fixed), ("files", "more.jsonl", "")])
            #expect(imported.status == .ok, "\(imported.html)")
            #expect(imported.html.contains("0 NGOs, 2 needs and 0 partnerships"))
            let need = try fixture.service.need(NeedGetParams(id: "upload-1"))
            #expect(need.title == #"Clean water for Hà Quảng schools, "urgent""#)
            #expect(need.province == "cao-bang")
            #expect(try fixture.service.need(NeedGetParams(id: "upload-2")).province == "tuyen-quang")
            let audit = try fixture.service.registry.auditLines(limit: 5, before: nil, actor: nil, method: "import")
                .lines
            #expect(audit.first?.actor == "web", "the import is audited with its door")
        }
    }

    /// The import's report speaks the reader's language down to the file's line (issue 19).
    @Test func theImportReportIsVietnameseForAVietnameseReader() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            try await browser.get("/admin/import?lang=vi")
            let refused = try await browser.upload(
                "/admin/import?lang=vi", [("action", "import")], files: [("files", "needs.csv", Self.badNeeds)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("needs.csv dòng 3"), "file and line")
            #expect(refused.html.contains("1 bản ghi không hợp lệ (1 lỗi)"))
            #expect(refused.html.contains("nhu cầu &#39;upload-2&#39;"), "the record")
            #expect(refused.html.contains("không tìm thấy lĩnh vực &#39;helth&#39; — có phải là &#39;health&#39;?"))
            for english in ["line 3", "did you mean", "unknown sector", "Nothing was imported"] {
                #expect(!refused.html.contains(english), "'\(english)' on the Vietnamese page")
            }
        }
    }

    @Test func aFileThatIsNotReadableIsReportedAndNothingIsWritten() async throws {
        let fixture = try WebFixture()
        let before = try fixture.service.registry.counts()
        try await fixture.browse { browser in
            try await browser.get("/admin/import")
            let page = try await browser.upload(
                "/admin/import", [("action", "import")],
                files: [("files", "good.csv", Self.badNeeds), ("files", "broken.json", "[{\"type\": \"need\",")])
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("broken.json"))
            let none = try await browser.upload("/admin/import", [("action", "import")], files: [])
            #expect(none.status == .badRequest && none.html.contains("Choose at least one file"))
            let notMultipart = try await browser.post("/admin/import", [("action", "import")])
            #expect(notMultipart.status == .badRequest)
        }
        #expect(try fixture.service.registry.counts() == before)
    }

    /// JSON Lines are parsed a record at a time: a broken line is told with the other records'
    /// problems, by its line, and nothing is written.
    @Test func aBrokenLineOfJSONLinesIsToldByItsLineAndNothingIsWritten() async throws {
        let fixture = try WebFixture()
        let before = try fixture.service.registry.counts()
        let lines = [
            #"{"type":"ngo","name":"Upload NGO","country":"France","sectors":"health:3"}"#,
            #"{"type":"ngo","name":"Cut short"#,
            #"{"type":"ngo","name":"Typo NGO","country":"Japan","sectors":"helth:3"}"#,
        ].joined(separator: "\n")
        try await fixture.browse { browser in
            try await browser.get("/admin/import")
            let page = try await browser.upload(
                "/admin/import", [("action", "import")], files: [("files", "ngos.jsonl", lines)])
            #expect(page.status == .unprocessableContent)
            #expect(page.html.contains("ngos.jsonl line 2"), "\(page.html)")
            #expect(page.html.contains("not valid JSON (a string that is never closed at column"))
            #expect(page.html.contains("ngos.jsonl line 3"))
            #expect(page.html.contains("2 records are not valid (2 problems)"), "the count, not a catalogue key")
            #expect(page.html.contains("did you mean &#39;health&#39;"))
            #expect(page.html.contains("Nothing was imported"))
        }
        #expect(try fixture.service.registry.counts() == before)
    }

    /// The seeded NGOs and needs by id, as their files give them: each field's value in canonical JSON.
    static func seedRecords() throws -> [String: [String: Data]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var records: [String: [String: Data]] = [:]
        for file in ["seeds/demo/ngos.jsonl", "seeds/demo/needs.jsonl"] {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                records[try #require(record["id"] as? String)] = try record.mapValues { try canonical($0)! }
            }
        }
        return records
    }

    static func canonical(_ value: Any?) throws -> Data? {
        try value.map { try JSONSerialization.data(withJSONObject: [$0], options: .sortedKeys) }
    }

    @Test func exportAndBackupDownloadsReadBack() async throws {
        let fixture = try WebFixture()
        let counts = try fixture.service.registry.counts()
        let seeds = try Self.seedRecords()
        #expect(seeds.count == counts.ngos + counts.needs)
        try await fixture.browse { browser in
            for format in ExportFormat.allCases {
                let page = try await browser.get("/admin/export?format=\(format.rawValue)")
                #expect(page.status == .ok)
                #expect(page.headers[.contentDisposition]?.contains(".\(format.rawValue)\"") == true)
                let document = try ImportDocument(bytes: page.bytes, fileName: "export.\(format.rawValue)")
                let ids = try document.records.compactMap { record -> String? in
                    if case .string(let id)? = record.value["id"] { return id }
                    return nil
                }
                #expect(ids.sorted() == seeds.keys.sorted(), "\(format): every seeded record, once")
                guard format == .jsonl else { continue }
                // Read without the project's reader, each record has every field the seed gave it.
                for line in page.bytes.split(separator: UInt8(ascii: "\n")) {
                    let record = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
                    let id = try #require(record["id"] as? String)
                    for (field, value) in try #require(seeds[id]) {
                        #expect(try Self.canonical(record[field]) == value, "\(id).\(field)")
                    }
                }
            }
            #expect(try await browser.get("/admin/export?format=xlsx").status == .badRequest)
            let backup = try await browser.get("/admin/backup")
            #expect(backup.status == .ok)
            #expect(backup.bytes.starts(with: Array("SQLite format 3\0".utf8)))
            let file = fixture.folder.appendingPathComponent("downloaded.sqlite")
            try Data(backup.bytes).write(to: file)
            let copy = try Registry.open(at: file.path).registry
            #expect(try copy.counts() == counts)
        }
    }

    @Test func onlyTheMinistryImportsExportsAndBacksUp() async throws {
        let fixture = try WebFixture(auth: true)
        let (token, _) = try fixture.service.registry.createToken(
            role: .province("cao-bang"), audit: AuditEntry(actor: "test", method: "tokens.create"))
        try await fixture.browse { browser in
            try await browser.get("/signin")
            _ = try await browser.post("/signin", [("token", token), ("back", "/")])
            #expect(try await browser.get("/admin/import").status == .forbidden)
            let upload = try await browser.upload(
                "/admin/import", [("action", "import")], files: [("files", "needs.csv", Self.badNeeds)])
            #expect(upload.status == .forbidden)
            #expect(try await browser.get("/admin/export?format=csv").status == .forbidden)
            #expect(try await browser.get("/admin/backup").status == .forbidden)
            #expect(try await browser.get("/events/gap-go-2026/agendas.zip").status == .forbidden)
        }
        #expect(throws: ServiceError.self) {
            try fixture.service.exportRecords(caller: .token(id: "x", role: .ngo("mcnv")))
        }
    }

    @Test func theAgendasZipHoldsEveryAgendaAndCalendar() async throws {
        let fixture = try WebFixture()
        _ = try fixture.service.planEvent(
            EventPlanParams(event: "gap-go-2026", publish: "preliminary"), caller: .local("t"))
        try await fixture.browse { browser in
            let page = try await browser.get("/events/gap-go-2026")
            #expect(page.html.contains("/events/gap-go-2026/agendas.zip"))
            let zip = try await browser.get("/events/gap-go-2026/agendas.zip")
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            let archive = try Archive(data: Data(zip.bytes), accessMode: .read)
            let paths = archive.map(\.path)
            #expect(paths.contains("master.html"))
            #expect(paths.contains("provinces/cao-bang.html") && paths.contains("calendars/provinces/cao-bang.ics"))
            #expect(paths.contains { $0.hasPrefix("ngos/") })
            var calendar = Data()
            _ = try archive.extract(archive["calendars/provinces/cao-bang.ics"]!) { calendar.append($0) }
            let text = String(decoding: calendar, as: UTF8.self)
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.contains("BEGIN:VEVENT"))
        }
    }
}
