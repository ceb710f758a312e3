import Foundation
import HTTPTypes
import HummingbirdTesting
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService
import NGOMatchStore
import Testing

/// The needs and NGO directories (issue 16): search without diacritics, filters, order,
/// pages, and downloads of exactly what the reader filtered.
@Suite(.timeLimit(.minutes(10)))
struct DirectoryPageTests {
    @Test func needsAreFoundWithoutDiacriticsFilteredOrderedAndDownloaded() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let found = try await browser.get("/needs?q=ha+quang&status=any")
            #expect(found.html.contains("Maternal and child health in remote highland communes"), "Hà Quảng locality")
            #expect(!found.html.contains("Boarding schools for ethnic-minority pupils"))

            let region = try await browser.get("/needs?region=mekong-delta&status=any")
            // The region's provinces from the seed file itself, its needs from the whole list.
            let mekong = try Self.provinces(inRegion: "mekong-delta")
            #expect(mekong.count == 5)
            let regionNeeds = try fixture.service.needs(NeedsListParams()).filter {
                mekong.contains($0.province.rawValue)
            }
            #expect(!regionNeeds.isEmpty)
            #expect(regionNeeds.allSatisfy { region.html.contains($0.title) })
            #expect(!region.html.contains("Maternal and child health"))

            let csv = try await browser.get("/needs.csv?status=open&region=mekong-delta&sort=funding")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let ids = try ImportDocument(bytes: csv.bytes, fileName: "needs.csv").records.compactMap {
                record -> String? in
                if case .string(let id)? = record.value["id"] { return id }
                return nil
            }
            let expected = regionNeeds.filter { $0.status == .open }.sorted {
                ($0.fundingGapUSD, $1.id.rawValue) > ($1.fundingGapUSD, $0.id.rawValue)
            }
            #expect(ids == expected.map(\.id.rawValue), "the download holds what the page listed, in its order")

            let json = try await browser.get("/needs.json?q=clean+water+Cao+Bang&status=any")
            let records = try JSONDecoder().decode([JSONValue].self, from: Data(json.bytes))
            #expect(records.contains { $0["id"] == .string("cao-bang-2") })
            #expect(records.allSatisfy { $0["province"] == .string("cao-bang") })
        }
    }

    @Test func aProvinceDownloadsOnlyItsOwnNeeds() async throws {
        let fixture = try WebFixture(auth: true)
        let (token, _) = try fixture.service.registry.createToken(
            role: .province("cao-bang"), audit: AuditEntry(actor: "test", method: "tokens.create"))
        try await fixture.browse { browser in
            try await browser.get("/signin")
            _ = try await browser.post("/signin", [("token", token), ("back", "/")])
            let csv = try await browser.get("/needs.csv?status=any&province=da-nang")
            let records = try ImportDocument(bytes: csv.bytes, fileName: "needs.csv").records
            #expect(!records.isEmpty)
            #expect(records.allSatisfy { $0.value["province"] == .string("cao-bang") })
        }
    }

    @Test func ngosAreFilteredByCertificateRegionAndCountryAndPaged() async throws {
        let fixture = try WebFixture()
        // Certificates dated from today, so that the test reads the same in any year: four end
        // within 120 days, in a known order; every other runs 500 days more.
        let today = CalendarDate.today.dayNumber
        let certified = try fixture.service.ngos(NGOsListParams()).filter { $0.registration != nil }
        #expect(certified.count > 10)
        let soon = [90, 10, 119, 40]
        for (position, ngo) in certified.enumerated() {
            let days = position < soon.count ? soon[position] : 500
            _ = try fixture.service.updateNGO(
                ngo.id.rawValue,
                changes: Self.certificate(ngo.registration!, issued: today - 365, expires: today + days),
                caller: .local("test"))
        }
        let expiring = [1, 3, 0, 2].map { certified[$0] }
        try await fixture.browse { browser in
            let page = try await browser.get("/ngos?expiring=120&sort=expiry")
            #expect(page.html.contains("\(expiring.count) NGOs"))
            let positions =
                expiring
                .compactMap { page.html.range(of: ">\(HTMLAgenda.escape($0.name))<")?.lowerBound }
            #expect(positions.count == expiring.count && positions == positions.sorted(), "soonest first")
            #expect(try await browser.get("/ngos?expiring=soon").html.contains("whole number"))

            let json = try await browser.get("/ngos.json?country=germany&region=northern-midlands-mountains")
            let records = try JSONDecoder().decode([JSONValue].self, from: Data(json.bytes))
            #expect(!records.isEmpty)
            #expect(records.allSatisfy { $0["country"] == .string("Germany") })

            let first = try await browser.get("/ngos")
            #expect(first.html.contains("Page 1 of") && first.html.contains(#"rel="next""#))
            #expect(try await browser.get("/ngos?q=MCNV").status == .seeOther, "one NGO's own name goes to it")
        }
    }

    @Test func ngoSearchAcrossDoorsIsWordByWord() throws {
        let fixture = try WebFixture()
        let found = try fixture.service.ngos(NGOsListParams(search: "medisch comite"))
        #expect(found.map(\.id.rawValue) == ["mcnv"])
        let needs = try fixture.service.needs(NeedsListParams(search: "HA QUANG"))
        #expect(needs.contains { $0.id == "cao-bang-1" })
        #expect(try fixture.service.needs(NeedsListParams(search: "ha quan zzz")).isEmpty)
    }

    /// The ids of a region's provinces, read from seeds/provinces.json.
    static func provinces(inRegion region: String) throws -> Set<String> {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/provinces.json")
        let seeds = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let provinces = try #require(seeds["provinces"] as? [[String: Any]])
        return Set(provinces.filter { $0["region"] as? String == region }.compactMap { $0["id"] as? String })
    }

    /// A certificate like `registration`, issued and ending on the days given.
    static func certificate(_ registration: Registration, issued: Int, expires: Int) -> JSONValue {
        .object([
            "registration": .object([
                "kind": .string(registration.kind.rawValue),
                "number": registration.number.map(JSONValue.string) ?? .null,
                "issued": .string(CalendarDate(dayNumber: issued).description),
                "expires": .string(CalendarDate(dayNumber: expires).description),
                "areas": .array(registration.areas.map(JSONValue.string)),
                "fields": .array(registration.fields.map { .string($0.rawValue) }),
            ])
        ])
    }
}
