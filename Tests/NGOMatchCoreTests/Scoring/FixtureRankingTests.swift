import NGOMatchCore
import Testing
import Yams

/// The hand-made registry in fixtures/scoring, ranked as its comments say it should be.
struct FixtureRankingTests {
    struct Expectation {
        let ranked: [String]
        let excluded: [String: String]
        let absent: [String]
    }

    static let expectations: [String: Expectation] = {
        let text = (try? Seeds.fixture("scoring/expected-rankings.yaml")) ?? ""
        let root = (try? Yams.load(yaml: text)) as? [String: [String: Any]] ?? [:]
        return root.mapValues {
            Expectation(
                ranked: $0["ranked"] as? [String] ?? [], excluded: $0["excluded"] as? [String: String] ?? [:],
                absent: $0["absent"] as? [String] ?? [])
        }
    }()

    @Test(arguments: ["cao-bang-1", "tuyen-quang-1"])
    func rankingsMatchTheJustifiedExpectations(need: String) throws {
        let expected = try #require(Self.expectations[need])
        let index = try Seeds.index(try Seeds.fixture("scoring/registry.jsonl"))
        let ranking = index.suggest(
            needPosition: try #require(index.needPosition(NeedID(need))), rules: Seeds.rules("default"),
            options: RankOptions(limit: 10, showExcluded: true))
        #expect(ranking.ranked.map(\.ngo.rawValue) == expected.ranked)
        let excluded = Dictionary(
            uniqueKeysWithValues: ranking.excluded.map { ($0.ngo.rawValue, $0.failures.map(\.filter.rawValue)) })
        #expect(excluded.mapValues { $0.joined(separator: ",") } == expected.excluded)
        for id in expected.absent {
            #expect(
                !ranking.ranked.contains { $0.ngo.rawValue == id } && excluded[id] == nil,
                "\(id) should not be a candidate")
        }
        for assessment in ranking.excluded { #expect(assessment.failsOnlyOnCertificate) }
    }

    @Test func explainsWhatAnExcludedNGOWouldNeed() throws {
        let index = try Seeds.index(try Seeds.fixture("scoring/registry.jsonl"))
        let assessment = index.assess(
            needPosition: index.needPosition("cao-bang-1")!, ngoPosition: index.ngoPosition("expired")!,
            rules: Seeds.rules("default"))
        let explanation = Explanation(reference: Seeds.reference, language: .en)
        let (reason, remedy) = explanation.describe(try #require(assessment.failures.first))
        #expect(reason == "Certificate expires 2026-01-31, before the need starts (2026-03-01)")
        #expect(remedy == "An extension of the certificate to at least 2026-03-01")
        let vietnamese = Explanation(reference: Seeds.reference, language: .vi).describe(assessment.failures[0])
        #expect(vietnamese.remedy == "Gia hạn giấy đăng ký đến ít nhất ngày 01/03/2026")
    }

    @Test func aDeclinedPairIsNotSuggestedAgainUnlessAsked() throws {
        let declined = Partnership(need: "cao-bang-1", ngo: "exact-local", status: .declined)
        let index = try Seeds.index(try Seeds.fixture("scoring/registry.jsonl"), partnerships: [declined])
        let need = index.needPosition("cao-bang-1")!
        let rules = Seeds.rules("default")
        #expect(
            !index.suggest(needPosition: need, rules: rules, options: RankOptions()).ranked.contains {
                $0.ngo == "exact-local"
            })
        let asked = index.suggest(needPosition: need, rules: rules, options: RankOptions(includeDeclined: true))
        #expect(asked.ranked.first?.ngo == "exact-local")
    }

    @Test func completedPartnershipsRaiseTrackRecordAndOpenOnesUseCapacity() throws {
        let plain = try Seeds.index(try Seeds.fixture("scoring/registry.jsonl"))
        let busy = try Seeds.index(
            try Seeds.fixture("scoring/registry.jsonl"),
            partnerships: [
                Partnership(need: "tuyen-quang-1", ngo: "twin-b", status: .completed),
                Partnership(need: "cao-bang-1", ngo: "twin-a", status: .active),
            ])
        let rules = Seeds.rules("default")
        let need = plain.needPosition("tuyen-quang-1")!
        let score = { (index: MatchIndex, ngo: NGOID) in
            index.assess(needPosition: need, ngoPosition: index.ngoPosition(ngo)!, rules: rules).score
        }
        #expect(score(busy, "twin-b") > score(plain, "twin-b"))
        #expect(score(busy, "twin-a") < score(plain, "twin-a"))
        #expect(busy.suggest(needPosition: need, rules: rules, options: RankOptions()).ranked.first?.ngo == "twin-b")
    }

    @Test func discoverRanksNeedsForAnNGO() throws {
        let index = try Seeds.index(try Seeds.fixture("scoring/registry.jsonl"))
        let ranking = index.discover(
            ngoPosition: index.ngoPosition("exact-local")!, rules: Seeds.rules("default"), options: RankOptions())
        #expect(ranking.ranked.map(\.need) == ["cao-bang-1"])
    }
}
