import Foundation
import NGOMatchCore
import Testing

@Suite(.timeLimit(.minutes(10)))
struct TaxonomyTests {
    let taxonomy = Seeds.reference.taxonomy

    @Test func hasEnoughSectorsAndSubsectors() {
        #expect(taxonomy.topLevel.count >= 10)
        #expect(taxonomy.sectors.filter { $0.parent != nil }.count >= 40)
        for required in [
            "health", "education", "climate", "environment", "agriculture", "social-protection", "water", "gender",
            "governance", "mine-action", "digital",
        ] {
            #expect(taxonomy[SectorID(required)] != nil, "missing top-level sector \(required)")
        }
    }

    @Test func everyNodeHasBothNamesAndACode() {
        for sector in taxonomy.sectors {
            #expect(!sector.name.vi.isEmpty && !sector.name.en.isEmpty)
            #expect(!sector.dacCodes.isEmpty, "\(sector.id) has no DAC code")
            if let parent = sector.parent { #expect(sector.id.rawValue.hasPrefix(parent.rawValue + ".")) }
        }
    }

    /// Every code must be an active code of the IATI codelist (fixtures/reference).
    @Test func everyDACCodeIsActiveInTheIATICodelist() throws {
        let xml = try String(contentsOfFile: Self.codelistPath, encoding: .utf8)
        var active: Set<String> = []
        for item in xml.components(separatedBy: "<codelist-item").dropFirst() {
            guard item.hasPrefix(" status=\"active\""), let start = item.range(of: "<code>"),
                let end = item.range(of: "</code>")
            else { continue }
            active.insert(String(item[start.upperBound..<end.lowerBound]))
        }
        #expect(active.count > 200)
        // Read right: an active code is in, a withdrawn one (README of the codelist) is out.
        #expect(active.contains("11110") && !active.contains("41050") && !active.contains("74010"))
        for sector in taxonomy.sectors {
            for code in sector.dacCodes {
                #expect(active.contains(code), "\(sector.id): \(code) is not an active DAC code")
            }
        }
    }

    static let codelistPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/reference/iati-dac-5-digit-sectors.xml").path

    @Test func resolvesIdsTailsAndNames() throws {
        #expect(try taxonomy.resolve("health.maternal-child").id == "health.maternal-child")
        #expect(try taxonomy.resolve("maternal-child").id == "health.maternal-child")
        #expect(try taxonomy.resolve("Y tế").id == "health")
        #expect(try taxonomy.resolve("y te").id == "health")
        #expect(taxonomy.isWithin("health.nutrition", "health"))
        #expect(!taxonomy.isWithin("health.nutrition", "education"))
    }

    @Test func typosGetADidYouMean() {
        do {
            _ = try taxonomy.resolve("helth")
            Issue.record("'helth' resolved")
        } catch {
            #expect(error.description == "unknown sector 'helth' — did you mean 'health'?")
        }
    }
}
