import Foundation
import HTTPTypes
import HummingbirdTesting
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

/// Tokens made, shown once and revoked, and the audit trail, from the ministry's pages (issue 16).
@Suite(.timeLimit(.minutes(10)))
struct AdminPageTests {
    @Test func aTokenIsShownOnceWorksAndIsRevoked() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            try await browser.get("/admin/tokens")
            let made = try await browser.post(
                "/admin/tokens", [("role", "province:ha giang"), ("note", "Tuyên Quang DPI")])
            #expect(made.status == .ok)
            let start = try #require(made.html.range(of: #"<code class="token">"#)).upperBound
            let token = String(made.html[start...].prefix { $0 != "<" })
            #expect(token.hasPrefix("ngm_"))
            #expect(made.html.contains("province:tuyen-quang"), "a former province name makes the unit's token")
            let resolved = try #require(try fixture.service.role(ofToken: token))
            #expect(resolved.role == .province("tuyen-quang"))
            let again = try await browser.get("/admin/tokens")
            #expect(!again.html.contains(token), "shown once: the list has only its id")
            _ = try await browser.post("/admin/tokens/\(resolved.id)/revoke", [])
            #expect(try fixture.service.role(ofToken: token) == nil)
            #expect(try await browser.get("/admin/tokens").html.contains("revoked: it no longer signs in"))
            _ = try await browser.post("/admin/tokens", [("role", "province:Cao Bangg")])
            #expect(try await browser.get("/admin/tokens").html.contains("did you mean"))
        }
    }

    @Test func theAuditLogFiltersAndPages() async throws {
        let fixture = try WebFixture()
        for amount in 1...60 {
            _ = try fixture.service.updateNeed(
                "cao-bang-2", changes: .object(["fundingGapUSD": .number(Double(amount * 1000))]),
                caller: .local("planner-desk"), method: "needs.update")
        }
        _ = try fixture.service.setPairRule(
            EventPairParams(event: "gap-go-2026", province: "Cao Bằng", ngo: "MCNV", rule: "avoid"),
            caller: .local("web"))
        try await fixture.browse { browser in
            let first = try await browser.get("/admin/audit")
            #expect(first.html.contains("events.pair") && first.html.contains("planner-desk"))
            #expect(first.html.contains("50 of "), "the page says how many lines there are in all")
            let older = try #require(first.html.range(of: #"<a href="/admin/audit?after="#))
            let link = "/admin/audit?after=" + String(first.html[older.upperBound...].prefix { $0 != "\"" })
            let second = try await browser.get(link.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.html.contains("needs.update"))
            let filtered = try await browser.get("/admin/audit?what=events")
            #expect(filtered.html.contains("events.pair") && !filtered.html.contains("planner-desk"))
        }
    }

    @Test func onlyTheMinistryAdministers() async throws {
        let fixture = try WebFixture(auth: true)
        try await fixture.browse { browser in
            let (token, _) = try fixture.service.registry.createToken(
                role: .ngo("mcnv"), audit: AuditEntry(actor: "test", method: "tokens.create"))
            try await browser.get("/signin")
            _ = try await browser.post("/signin", [("token", token), ("back", "/")])
            #expect(try await browser.get("/admin/tokens").status == .forbidden)
            #expect(try await browser.get("/admin/audit").status == .forbidden)
            #expect(try await browser.post("/admin/tokens", [("role", "ministry")]).status == .forbidden)
        }
    }
}
