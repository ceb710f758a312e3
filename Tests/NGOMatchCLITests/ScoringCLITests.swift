import Foundation
import Testing

@Suite(.timeLimit(.minutes(10)))
struct ScoringCLITests {
    @Test func suggestsForEveryOpenNeedOfAProvince() throws {
        let cli = try CLI()
        let result = try cli.run("suggest", "--province", "Cao Bằng", "--limit", "3")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("cao-bang-1 — Maternal and child health"))
        #expect(result.stdout.contains("cao-bang-2"))
        // Proper names keep their diacritics in English too.
        #expect(result.stdout.contains("Already works in Cao Bằng"))
    }

    @Test func jsonScoresAreTheSumOfTheirFactors() throws {
        let cli = try CLI()
        let result = try cli.run("suggest", "--need", "cao-bang-1", "--format", "json", "--lang", "vi")
        #expect(result.status == 0)
        // The protocol's result: {suggestions: [{need, ranked, …}], notes}.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let lists = try #require(object["suggestions"] as? [[String: Any]])
        let ranked = try #require(lists.first?["ranked"] as? [[String: Any]])
        #expect(!ranked.isEmpty && ranked.count <= 10)
        var previous = Double.infinity
        for candidate in ranked {
            let score = try #require(candidate["score"] as? Double)
            let factors = try #require(candidate["factors"] as? [[String: Any]])
            let sum = factors.compactMap { $0["points"] as? Double }.reduce(0, +)
            #expect(abs(sum - score) < 0.05)
            #expect(score <= previous)
            previous = score
            #expect((candidate["reasons"] as? [String])?.isEmpty == false)
        }
        #expect(result.stdout.contains("Đang hoạt động tại Cao Bằng"))
    }

    @Test func aFormerProvinceNameWorksForSuggestions() throws {
        let cli = try CLI()
        let result = try cli.run("suggest", "--province", "ha giang", "--sector", "health")
        #expect(result.status == 0)
        #expect(result.stderr.contains("Hà Giang was merged into Tuyên Quang"))
        #expect(result.stdout.contains("tuyen-quang-1"))
        #expect(!result.stdout.contains("tuyen-quang-2"))
    }

    @Test func explainShowsEveryFactorAndFilter() throws {
        let cli = try CLI()
        let result = try cli.run("explain", "--need", "cao-bang-1", "--ngo", "MCNV")
        #expect(result.status == 0)
        for text in ["Sector fit", "Geography", "Funding fit", "certificateArea", "passed", "Parameters:"] {
            #expect(result.stdout.contains(text), "missing \(text)")
        }
    }

    @Test func showExcludedSaysWhatWouldChangeIt() throws {
        let cli = try CLI()
        // Fauna & Flora's certificate (demo data) expires on 2026-02-28; the need starts 2026-03-01.
        let result = try cli.run("suggest", "--need", "tuyen-quang-3", "--show-excluded", "--limit", "20")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Removed by a hard filter"))
        #expect(result.stdout.contains("fauna-flora"))
        #expect(result.stdout.contains("An extension of the certificate to at least 2026-03-01"))
    }

    @Test func aDeclinedPairIsNotSuggestedAgain() throws {
        let cli = try CLI()
        let before = try cli.run("suggest", "--need", "quang-tri-1", "--format", "csv")
        #expect(before.stdout.contains(",npa,"))
        let recorded = try cli.run(
            "partnerships", "record", "--need", "quang-tri-1", "--ngo", "Norwegian People's Aid", "--status", "declined"
        )
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let after = try cli.run("suggest", "--need", "quang-tri-1", "--format", "csv")
        #expect(!after.stdout.contains(",npa,"))
        let asked = try cli.run("suggest", "--need", "quang-tri-1", "--format", "csv", "--include-declined")
        #expect(asked.stdout.contains(",npa,"))
        #expect(try cli.run("partnerships", "list", "--ngo", "npa").stdout.contains("declined"))
        #expect(
            try cli.run("partnerships", "record", "--need", "quang-tri-1", "--ngo", "npa", "--status", "maybe").status
                == 2)
    }

    @Test func discoverRanksNeedsForAnNGO() throws {
        let cli = try CLI()
        let result = try cli.run("discover", "--ngo", "WWF", "--format", "csv")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("need,ngo,ngoName,score"))
        #expect(result.stdout.contains("wwf-vietnam"))
        #expect(try cli.run("discover", "--ngo", "WWF", "--region", "mekong").status == 2)
    }

    @Test func rulesCheckReportsEveryProblemWithItsLocation() throws {
        let cli = try CLI()
        let bad = try cli.file(
            "bad.yaml",
            "name: bad\nminimumScore: 10\nfactors:\n  sectorFit:\n    weight: 60\n  geografy:\n    weight: 40\n")
        let result = try cli.run("rules", "check", bad)
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.yaml:6:3: unknown factor 'geografy' — did you mean 'geography'?"))
        #expect(result.stderr.contains("the weights add up to 60, not 100"))
        let good = try cli.run("rules", "check", "default")
        #expect(good.status == 0)
        #expect(try cli.run("suggest", "--need", "cao-bang-1", "--rules", bad).status == 2)
        #expect(try cli.run("rules", "list").stdout.contains("underserved"))
        #expect(try cli.run("rules", "show", "climate").stdout.contains("sectorEmphasis"))
    }

    @Test func gapsReportForMinistryStaff() throws {
        let cli = try CLI()
        let result = try cli.run("gaps", "--threshold", "70", "--format", "json")
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["sectors"] as? [Any])?.count == 11)
        #expect((report["provinces"] as? [Any])?.isEmpty == false)
        #expect(try cli.run("gaps").stdout.contains("fewest viable partners"))
    }

    @Test func generateIsDeterministicAndImportable() throws {
        let cli = try CLI()
        let first = try cli.run("generate", "--ngos", "40", "--needs", "20", "--seed", "3")
        let second = try cli.run("generate", "--ngos", "40", "--needs", "20", "--seed", "3")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.split(separator: "\n").count == 60)
        let path = try cli.file("synthetic.jsonl", first.stdout)
        let fresh = cli.folder.appendingPathComponent("synthetic.sqlite").path
        #expect(try cli.run("init", "--empty", "--db", fresh).status == 0)
        let imported = try cli.run("import", path, "--db", fresh)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try cli.run("suggest", "--need", "need-000001", "--db", fresh).status == 0)
    }
}
