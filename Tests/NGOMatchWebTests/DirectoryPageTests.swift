import Foundation
import HTTPTypes
import HummingbirdTesting
import NGOMatchCore
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
            let regionNeeds = try fixture.service.needs(NeedsListParams(region: "mekong-delta"))
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
        let (token, _) = try fixture.service.registry.createToken(role: .province("cao-bang"))
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
        let today = CalendarDate.today
        let all = try fixture.service.ngos(NGOsListParams())
        let expiring = all.filter { ngo in
            ngo.registration.map { $0.expires.dayNumber <= today.dayNumber + 120 } ?? false
        }
        #expect(!expiring.isEmpty && expiring.count < all.count)
        try await fixture.browse { browser in
            let page = try await browser.get("/ngos?expiring=120&sort=expiry")
            #expect(page.html.contains("\(expiring.count) NGOs"))
            let positions = expiring.sorted { $0.registration!.expires < $1.registration!.expires }
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
}
