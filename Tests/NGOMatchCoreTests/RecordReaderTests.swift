import NGOMatchCore
import Testing

@Suite(.timeLimit(.minutes(10)))
struct RecordReaderTests {
    static let validNeed: JSONValue = .object([
        "province": .string("ha giang"),
        "title": .string("School meals"),
        "sectors": .array([.object(["sector": .string("health.nutrition"), "priority": .number(5)])]),
        "targetGroups": .array([.string("Trẻ em"), .string("ethnic minorities")]),
        "fundingGapUSD": .number(120_000),
        "timeframe": .object(["start": .string("2026-01-01"), "end": .string("2026-12-31")]),
    ])

    func problems(_ need: JSONValue) -> [String] {
        switch Seeds.reader.need(from: need, makeID: { NeedID("\($0)-1") }) {
        case .success: []
        case .failure(let invalid): invalid.problems.map(\.description)
        }
    }

    @Test func readsAValidNeedAndResolvesNames() throws {
        let need = try Seeds.reader.need(from: Self.validNeed, makeID: { NeedID("\($0)-7") }).get()
        #expect(need.id == "tuyen-quang-7")
        #expect(need.province == "tuyen-quang")
        #expect(need.targetGroups == [.children, .ethnicMinorities])
        #expect(need.status == .open)
    }

    @Test(arguments: [
        (
            ["sectors": JSONValue.array([.object(["sector": .string("helth"), "priority": .number(3)])])],
            "sectors[0]: unknown sector 'helth' — did you mean 'health'?"
        ),
        (
            ["sectors": .array([.object(["sector": .string("health"), "priority": .number(9)])])],
            "sectors[0].priority: must be from 1 to 5, got 9"
        ),
        (["fundingGapUSD": .number(-5)], "fundingGapUSD: must not be negative, got -5"),
        (
            ["timeframe": .object(["start": .string("2026-05-01"), "end": .string("2026-01-01")])],
            "timeframe.end: ends (2026-01-01) before it starts (2026-05-01)"
        ),
        (["province": .string("Atlantis")], "province: unknown province 'Atlantis'"),
        (["fundingGap": .number(1)], "fundingGap: unknown field — did you mean 'fundingGapUSD'?"),
        (
            ["status": .string("opne")],
            "status: 'opne' is not one of open, in-discussion, partnered, closed — did you mean 'open'?"
        ),
        (
            ["timeframe": .object(["start": .string("2026-02-30"), "end": .string("2026-12-31")])],
            "timeframe.start: expected a day as YYYY-MM-DD, got '2026-02-30'"
        ),
        (["targetGroups": .string("kids")], "targetGroups[0]: unknown target group 'kids'"),
        (
            ["sectors": .string("health:4, water:3")],
            "sectors[0]: expected 'health:<priority 1–5>', got 'health:4, water:3': separate the items with ';', e.g. 'health:4; water:3'"
        ),
    ])
    func reportsWhatIsWrongAndWhere(change: [String: JSONValue], expected: String) {
        #expect(problems(Self.validNeed.merging(.object(change))) == [expected])
    }

    @Test func reportsEveryProblemOfARecordAtOnce() {
        let bad: JSONValue = .object(["province": .string("nowhere"), "sectors": .string("helth:9")])
        let found = problems(bad)
        #expect(found.count == 5, "\(found)")
        #expect(found.contains("title: is required"))
        #expect(found.contains("fundingGapUSD: is required"))
        #expect(found.contains("timeframe: is required"))
    }

    @Test func acceptsCSVStyleText() throws {
        let need = try Seeds.reader.need(
            from: .object([
                "province": .string("Đồng Nai"), "title": .string("Jobs"),
                "sectors": .string("education.vocational:5; social-protection.employment:3"),
                "targetGroups": .string("youth; women"), "fundingGapUSD": .string("900,000"),
                "timeframe": .object(["start": .string("2026-01-01"), "end": .string("2027-01-01")]),
            ]), makeID: { _ in "dong-nai-9" }
        ).get()
        #expect(need.sectors.map(\.priority) == [5, 3])
        #expect(need.fundingGapUSD == 900_000)
    }

    static let validNGO: JSONValue = .object([
        "name": .string("Green Hands"), "country": .string("Germany"),
        "sectors": .string("environment.forests:4"),
        "registration": .object([
            "kind": .string("operation-registration"), "issued": .string("2025-01-01"),
            "expires": .string("2027-12-31"), "areas": .array([.string("Đắk Nông")]),
            "fields": .array([.string("environment")]),
        ]),
    ])

    @Test func readsAnNGOWithACertificateNamingAFormerProvince() throws {
        let ngo = try Seeds.reader.ngo(from: Self.validNGO).get()
        #expect(ngo.id == "green-hands")
        #expect(ngo.registration?.areas == ["Đắk Nông"])
        #expect(ngo.registration?.fields == ["environment"])
    }

    @Test func certificatesCannotOutliveDecree58() {
        let tooLong = Self.validNGO.merging(.object(["registration": .object(["expires": .string("2028-06-01")])]))
        guard case .failure(let invalid) = Seeds.reader.ngo(from: tooLong) else {
            Issue.record("a 3.5-year operation registration was accepted")
            return
        }
        #expect(invalid.problems.map(\.field) == ["registration.expires"])
        #expect(invalid.problems[0].message.contains("at most 3 years"))
    }

    @Test func grantRangeMustBeOrdered() {
        let bad = Self.validNGO.merging(.object(["grantRange": .object(["min": .number(500), "max": .number(100)])]))
        guard case .failure(let invalid) = Seeds.reader.ngo(from: bad) else {
            Issue.record("accepted")
            return
        }
        #expect(invalid.problems.map(\.description) == ["grantRange.max: is smaller than min (100 < 500)"])
    }

    @Test func anIATIOrganisationIdentifierIsKeptAsItsFilesWriteIt() throws {
        let named = Self.validNGO.merging(.object(["iatiOrganisation": .string("GB-COH-1762840")]))
        #expect(try Seeds.reader.ngo(from: named).get().iatiOrganisation == "GB-COH-1762840")
        for typed in ["GB COH 1762840", "1762840", "-GB-COH"] {
            let bad = Self.validNGO.merging(.object(["iatiOrganisation": .string(typed)]))
            guard case .failure(let invalid) = Seeds.reader.ngo(from: bad) else {
                Issue.record("'\(typed)' was taken for an IATI identifier")
                continue
            }
            #expect(invalid.problems.map(\.field) == ["iatiOrganisation"])
            #expect(invalid.problems[0].message.contains("e.g. GB-COH-1762840"), "\(invalid.problems)")
        }
    }

    @Test func exportedRecordsReadBackUnchanged() throws {
        var need = try Seeds.reader.need(from: Self.validNeed, makeID: { _ in "tuyen-quang-1" }).get()
        need.contact = Contact(name: "Ms Lan", email: "lan@example.org")
        need.createdAt = "2026-01-01T00:00:00.000Z"
        let roundTripped = try Seeds.reader.need(from: ExportRecord.json(need), makeID: { _ in "other" }).get()
        #expect(roundTripped == need)

        var ngo = try Seeds.reader.ngo(from: Self.validNGO).get()
        ngo.iatiOrganisation = "DE-CR-1234"
        #expect(try Seeds.reader.ngo(from: ExportRecord.json(ngo)).get() == ngo)
        let csv = ExportRecord.csvLines([try ExportRecord.json(ngo)])
        #expect(csv.first?.contains("iatiOrganisation") == true && csv.last?.contains("DE-CR-1234") == true, "\(csv)")
    }
}
