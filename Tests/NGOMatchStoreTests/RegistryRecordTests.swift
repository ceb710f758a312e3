import Foundation
import NGOMatchCore
import NGOMatchStore
import Testing

@Suite(.timeLimit(.minutes(10)))
struct RegistryRecordTests {
    static let need: JSONValue = .object([
        "province": .string("cao bang"), "title": .string("Clinic"),
        "sectors": .string("health.primary-care:4"), "fundingGapUSD": .number(1000),
        "timeframe": .object(["start": .string("2026-01-01"), "end": .string("2026-12-31")]),
    ])

    @Test func addsNeedsWithTheNextFreeIdPerProvince() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        let before = try registry.needs(NeedFilter(province: "cao-bang")).count
        let added = try registry.addNeed(Self.need)
        #expect(added.id.rawValue == "cao-bang-\(before + 1)")
        #expect(added.createdAt != nil)
        #expect(try registry.need(added.id.rawValue) == added)
    }

    @Test func updatesKeepTheIdAndCreationTime() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder, seeding: .referenceOnly)
        let added = try registry.addNeed(Self.need)
        let updated = try registry.updateNeed(
            added.id.rawValue,
            changes: .object(["fundingGapUSD": .number(2500), "sectors": .string("health.nutrition:5")]))
        #expect(updated.fundingGapUSD == 2500)
        #expect(updated.sectors == [Need.SectorPriority(sector: "health.nutrition", priority: 5)])
        #expect(updated.createdAt == added.createdAt)
        #expect(try registry.needs(NeedFilter(sector: "health.nutrition")).map(\.id) == [added.id])
        #expect(try registry.needs(NeedFilter(sector: "health.primary-care")).isEmpty)
        let closed = try registry.updateNeed(added.id.rawValue, changes: .object(["status": .string("closed")]))
        #expect(closed.status == .closed)
    }

    @Test func invalidUpdatesChangeNothing() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder, seeding: .referenceOnly)
        let added = try registry.addNeed(Self.need)
        #expect(throws: ValidationFailure.self) {
            try registry.updateNeed(added.id.rawValue, changes: .object(["fundingGapUSD": .number(-1)]))
        }
        #expect(try registry.need(added.id.rawValue) == added)
    }

    @Test func unknownIdsSuggestTheClosest() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        do {
            _ = try registry.need("cao-bang-11")
            Issue.record("found a need that does not exist")
        } catch let error as RegistryError {
            guard case .notFound(let kind, _, let suggestions) = error else { throw error }
            #expect(kind == "need")
            #expect(suggestions.first == "cao-bang-1")
            #expect(error.description.hasPrefix("no need with id 'cao-bang-11' — did you mean 'cao-bang-1', "))
        }
    }

    @Test func findsNGOsByIdNameOrAcronym() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        #expect(try registry.ngo(named: "WWF").id == "wwf-vietnam")
        #expect(try registry.ngo(named: "norwegian people's aid").id == "npa")
        #expect(try registry.ngo(named: "Medisch Comite Nederland–Vietnam").id == "mcnv")
        #expect(throws: LookupError.self) { try registry.ngo(named: "Greenpeace") }
    }

    @Test func addsAndUpdatesNGOs() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder, seeding: .referenceOnly)
        let added = try registry.addNGO(
            .object([
                "name": .string("Green Hands"), "acronym": .string("GH"), "country": .string("Germany"),
                "sectors": .string("environment.forests:4"),
            ]))
        #expect(added.id == "gh")
        #expect(throws: ValidationFailure.self) {
            try registry.addNGO(
                .object([
                    "name": .string("Green Hands 2"), "acronym": .string("GH"), "country": .string("Germany"),
                    "sectors": .string("environment:3"),
                ]))
        }
        let updated = try registry.updateNGO("green hands", changes: .object(["capacity": .number(6)]))
        #expect(updated.capacity == 6)
        #expect(try registry.ngos(NGOFilter(sector: "environment")).map(\.id) == ["gh"])
    }
}
