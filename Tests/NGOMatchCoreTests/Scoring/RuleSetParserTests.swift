import NGOMatchCore
import NGOMatchSeeds
import Testing

struct RuleSetParserTests {
    @Test(arguments: ["default", "underserved", "climate"])
    func shippedRuleSetsAreValid(name: String) throws {
        let rules = try RuleSetParser.parse(SeedFile.ruleSet(name)!, file: name, taxonomy: Seeds.reference.taxonomy)
        #expect(rules.name == name)
        #expect(abs(rules.weights.reduce(0) { $0 + $1.weight } - 100) < 1e-9)
    }

    @Test func reportsEveryProblemWithItsLocation() {
        let text = """
            name: broken
            minimumScore: 20
            factors:
              sectorFitt:
                weight: 30
              geography:
                weight: -5
              sectorEmphasis:
                weight: 40
                sectors: [climat]
              funding:
                weight: 10
                colour: blue
            filters:
              certificateFields: sometimes
            """
        do {
            _ = try RuleSetParser.parse(text, file: "broken.yaml", taxonomy: Seeds.reference.taxonomy)
            Issue.record("a broken rule set was accepted")
        } catch {
            let messages = error.problems.map(\.description)
            #expect(messages.contains("broken.yaml:4:3: unknown factor 'sectorFitt' — did you mean 'sectorFit'?"))
            #expect(messages.contains("broken.yaml:7:13: 'geography.weight' must not be negative, got -5"))
            #expect(
                messages.contains {
                    $0.hasPrefix("broken.yaml:10:15: unknown sector id 'climat' — did you mean 'climate'")
                })
            #expect(messages.contains("broken.yaml:13:5: unknown field 'colour' in funding"))
            #expect(messages.contains("broken.yaml:15:22: certificateFields must be one of primary, all, any, off"))
            #expect(messages.contains { $0.contains("the weights add up to 50, not 100") })
            #expect(messages.count == 6, "\(messages)")
        }
    }

    @Test func theTrackRecordWeighsPublishedWorkAsTold() throws {
        func parse(_ settings: String) throws(InvalidRuleSet) -> RuleSet {
            try RuleSetParser.parse(
                """
                name: iati
                minimumScore: 0
                factors:
                  sectorFit:
                    weight: 90
                  trackRecord:
                    weight: 10
                \(settings)
                """, file: "iati.yaml", taxonomy: Seeds.reference.taxonomy)
        }
        let defaults = try #require(try parse("").trackRecord)
        #expect(defaults.published == 1 && defaults.publishedWithinYears == 10)
        let told = try #require(try parse("    published: 0.5\n    publishedWithinYears: 5").trackRecord)
        #expect(told.published == 0.5 && told.publishedWithinYears == 5)
        do {
            _ = try parse("    published: -1\n    publishedWithinYears: 2.5")
            Issue.record("a negative weight and half a year were accepted")
        } catch {
            let messages = error.problems.map(\.description)
            #expect(messages.contains("iati.yaml:8:16: 'trackRecord.published' must not be negative, got -1"))
            #expect(
                messages.contains(
                    "iati.yaml:9:27: 'trackRecord.publishedWithinYears' must be a whole number of years, got 2.5"),
                "\(messages)")
        }
    }

    @Test func refusesWhatIsNotYAML() {
        #expect(throws: InvalidRuleSet.self) {
            try RuleSetParser.parse("name: [unclosed", file: "bad.yaml", taxonomy: Seeds.reference.taxonomy)
        }
        #expect(throws: InvalidRuleSet.self) {
            try RuleSetParser.parse("", file: "empty.yaml", taxonomy: Seeds.reference.taxonomy)
        }
    }
}
