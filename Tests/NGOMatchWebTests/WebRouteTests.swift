import Foundation
import HTTPTypes
import HummingbirdTesting
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

/// Every route in process: pages, roles, CSRF, validation beside the fields, escaping.
@Suite(.timeLimit(.minutes(10)))
struct WebRouteTests {
    static let validNeed: [(String, String)] = [
        ("province", "cao-bang"), ("title", "Commune health stations"), ("fundingGapUSD", "250,000"),
        ("start", "2026-03-01"), ("end", "2027-12-31"), ("sector.health.primary-care", "5"),
        ("targetGroups", "women"), ("source", "Meeting with foreign NGOs 2025"),
    ]

    @Test func theLocalUserIsTheMinistryAndEveryPageCarriesTheSecurityHeaders() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.html.contains("Ministry (this computer)"))
            #expect(home.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(home.headers[.xContentTypeOptions] == "nosniff")
            #expect(browser.cookie?.hasPrefix("ngomatch_session=") == true)
            let needs = try await browser.get("/needs?province=ha%20giang")
            #expect(needs.html.contains("Needs of Tuyên Quang"))
            #expect(needs.html.contains("Hà Giang was merged into Tuyên Quang on 1 July 2025."))
            let need = try await browser.get("/needs/cao-bang-1")
            #expect(need.html.contains("Health Poverty Action"))
            #expect(need.html.contains("<svg class=\"bar\""))
            #expect(need.html.contains("Why this score"))
            let css = try await browser.get("/static/app.css")
            #expect(css.headers[.cacheControl] == "public, max-age=31536000, immutable")
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    @Test func missingPagesAndRecordsGetAPageThatSaysSo() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let need = try await browser.get("/needs/cao-bang-99")
            #expect(need.status == .notFound)
            // The registry's own words, with the needs the reader may have meant.
            #expect(need.html.contains("no need with id &#39;cao-bang-99&#39; — did you mean &#39;cao-bang-1&#39;"))
            let page = try await browser.get("/no/such/page")
            #expect(page.status == .notFound)
            #expect(page.html.contains("Page not found"))
            let vietnamese = try await browser.get("/no/such/page?lang=vi")
            #expect(vietnamese.html.contains("Không tìm thấy trang"))
            #expect(vietnamese.html.contains("<html lang=\"vi\">"))
        }
    }

    /// A filter or cursor typed into the address that leads nowhere is the reader's mistake, said
    /// in their language with the fix; a scanner found these pages answering 500 (issue 34).
    @Test func aFilterThatLeadsNowhereIsABadRequestWithItsFix() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let sector = try await browser.get("/ngos/mcnv/needs?sector=helth")
            #expect(sector.status == .badRequest)
            #expect(sector.html.contains("unknown sector &#39;helth&#39; — did you mean &#39;health&#39;?"))
            let region = try await browser.get("/ngos/mcnv/needs?region=qq")
            #expect(region.status == .badRequest)
            #expect(region.html.contains("qq"))
            let cursor = try await browser.get("/admin/audit?after=zzz")
            #expect(cursor.status == .badRequest)
            #expect(!cursor.html.contains("Something went wrong"))
            let vietnamese = try await browser.get("/ngos/mcnv/needs?sector=helth&lang=vi")
            #expect(vietnamese.status == .badRequest)
            #expect(vietnamese.html.contains("<html lang=\"vi\">"))
            #expect(!vietnamese.html.contains("unknown sector"), "the message is not in Vietnamese")
        }
    }

    @Test func aFormWithoutItsTokenIsRefusedAndChangesNothing() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            try await browser.get("/needs/new")
            let refused = try await browser.post("/needs/new", Self.validNeed, csrf: "forged")
            #expect(refused.status == .forbidden)
            #expect(refused.html.contains("came from another site"))
            #expect(try fixture.service.needs(NeedsListParams(province: "cao-bang")).count == 3)
        }
    }

    @Test func aNeedWithAMistakeIsShownAgainWithTheProblemBesideItsField() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            try await browser.get("/needs/new")
            var fields = Self.validNeed.filter { $0.0 != "sector.health.primary-care" }
            fields = fields.map { $0.0 == "end" ? ("end", "2025-01-01") : $0 }
            let refused = try await browser.post("/needs/new", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("nothing was saved"))
            #expect(refused.html.contains("Choose at least one sector and give it a level."))
            #expect(refused.html.contains(#"id="end-error""#))
            // The form's own wording in Vietnamese too, chosen by the problem's key, not its English.
            try await browser.get("/needs/new?lang=vi")
            let vietnamese = try await browser.post("/needs/new?lang=vi", fields)
            #expect(vietnamese.html.contains("Chọn ít nhất một lĩnh vực và mức độ cho lĩnh vực đó."))
            #expect(!vietnamese.html.contains("at least one sector"))
            // What was typed is kept.
            #expect(refused.html.contains(#"value="Commune health stations""#))
            #expect(refused.html.contains(#"value="women" checked"#))
            #expect(try fixture.service.needs(NeedsListParams(province: "cao-bang")).count == 3)

            let saved = try await browser.post("/needs/new", Self.validNeed)
            #expect(saved.status == .seeOther)
            let page = try await browser.get(saved.headers[.location] ?? "")
            #expect(page.html.contains("Registered need cao-bang-4."))
            #expect(page.html.contains("Commune health stations"))
            #expect(try fixture.service.need(NeedGetParams(id: "cao-bang-4")).fundingGapUSD == 250_000)
        }
    }

    @Test func aStaleFormSavesNothingAndSaysWhy() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let form = try await browser.get("/needs/cao-bang-2/edit")
            let opened = try #require(form.html.range(of: #"name="updatedAt" value=""#)).upperBound
            let seen = String(form.html[opened...].prefix { $0 != "\"" })
            // Someone else saves in between.
            _ = try fixture.service.updateNeed(
                "cao-bang-2", changes: .object(["fundingGapUSD": .number(1)]), caller: .local("other"),
                method: "needs.update")
            let fields =
                NeedFormValues.fields(try fixture.service.need(NeedGetParams(id: "cao-bang-2")))
                .map { $0.0 == "title" ? ("title", "My new title") : $0 } + [("updatedAt", seen)]
            let stale = try await browser.post("/needs/cao-bang-2/edit", fields)
            #expect(stale.status == .conflict)
            #expect(stale.html.contains("Someone changed this record since you opened the form"))
            #expect(stale.html.contains(#"value="My new title""#))
            #expect(try fixture.service.need(NeedGetParams(id: "cao-bang-2")).title != "My new title")
        }
    }

    @Test func aNeedsCommunesAreShownByNameInItsFormAndSavedAgainUnchanged() async throws {
        let fixture = try WebFixture()
        _ = try fixture.service.updateNeed(
            "cao-bang-2", changes: .object(["communes": .array([.string("xã Trường Hà, huyện Hà Quảng")])]),
            caller: .local("t"), method: "needs.update")
        try await fixture.browse { browser in
            let form = try await browser.get("/needs/cao-bang-2/edit")
            #expect(form.html.contains("Trường Hà (01392)"))
            let opened = try #require(form.html.range(of: #"name="updatedAt" value=""#)).upperBound
            let seen = String(form.html[opened...].prefix { $0 != "\"" })
            let fields =
                NeedFormValues.fields(try fixture.service.need(NeedGetParams(id: "cao-bang-2")))
                + [("communes", "Trường Hà (01392)"), ("updatedAt", seen)]
            let saved = try await browser.post("/needs/cao-bang-2/edit", fields)
            #expect(saved.status == .seeOther, "\(saved.html)")
            #expect(try fixture.service.need(NeedGetParams(id: "cao-bang-2")).communes == ["01392"])
        }
    }

    @Test func hostileNamesAreEscapedOnEveryPage() async throws {
        let fixture = try WebFixture()
        let hostile = "<script>alert(1)</script>\"\u{301} onfocus=alert(2) x=\"'"
        _ = try fixture.service.updateNeed(
            "cao-bang-1", changes: .object(["title": .string(hostile), "source": .string(hostile)]),
            caller: .local("t"), method: "needs.update")
        let openAttribute = "\"\u{301} onfocus"
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;\u{301} onfocus"
        try await fixture.browse { browser in
            for path in ["/needs?province=cao-bang", "/needs/cao-bang-1", "/needs/cao-bang-1/edit", "/ngos/mcnv/needs"]
            {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.html.contains("<script>alert"), "\(path)")
                // Compared by scalar: a quote with a combining mark is one Character, so Character search would miss it.
                let opensAttribute = Self.containsScalars(page.html, openAttribute)
                let showsEscaped = Self.containsScalars(page.html, escaped)
                #expect(!opensAttribute, "\(path)")
                #expect(showsEscaped, "\(path)")
            }
        }
    }

    static func containsScalars(_ text: String, _ part: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let needle = Array(part.unicodeScalars)
        guard needle.count <= scalars.count else { return false }
        return (0...(scalars.count - needle.count)).contains { scalars[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    @Test func aPartnershipIsRecordedFromASuggestedNGO() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            try await browser.get("/needs/cao-bang-1")
            let done = try await browser.post(
                "/needs/cao-bang-1/partnerships", [("ngo", "mcnv"), ("status", "agreed"), ("note", "met in Hanoi")])
            #expect(done.status == .seeOther)
            let page = try await browser.get("/needs/cao-bang-1")
            #expect(page.html.contains("Recorded: Maternal and child health"))
            #expect(page.html.contains("Recorded: Agreed"))
            let recorded = try fixture.service.partnerships(PartnershipsListParams(need: "cao-bang-1"))
            #expect(recorded.contains { $0.ngo == "mcnv" && $0.status == .agreed && $0.note == "met in Hanoi" })
            #expect(try fixture.service.registry.auditTrail().first?.actor == "web")
        }
    }

    /// A select's "none" choice sends an empty value, whatever the field holds now: choosing
    /// "No certificate" must not send the certificate kind the NGO already has.
    @Test func aChoiceOfNoneSendsNothingWhateverTheFieldHolds() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let ngoForm = try await browser.get("/ngos/mcnv/edit")
            #expect(try fixture.service.ngo(NGOGetParams(ngo: "mcnv")).registration != nil, "mcnv has a certificate")
            #expect(Self.options(of: "certKind", in: ngoForm.html).first { $0.label == "No certificate" }?.value == "")
            let needForm = try await browser.get("/needs/cao-bang-1/edit")
            let provinces = Self.options(of: "province", in: needForm.html)
            #expect(provinces.count == 35, "the 34 units and a choice of none")
            #expect(provinces.first { $0.label == "—" }?.value == "")
            #expect(provinces.first { $0.label == "Cao Bằng" }?.value == "cao-bang")
        }
    }

    /// The value and the words of each `<option>` of the select named `name`.
    static func options(of name: String, in html: String) -> [(value: String, label: String)] {
        guard let start = html.range(of: " name=\"\(name)\"") else { return [] }
        let rest = html[start.upperBound...].drop { $0 != ">" }
        let body = String(rest[..<(rest.range(of: "</select>")?.lowerBound ?? rest.endIndex)])
        return body.components(separatedBy: "<option ").dropFirst().map { option in
            let value = option.components(separatedBy: "value=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
            let label = option.split(separator: ">", maxSplits: 1).last?.components(separatedBy: "</option>")[0] ?? ""
            return (String(value), label)
        }
    }
}

/// A stored need as its edit form would send it.
enum NeedFormValues {
    static func fields(_ need: Need) -> [(String, String)] {
        [
            ("province", need.province.rawValue), ("title", need.title), ("description", need.description),
            ("fundingGapUSD", String(Int(need.fundingGapUSD))), ("start", need.timeframe.start.description),
            ("end", need.timeframe.end.description),
        ] + need.sectors.map { ("sector.\($0.sector)", String($0.priority)) }
    }
}
