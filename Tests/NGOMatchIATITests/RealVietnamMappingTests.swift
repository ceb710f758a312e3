import NGOMatchCore
import NGOMatchIATI
import NGOMatchSeeds
import Testing

/// What the 13 real activities become for a registry holding three of their publishers by
/// IATI identifier, and GlobalGiving by name only. Each outcome was worked out by hand from
/// the file (sectors through seeds/sectors.json's DAC codes).
@Suite struct RealVietnamMappingTests {
    static let reference = try! ReferenceData(
        provincesJSON: SeedFile.text(SeedFile.provinces)!, sectorsJSON: SeedFile.text(SeedFile.sectors)!)

    static let mapping = IATIMapping(
        reference: reference, boundaries: ProvinceBoundaries(SeedFile.text(SeedFile.provinceBoundaries)!),
        ngos: [
            NGO(
                id: "oxfam-novib", name: "Oxfam Novib", country: "Netherlands", sectors: [],
                iatiOrganisation: "NL-KVK-27108436"),
            NGO(
                id: "helpage", name: "HelpAge International", country: "United Kingdom", sectors: [],
                iatiOrganisation: "GB-COH-1762840"),
            NGO(
                id: "world-vision", name: "World Vision International", country: "United States", sectors: [],
                iatiOrganisation: "US-EIN-95-3202116"),
            NGO(id: "globalgiving", name: "GlobalGiving", country: "United States", sectors: []),
        ])

    static func outcomes() throws -> [String: Result<IATITrackRecord, IATISkip>] {
        var outcomes: [String: Result<IATITrackRecord, IATISkip>] = [:]
        try IATIReader.read(path: RealVietnamFileTests.file, name: "vn-ingo-2.03.xml") {
            outcomes[$0.identifier] = mapping.map($0)
        }
        return outcomes
    }

    @Test func everyActivityIsAccountedFor() throws {
        let outcomes = try Self.outcomes()
        #expect(outcomes.count == 13)
        let counted = outcomes.values.compactMap { try? $0.get() }
        #expect(
            Dictionary(grouping: counted, by: \.ngo).mapValues(\.count) == [
                "oxfam-novib": 8, "helpage": 2, "world-vision": 1,
            ])
        let skipped = outcomes.filter { (try? $0.value.get()) == nil }.keys.sorted()
        #expect(skipped == ["US-EIN-300108263-GGProj:46123", "US-EIN-300108263-GGProj:46482"])
    }

    @Test func globalGivingIsSuggestedByNameNeverMatched() throws {
        guard case .failure(let skip)? = try Self.outcomes()["US-EIN-300108263-GGProj:46123"] else {
            Issue.record("GlobalGiving was matched by its name")
            return
        }
        #expect(
            skip
                == .unknownOrganisation(
                    ref: "US-EIN-300108263", name: "GlobalGiving", suggestion: "GlobalGiving (globalgiving)"))
        #expect(skip.text(.en).contains("--iati-organisation US-EIN-300108263"))
    }

    @Test func anOxfamNovibActivityIsCivilSocietyWorkNationwide() throws {
        let record = try #require(try Self.outcomes()["NL-KVK-27108436-A-05001-22:VN"]?.get())
        #expect(record.ngo == "oxfam-novib" && record.role == .reporter)
        #expect(
            record.sectors == [.init(sector: "governance.civil-society", percentage: 100)], "vocabulary 99 is left out")
        #expect(record.national && record.provinces.isEmpty)
        #expect(record.amounts == ["EUR": 15916])
        #expect(record.years == 2021...2021)
        #expect(record.vietnamShare == 100)
    }

    @Test func aDutchReliefAllianceActivityCountsForOxfamNovibAsImplementer() throws {
        let record = try #require(try Self.outcomes()["NL-KVK-72849770-ACM"]?.get())
        #expect(record.ngo == "oxfam-novib" && record.role == .implementer)
        #expect(record.sectors == [.init(sector: "climate.emergency-response", percentage: 100)], "72010 and 72050")
        #expect(record.vietnamShare == 5.5)
    }

    @Test func helpAgesTwoHalvesOfOneCodeAreOneSector() throws {
        let record = try #require(try Self.outcomes()["GB-COH-1762840-GID650-AG15-01"]?.get())
        #expect(record.sectors == [.init(sector: "climate.emergency-response", percentage: 100)])
        #expect(record.amounts == ["GBP": 150_000], "300,000 less a revision of 150,000")
        #expect(record.vietnamShare == 5)
    }

    @Test func disasterPreventionWithoutItsOwnCodeFallsToItsGroup() throws {
        let record = try #require(try Self.outcomes()["NL-KVK-27108436-A-06494-04:VN"]?.get())
        #expect(record.sectors == [.init(sector: "climate", percentage: 100)], "74010 through 740")
    }

    @Test func worldVisionsTransactionSectorsAndSpending() throws {
        let record = try #require(try Self.outcomes()["US-EIN-95-3202116-VN"]?.get())
        #expect(
            Set(record.sectors.map(\.sector)) == [
                "education", "health", "water", "governance", "social-protection", "climate",
            ], "430 belongs to no one sector")
        #expect(record.sectors.allSatisfy { $0.percentage == nil })
        #expect(abs((record.amounts["USD"] ?? 0) - 68_045_451.63) < 0.01)
        #expect(record.years == 2017...2017)
    }
}
