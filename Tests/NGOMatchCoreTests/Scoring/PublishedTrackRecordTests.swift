import NGOMatchCore
import Testing

/// Published activities in the track record, on a registry small enough to count by hand: one
/// need in Cao Bằng for climate adaptation from April 2026, one NGO, and six activities of which
/// the comments say which count and why.
struct PublishedTrackRecordTests {
    static let need = Need(
        id: "cao-bang-9", province: "cao-bang", title: "Karst livelihoods",
        sectors: [.init(sector: "climate.adaptation", priority: 5)], fundingGapUSD: 300_000,
        timeframe: .init(start: CalendarDate("2026-04-01")!, end: CalendarDate("2027-03-31")!))
    static let ngo = NGO(
        id: "publisher", name: "Publisher", country: "Netherlands",
        sectors: [.init(sector: "climate.adaptation", expertise: 4)])
    static let other = NGO(
        id: "other", name: "Other", country: "Netherlands", sectors: [.init(sector: "climate.adaptation", expertise: 4)]
    )

    static let activities: [PublishedActivity] = [
        // In Cao Bằng, another sector: counts by place.
        .init(ngo: "publisher", provinces: ["cao-bang"], sectors: ["health"], years: 2022...2023),
        // Across Viet Nam in climate, the need's top-level sector: counts by sector.
        .init(ngo: "publisher", provinces: [], sectors: ["climate.recovery"], years: 2018...2021),
        // In climate but ended in 2015, more than 10 years before 2026: too old.
        .init(ngo: "publisher", provinces: ["ha-noi"], sectors: ["climate"], years: 2014...2015),
        // Elsewhere and in another sector: nothing to do with the need.
        .init(ngo: "publisher", provinces: ["ha-noi"], sectors: ["education"], years: 2024...2024),
        // In Cao Bằng but undated: its recency is unknown.
        .init(ngo: "publisher", provinces: ["cao-bang"], sectors: ["climate"], years: nil),
        // In Cao Bằng and Hà Nội, ended in 2016, exactly 10 years before: counts by place.
        .init(ngo: "publisher", provinces: ["ha-noi", "cao-bang"], sectors: ["climate"], years: 2016...2016),
        // Another NGO's: never this one's.
        .init(ngo: "other", provinces: ["cao-bang"], sectors: ["climate"], years: 2025...2025),
    ]

    static func trackRecord(
        published: Double = 1, withinYears: Int = 10, partnerships: [Partnership] = [], extraNeeds: [Need] = []
    ) -> (value: Double, points: Double, text: String, vietnamese: String) {
        let index = MatchIndex(
            reference: Seeds.reference, needs: [need] + extraNeeds, ngos: [ngo, other], partnerships: partnerships,
            published: activities)
        var rules = Seeds.rules("default")
        rules.trackRecord?.published = published
        rules.trackRecord?.publishedWithinYears = withinYears
        let assessment = index.assess(needPosition: 0, ngoPosition: 0, rules: rules)
        let contribution = assessment.contributions.first { $0.factor == .trackRecord }!
        return (
            contribution.value, contribution.points,
            Explanation(reference: Seeds.reference, language: .en).describe(contribution),
            Explanation(reference: Seeds.reference, language: .vi).describe(contribution)
        )
    }

    @Test func threeActivitiesCountTwoHereAndOneBySector() {
        let record = Self.trackRecord()
        // 3 of saturation 3, each worth 1: the full value, 5 points of the default's 5.
        #expect(record.value == 1 && record.points == 5)
        #expect(record.text == "2 activities in Cao Bằng and 1 more in this sector since 2016, published in IATI")
        #expect(
            record.vietnamese
                == "2 hoạt động tại Cao Bằng và 1 hoạt động khác trong lĩnh vực này từ năm 2016, đã công bố trên IATI")
    }

    @Test func aRuleSetWeighsPublishedWorkApart() {
        // 3 activities × 0.5 = 1.5 of 3.
        #expect(Self.trackRecord(published: 0.5).value == 0.5)
        let ignored = Self.trackRecord(published: 0)
        #expect(ignored.value == 0)
        #expect(ignored.text == "0 completed partnerships in this sector or province")
    }

    @Test func aShorterWindowLeavesOlderWorkOut() {
        // Within 5 years of 2026: only what ran in 2021 or later, the national one (to 2021) and Cao Bằng's.
        let record = Self.trackRecord(withinYears: 5)
        #expect(record.text == "1 activity in Cao Bằng and 1 more in this sector since 2018, published in IATI")
        #expect(abs(record.value - 2.0 / 3) < 1e-12)
        let recentOnly = Self.trackRecord(withinYears: 3)
        #expect(recentOnly.text == "1 activity in Cao Bằng since 2022, published in IATI")
    }

    @Test func recordedAndPublishedWorkAreToldApartAndAddUp() {
        let done = Need(
            id: "ha-giang-1", province: "tuyen-quang", title: "Earlier",
            sectors: [.init(sector: "climate", priority: 3)],
            fundingGapUSD: 1, timeframe: .init(start: CalendarDate("2023-01-01")!, end: CalendarDate("2024-01-01")!),
            status: .closed)
        let record = Self.trackRecord(
            published: 0.5, withinYears: 3,
            partnerships: [Partnership(need: "ha-giang-1", ngo: "publisher", status: .completed)], extraNeeds: [done])
        // 1 partnership + 0.5 × 1 activity = 1.5 of 3.
        #expect(record.value == 0.5)
        #expect(
            record.text
                == "1 completed partnership in this sector or province; 1 activity in Cao Bằng since 2022, published in IATI"
        )
    }

    @Test func aRankingOrdersPublishersByTheWorkThatCounts() {
        // Ten copies of the NGO, each with its first k activities: the list is in order of what counts.
        let ngos = (0..<10).map { copy -> NGO in
            var ngo = Self.ngo
            ngo.id = NGOID("publisher-\(copy)")
            return ngo
        }
        let published = ngos.enumerated().flatMap { copy, ngo in
            Self.activities.prefix(copy % 7).map {
                var activity = $0
                activity.ngo = ngo.id
                return activity
            }
        }
        let index = MatchIndex(reference: Seeds.reference, needs: [Self.need], ngos: ngos, published: published)
        var rules = Seeds.rules("default")
        rules.filters.certificateValid = false
        rules.filters.certificateArea = false
        rules.filters.certificateFields = .off
        let ranked = index.suggest(needPosition: 0, rules: rules, options: RankOptions(limit: 10)).ranked
        #expect(ranked.count == 10)
        // Copies 0–9 hold 0,1,2,3,4,5,6,0,1,2 activities; those counting: 0,1,2,2,2,2,3,0,1,2.
        let counting = [0, 1, 2, 2, 2, 2, 3, 0, 1, 2]
        let expected = ngos.indices.sorted {
            (counting[$0], ngos[$1].id.rawValue) > (counting[$1], ngos[$0].id.rawValue)
        }.map { ngos[$0].id }
        #expect(ranked.map(\.ngo) == expected)
    }
}
