import Foundation
import Testing

/// With --lang vi, the words around the data are Vietnamese (issue 19).
@Suite(.timeLimit(.minutes(10)))
struct VietnameseCLITests {
    /// English words of the CLI's headers and summaries that must not appear in Vietnamese output.
    static let englishChrome = [
        "score", "why", "factor", "weight", "because", "rules:", "Needs whose", "Sectors,", "Provinces with",
        "works in", "funding gap", "country of origin", "target groups", "new partnerships a year", "Removed by",
        "passed", "FAILED", "Parameters", "priority", "expertise", "$",
    ]

    @Test(arguments: [
        ["suggest", "--need", "cao-bang-1", "--show-excluded"], ["discover", "--ngo", "MCNV"],
        ["explain", "--need", "cao-bang-1", "--ngo", "mcnv"], ["gaps"], ["ngos", "show", "mcnv"],
        ["needs", "show", "cao-bang-1"], ["needs", "list", "--province", "Cao Bằng"], ["ngos", "list"],
    ])
    func aCommandInVietnameseLeavesNoEnglishChrome(arguments: [String]) throws {
        let cli = try CLI()
        let result = try cli.run(arguments: arguments + ["--lang", "vi"])
        #expect(result.status == 0, "\(result.stderr)")
        // Registry data (titles, descriptions, names) is as it was entered; the chrome is checked
        // line by line with the records' own text taken out: the registry's export, not the
        // command's own output, which would also excuse its English reasons.
        let export = try cli.run("export", "--format", "json")
        #expect(export.status == 0, "\(export.stderr)")
        let data = Self.values(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8))).joined(separator: "\n")
        #expect(data.contains("Maternal and child health"), "the export holds the seeded records")
        for word in Self.englishChrome {
            let lines = result.stdout.split(separator: "\n").filter { $0.contains(word) }
            for line in lines where !Self.comesFromData(String(line), word: word, data: data) {
                Issue.record("'\(word)' in: \(line)")
            }
        }
    }

    /// Every text value in a JSON document (keys left out).
    static func values(_ value: Any) -> [String] {
        switch value {
        case let text as String: [text]
        case let list as [Any]: list.flatMap(values)
        case let object as [String: Any]: object.values.flatMap(values)
        default: []
        }
    }

    /// Whether the word in this line is part of a value stored in the registry.
    static func comesFromData(_ line: String, word: String, data: String) -> Bool {
        line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.contains(word) }
            .allSatisfy { !$0.isEmpty && data.contains($0) }
    }
}
