import Foundation
import HTTPTypes
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

@testable import NGOMatchWeb

/// Reports owed under Decree 58 on the web, each role signed in with a token of its own: the
/// ministry sees who is late, the NGO records a report as sent and nobody else may, the
/// province sees only the plans due to it, and the CSV reads back.
@Suite(.timeLimit(.minutes(5)))
struct WebReportTests {
    /// MCNV's certificate issued on 1 June 2027 for Cao Bằng and Hà Giang (Tuyên Quang since
    /// the merger): its plans are due on 3 August 2027, the 45th working day after.
    func certify(_ fixture: WebFixture) throws {
        _ = try fixture.service.updateNGO(
            "MCNV",
            changes: .object([
                "registration": .object([
                    "kind": .string("operation-registration"), "issued": .string("2027-06-01"),
                    "expires": .string("2030-05-31"), "areas": .array([.string("Cao Bằng"), .string("Hà Giang")]),
                    "fields": .array([.string("health")]),
                ])
            ]), caller: .local("test"))
    }

    @Test func theNGORecordsAPlanAsSentAndTheMinistrySeesWhoIsLate() async throws {
        let fixture = try WebFixture(auth: true)
        try certify(fixture)
        let mcnv = try fixture.token(.ngo(NGOID("mcnv")))
        let wwf = try fixture.token(.ngo(try fixture.service.registry.ngo(named: "WWF").id))
        let province = try fixture.token(.province(ProvinceID("cao-bang")))
        let ministry = try fixture.token(.ministry)

        try await fixture.browse { browser in
            try await browser.signIn(token: wwf)
            _ = try await browser.get("/reports")
            let refused = try await browser.post(
                "/reports/file", [("ngo", "mcnv"), ("kind", "implementation-plan"), ("province", "cao-bang")])
            #expect(refused.status == .forbidden)
        }
        try await fixture.browse { browser in
            try await browser.signIn(token: mcnv)
            let own = try await browser.get("/reports?ngo=mcnv")
            #expect(!own.html.contains(#"action="/reports/settings""#), "the day is the ministry's to move")
            #expect(own.html.contains("the plan of activities to Cao Bằng") && own.html.contains("Record as sent"))
            #expect(!own.html.contains("ActionAid"), "an NGO sees only its own duties")
            let sent = try await browser.post(
                "/reports/file",
                [("ngo", "mcnv"), ("kind", "implementation-plan"), ("province", "cao-bang"), ("back", "/reports")])
            #expect(sent.status == .seeOther && sent.headers[.location] == "/reports")
            let after = try await browser.get("/reports")
            #expect(after.html.contains("Recorded as sent: the plan of activities to Cao Bằng."))
            #expect(after.html.contains("Take back"))
        }
        try await fixture.browse { browser in
            try await browser.signIn(token: province)
            let page = try await browser.get("/reports?on=2027-08-10")
            #expect(page.html.contains("the plan of activities to Cao Bằng") && page.html.contains(">filed<"))
            #expect(!page.html.contains("Tuyên Quang") && !page.html.contains("the annual report for"))
            #expect(!page.html.contains("Record as sent"), "a province records no NGO's reports")
        }
        try await fixture.browse { browser in
            try await browser.signIn(token: ministry)
            // Every other seeded NGO owes its 2026 annual report by then; MCNV, certified in 2027,
            // owes only Tuyên Quang's plan.
            let late = try await browser.get("/reports?state=late&on=2027-08-10")
            #expect(late.html.contains("the plan of activities to Tuyên Quang") && late.html.contains("7 days late"))
            #expect(late.html.contains("ActionAid Vietnam") && late.html.contains("235 days late"))
            #expect(try await browser.get("/reports?state=late&ngo=mcnv&on=2027-08-10").html.contains("Late: 1"))
            #expect(!late.html.contains("the plan of activities to Cao Bằng"))
            let csv = try await browser.get("/reports.csv?ngo=mcnv&on=2027-08-10")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let rows = csv.html.split(separator: "\r\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false)
            }
            #expect(
                rows.first == [
                    "ngo", "ngo_name", "kind", "province", "period", "due", "state", "filed_on", "days_late",
                ])
            let tuyenQuang = try #require(rows.first { $0.count > 3 && $0[3] == "tuyen-quang" })
            #expect(tuyenQuang[5] == "2027-08-03" && tuyenQuang[6] == "late" && tuyenQuang[8] == "7")
            let caoBang = try #require(rows.first { $0.count > 3 && $0[3] == "cao-bang" })
            #expect(caoBang[6] == "filed" && caoBang[7] == CalendarDate.today.description)
            // The ministry moves the day reports count from: Plan International's plans of 2021,
            // untracked until then, are late.
            let before = try await browser.get("/reports?ngo=plan-international-vietnam&state=late")
            #expect(before.html.contains("Late: 0") && before.html.contains(#"action="/reports/settings""#))
            let moved = try await browser.post("/reports/settings", [("trackedSince", "2021-01-01")])
            #expect(moved.status == .seeOther)
            let after = try await browser.get("/reports?ngo=plan-international-vietnam&state=late")
            #expect(!after.html.contains("Late: 0") && after.html.contains("the plan of activities to"))
        }
    }
}
