import Foundation
import HTTPTypes
import HummingbirdTesting
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService
import NGOMatchStore
import Testing

/// Rule set pages and the what-if comparison (issue 16).
@Suite(.timeLimit(.minutes(10)))
struct RulePageTests {
    static let valid = """
        name: water-first
        description: Water and sanitation first.
        minimumScore: 20
        factors:
          sectorFit: {weight: 50}
          geography: {weight: 20}
          funding: {weight: 15}
          targetGroups: {weight: 5}
          timeframe: {weight: 5}
          trackRecord: {weight: 5}
        """

    @Test func everyoneReadsRuleSetsAndTheMinistryAddsOne() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let list = try await browser.get("/rules")
            #expect(list.html.contains(#"<a href="/rules/default">default</a>"#))
            let detail = try await browser.get("/rules/default")
            #expect(detail.html.contains("Sector fit") && detail.html.contains("minimumScore"))
            #expect(try await browser.get("/rules/nonesuch").status == .notFound)

            let bad = try await browser.post(
                "/rules", [("name", "water-first"), ("text", "factors:\n  sectorFitt: 3\n")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.html.contains("sectorFitt"), "the problem names the field")
            #expect(bad.html.contains("sectorFitt: 3"), "the typed text is kept")
            #expect(throws: (any Error).self) { try fixture.service.rules("water-first") }

            let added = try await browser.post("/rules", [("name", "water-first"), ("text", Self.valid)])
            #expect(added.status == .seeOther)
            let shown = try await browser.get("/rules/water-first")
            #expect(shown.html.contains("Water and sanitation first.") && shown.html.contains("Versions"))
            _ = try await browser.post("/rules/water-first/remove", [])
            #expect(try await browser.get("/rules").html.contains("/rules/water-first") == false)
        }
    }

    @Test func theWhatIfPageShowsEachNGOsMoveAndWhy() async throws {
        let fixture = try WebFixture()
        let result = try fixture.service.compare(CompareParams(need: "cao-bang-1", rules: ["default", "underserved"]))
        let rows = try #require(result.comparisons.first?.rows)
        try await fixture.browse { browser in
            let page = try await browser.get("/rules/compare?need=cao-bang-1&before=default&after=underserved")
            #expect(page.status == .ok)
            for row in rows { #expect(page.html.contains(HTMLAgenda.escape(row.name))) }
            #expect(page.html.contains("Underserved province +"), "the factor that moved the scores")
            let missing = try await browser.get("/rules/compare?need=nope&before=default&after=climate")
            #expect(
                missing.html.contains(#"<p class="warning" role="alert">"#) && missing.html.contains("&#39;nope&#39;"),
                "an unknown need is reported, not just echoed in the form")
            let need = try await browser.get("/needs/cao-bang-1")
            #expect(need.html.contains("/rules/compare?need=cao-bang-1"))
        }
    }

    @Test func onlyTheMinistryChangesRuleSets() async throws {
        let fixture = try WebFixture(auth: true)
        let (token, _) = try fixture.service.registry.createToken(
            role: .province("cao-bang"), audit: AuditEntry(actor: "test", method: "tokens.create"))
        try await fixture.browse { browser in
            try await browser.get("/signin")
            _ = try await browser.post("/signin", [("token", token), ("back", "/")])
            let list = try await browser.get("/rules")
            #expect(list.status == .ok && !list.html.contains(#"action="/rules""#))
            #expect(try await browser.post("/rules", [("name", "mine"), ("text", Self.valid)]).status == .forbidden)
        }
    }
}
