import Foundation
import HTTPTypes
import HummingbirdTesting
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

/// The ministry's dashboard: the coverage map follows the registry, the figures download, and
/// only the ministry sees it (issue 16).
@Suite(.timeLimit(.minutes(10)))
struct DashboardTests {
    /// The colour class the map gives a unit, read from the page as a browser would draw it.
    static func colourClass(_ html: String, unit: String) -> String? {
        guard let range = html.range(of: #"data-unit="\#(unit)" data-class=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func theMapShowsANewNeedInItsUnitsClass() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let before = try await browser.get("/dashboard?measure=openNeeds")
            #expect(before.status == .ok)
            #expect(before.html.contains(#"<svg xmlns="http://www.w3.org/2000/svg""#))
            #expect(before.html.contains(#"<a href="/needs?province=cao-bang""#))
            let classBefore = try #require(Self.colourClass(before.html, unit: "lai-chau"))
            // Lai Châu gets four more open needs: more than any unit has, so the darkest class.
            for number in 1...4 {
                _ = try fixture.service.registerNeed(
                    .object([
                        "province": .string("Lai Châu"), "title": .string("Need \(number)"),
                        "sectors": .string("health:5"), "fundingGapUSD": .number(100_000),
                        "timeframe": .object(["start": .string("2026-06-01"), "end": .string("2027-06-30")]),
                    ]), caller: .local("t"), method: "needs.register")
            }
            let after = try await browser.get("/dashboard?measure=openNeeds")
            let classAfter = try #require(Self.colourClass(after.html, unit: "lai-chau"))
            #expect(classAfter != classBefore)
            let coverage = try fixture.service.coverage(CoverageParams(measure: "openNeeds"))
            #expect(Int(classAfter) == coverage.map.classes.count - 1, "the most open needs: the darkest class")
            #expect(after.html.contains("Lai Châu</a></td><td>"), "the figures are in a table too")
            // The figure and its legend, in Vietnamese.
            let vietnamese = try await browser.get("/dashboard?measure=openNeeds&lang=vi")
            #expect(vietnamese.html.contains("nhu cầu đang mở"))
        }
    }

    @Test func everyFigureDownloadsAndTheMapIsAFileOfItsOwn() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let map = try await browser.get("/dashboard/map.svg?measure=unservedNeeds&sector=health")
            #expect(map.status == .ok)
            #expect(map.headers[.contentType] == "image/svg+xml")
            #expect(map.html.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
            #expect(!map.html.contains("<a href"), "a file has no links into the server")
            #expect(map.html.utf8.count <= 150_000)
            let provinces = try await browser.get("/dashboard/provinces.csv?measure=fundingGap")
            #expect(provinces.headers[.contentType] == "text/csv; charset=utf-8")
            let rows = provinces.html.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(rows.first == "province,name,code,measure,value,class")
            #expect(rows.count == 35)
            for figure in ["sectors.csv", "weak-needs.csv"] {
                let page = try await browser.get("/dashboard/\(figure)")
                #expect(page.status == .ok && page.html.contains("\r\n"), "\(figure)")
            }
            #expect(try await browser.get("/dashboard/secrets.csv").status == .notFound)
            #expect(try await browser.get("/dashboard?sector=helth").status == .badRequest)
        }
    }

    @Test func theFollowUpCountsThePairsAndTheLateReports() async throws {
        let fixture = try WebFixture()
        let pairs = try fixture.service.registry.pipelinePairs().count
        _ = try fixture.service.expressInterest(
            InterestExpressParams(need: "cao-bang-1", ngo: "WWF", message: "Shall we talk?", from: .province),
            caller: .local("test"))
        try await fixture.browse { browser in
            let page = try await browser.get("/dashboard")
            // One more pair than the registry held, none stalled yet; no report late on the day
            // filings began to be kept.
            #expect(page.html.contains("Pipeline: \(pairs + 1) pairs on their way to a project, 0 stalled"), "\(pairs)")
            #expect(page.html.contains(#"<a href="/reports?state=late">Reports under Decree 58: 0 late</a>"#))
        }
    }

    @Test func onlyTheMinistrySeesTheDashboard() async throws {
        let fixture = try WebFixture(auth: true)
        try await fixture.browse { browser in
            let (token, _) = try fixture.service.registry.createToken(
                role: .province("cao-bang"), audit: AuditEntry(actor: "test", method: "tokens.create"))
            try await browser.get("/signin")
            _ = try await browser.post("/signin", [("token", token), ("back", "/")])
            #expect(try await browser.get("/dashboard").status == .forbidden)
            #expect(try await browser.get("/dashboard/map.svg").status == .forbidden)
            #expect(try await browser.get("/dashboard/weak-needs.csv").status == .forbidden)
        }
    }
}
