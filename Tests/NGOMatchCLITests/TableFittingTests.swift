import Foundation
import Testing

@testable import ngomatch

@Suite(.timeLimit(.minutes(10))) struct TableFittingTests {
    private func words(_ text: some StringProtocol) -> [Substring] {
        String(text).split(whereSeparator: { $0 == " " || $0 == "\n" })
    }

    private func ranking() -> Table {
        var table = Table(["#", "score", "id", "name", "why"])
        table.add([
            "1", "76.0", "health-poverty-action", "Health Poverty Action",
            "Expertise 5/5 in Maternal and child health, a priority-5 sector of the need; Already works in "
                + "Cao Bằng; Serves 3 of 3 target groups: Ethnic minorities, Women, Children",
        ])
        table.add(["2", "74.1", "mcnv", "Medisch Comité Nederland–Vietnam", "Already works in Cao Bằng"])
        return table
    }

    @Test func aTableThatFitsIsLeftAsItIs() {
        let table = ranking()
        #expect(table.render(width: 400) == table.render(width: nil))
        #expect(table.render(width: nil).split(separator: "\n").count == 4)
    }

    @Test func aRankingsReasonsGoUnderTheirRowAcrossTheWidth() {
        let table = ranking()
        let text = table.render(width: 80)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(text)")
        #expect(lines[0].hasPrefix("#  score  id") && !lines[0].contains("why"))
        #expect(lines[2].hasPrefix("1  76.0   health-poverty-action  Health Poverty Action"))
        #expect(lines[3].hasPrefix("   Expertise 5/5"))
        // Every word of every cell is there, in order, none cut.
        let expected = table.rows.flatMap { $0.flatMap(words) }
        let shown = lines.dropFirst(2).flatMap(words)
        #expect(shown == expected)
    }

    @Test func textColumnsAreWrappedBetweenWordsAndShortWordsAreNotCut() {
        var table = Table(["id", "province", "title", "gap (USD)", "status"])
        table.add([
            "cao-bang-1", "Cao Bằng", "Maternal and child health in remote highland communes", "$650,000", "open",
        ])
        table.add([
            "dong-nai-2", "Đồng Nai", "Flood and landslide risk reduction after the merger", "$1,200,000", "open",
        ])
        let text = table.render(width: 60)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(text)")
        #expect(lines.count > 4)
        for word in table.rows.flatMap({ $0.flatMap(words) }) {
            #expect(lines.contains { $0.contains(word) }, "\(word) is cut in\n\(text)")
        }
    }

    @Test func tooManyColumnsForTheWidthBecomeOneRecordEach() {
        var table = Table(["id", "province", "sectors (priority)", "from", "to", "status"])
        table.add([
            "an-giang-1", "An Giang", "climate.adaptation:5 water.drinking-water:4 agriculture.fisheries:3",
            "2026-01-01", "2028-12-31", "open",
        ])
        let text = table.render(width: 50)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 50 }, "\(text)")
        #expect(text.hasPrefix("id: an-giang-1\n  province:"))
        #expect(text.contains("  status:             open"))
        #expect(
            text.contains("  sectors (priority): climate.adaptation:5\n                      water.drinking-water:4"))
    }

    @Test func wrappingKeepsEveryWordAndNoLineIsTooLong() {
        var generator = SystemRandomNumberGenerator()
        let vocabulary = [
            "a", "Cao", "Bằng", "Đồng", "nhu cầu", "priority-5", "Quảng", "x;y", "$1,000,000", "12345678",
        ]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                vocabulary.randomElement(using: &generator)!
            }.joined(separator: " ")
            let width = Int.random(in: 10...90, using: &generator)
            let first = Int.random(in: 10...90, using: &generator)
            let lines = Table.wrap(text, to: width, first: first)
            #expect(lines.first!.count <= first)
            #expect(lines.dropFirst().allSatisfy { $0.count <= width })
            #expect(lines.joined(separator: " ").split(separator: " ") == text.split(separator: " "))
        }
    }

    @Test func aWordLongerThanTheLineIsCutAndNothingIsLost() {
        let lines = Table.wrap("environment.biodiversity:5 ok", to: 10)
        #expect(lines == ["environmen", "t.biodiver", "sity:5 ok"])
    }

    @Test func combiningMarksCountAsTheLettersTheyMark() {
        let decomposed = "Cao Bằng Đồng Nai".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > decomposed.count)
        #expect(Table.wrap(decomposed, to: 8) == ["Cao Bằng", "Đồng Nai"].map(\.decomposedStringWithCanonicalMapping))
    }

    @Test func labelledLinesGoOnUnderTheirValueAndHeadingsIndented() {
        let details = """
            name:      WWF-Vietnam (WWF)
            contact:   Country office (illustrative), vietnam@wwf-vietnam.example.org, +84 24 3719 3049
            cao-bang-1 — Maternal and child health in remote highland communes (Cao Bằng), rules: default
            """
        let fitted = LineFitting.fit(details, to: 60)
        let lines = fitted.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(fitted)")
        #expect(lines[0] == "name:      WWF-Vietnam (WWF)")
        #expect(lines[1].hasPrefix("contact:   Country office"))
        #expect(lines[2].hasPrefix("           ") && !lines[2].hasPrefix("            "))
        #expect(fitted.split(whereSeparator: \.isWhitespace) == details.split(whereSeparator: \.isWhitespace))
        #expect(LineFitting.fit(details, to: nil) == details)
    }

    @Test func theMainJobReadsInAnEightyColumnTerminalAndWholeRowsGoToAPipe() throws {
        let cli = try CLI()
        let fitted = try cli.run("suggest", "--province", "Cao Bằng", environment: ["COLUMNS": "80"])
        #expect(fitted.status == 0, "\(fitted.stderr)")
        let lines = fitted.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(fitted.stdout)")
        #expect(lines.contains { $0.hasPrefix("1  76.0   health-poverty-action  Health Poverty Action") })

        let piped = try cli.run("suggest", "--province", "Cao Bằng")
        let row = try #require(piped.stdout.split(separator: "\n").first { $0.contains("health-poverty-action") })
        #expect(row.hasSuffix("Serves 3 of 3 target groups: Ethnic minorities, Women, Children"))
        // The same words either way: fitting moves them, it does not drop any.
        func shown(_ text: String) -> Set<Substring> {
            Set(text.split(whereSeparator: \.isWhitespace).filter { !$0.allSatisfy { $0 == "─" } })
        }
        #expect(shown(fitted.stdout) == shown(piped.stdout).subtracting(["why"]))
    }
}
