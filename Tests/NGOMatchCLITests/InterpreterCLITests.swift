import Foundation
import Testing

/// "When a province's and an NGO's languages share none, the agenda says 'interpreter needed'"
/// (README, "Languages"): every published meeting judged from the languages in the event's own
/// export, in the JSON agenda and in the text a delegation reads.
@Suite(.timeLimit(.minutes(10)))
struct InterpreterCLITests {
    @Test func aMeetingNeedsAnInterpreterExactlyWhenTheTwoShareNoLanguage() throws {
        let cli = try CLI()
        for ngo in ["MCNV", "Health Poverty Action"] {
            let said = try cli.run("events", "availability", "gap-go-2026", "--participant", ngo, "--languages", "en")
            #expect(said.status == 0, "\(said.stderr)")
        }
        #expect(try cli.run("events", "plan", "gap-go-2026", "--publish", "preliminary").status == 0)
        let exported = try cli.run("events", "export", "gap-go-2026")
        let event = try #require(try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any])
        var languages: [String: Set<String>] = [:]
        for party in (event["provinces"] as? [[String: Any]] ?? []) + (event["ngos"] as? [[String: Any]] ?? []) {
            languages[try #require(party["id"] as? String)] = Set(party["languages"] as? [String] ?? [])
        }
        let agenda = try cli.run("events", "agenda", "gap-go-2026", "--format", "json")
        let meetings = try #require(
            (try JSONSerialization.jsonObject(with: Data(agenda.stdout.utf8)) as? [String: Any])?["meetings"]
                as? [[String: Any]])
        var needed: [String] = []
        for meeting in meetings {
            let province = try #require(meeting["province"] as? String)
            let ngo = try #require(meeting["ngo"] as? String)
            let spoken = languages[province] ?? []
            let heard = languages[ngo] ?? []
            // Only when both have said which languages they meet in.
            let expected = !spoken.isEmpty && !heard.isEmpty && spoken.isDisjoint(with: heard)
            #expect(meeting["interpreter"] as? Bool == expected, "\(province)–\(ngo)")
            if expected { needed.append(try #require(meeting["ngoName"] as? String)) }
        }
        #expect(!needed.isEmpty && needed.count < meetings.count, "both kinds of meeting are checked")
        let text = try cli.run("events", "agenda", "gap-go-2026", "--participant", "Cao Bằng").stdout
        for line in text.split(separator: "\n") where line.hasPrefix("| ") && line.contains("No. ") {
            let named = needed.contains { line.contains("\($0) — interpreter needed") }
            #expect(named == line.contains("interpreter needed"), "\(line)")
        }
        #expect(text.contains("interpreter needed"))
    }
}
