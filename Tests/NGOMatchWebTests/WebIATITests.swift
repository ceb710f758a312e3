import Foundation
import HTTPTypes
import HummingbirdTesting
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

/// IATI activity files uploaded on the web: the report of every activity, all or nothing, and
/// an NGO office importing only its own.
@Suite(.timeLimit(.minutes(5)))
struct WebIATITests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/reference/iati/vietnam/vn-ingo-2.03.xml").path

    static func fixture() throws -> WebFixture {
        let fixture = try WebFixture()
        _ = try fixture.service.registerNGO(
            .object([
                "name": .string("Oxfam Novib"), "country": .string("Netherlands"), "sectors": .string("governance:3"),
                "iatiOrganisation": .string("NL-KVK-27108436"),
            ]), caller: .local("test"))
        return fixture
    }

    @Test func theMinistryUploadsTheRealFileAndSeesEveryActivity() async throws {
        let fixture = try Self.fixture()
        let content = try String(contentsOfFile: Self.file, encoding: .utf8)
        try await fixture.browse { browser in
            let page = try await browser.get("/iati")
            #expect(page.status == .ok && page.html.contains("IATI activity files"))
            let checked = try await browser.upload(
                "/iati", [("action", "check")], files: [("files", "vn-ingo-2.03.xml", content)])
            #expect(checked.status == .ok)
            #expect(checked.html.contains("13 activities read: 8 would be added"), "\(checked.html.prefix(400))")
            #expect(try fixture.service.iatiRecords(of: "oxfam-novib").isEmpty, "check only")
            let imported = try await browser.upload(
                "/iati", [("action", "import")], files: [("files", "vn-ingo-2.03.xml", content)])
            #expect(imported.html.contains("8 added"))
            #expect(imported.html.contains(#"<a href="/ngos/oxfam-novib">oxfam-novib</a>"#))
            #expect(try fixture.service.iatiRecords(of: "oxfam-novib").count == 8)
            let audit = try fixture.service.registry.auditLines(
                limit: 5, before: nil, actor: nil, method: "iati.import")
            #expect(audit.lines.first?.actor == "web", "audited with its door")
        }
    }

    @Test func aBrokenFileIsToldWhereAndNothingIsWritten() async throws {
        let fixture = try Self.fixture()
        let content = try String(contentsOfFile: Self.file, encoding: .utf8)
        try await fixture.browse { browser in
            _ = try await browser.get("/iati")
            let refused = try await browser.upload(
                "/iati", [("action", "import")],
                files: [
                    ("files", "vn-ingo-2.03.xml", content),
                    ("files", "broken.xml", "<iati-activities version=\"2.03\">\n<iati-activity>\n</iati-activities>"),
                ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("broken.xml line 3"), "\(refused.html.prefix(600))")
            #expect(refused.html.contains("Nothing was imported"))
            #expect(try fixture.service.iatiRecords(of: "oxfam-novib").isEmpty)
        }
    }
}
