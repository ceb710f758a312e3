import Foundation
import Testing

/// Names and free text carrying SQL, HTML, spreadsheet formulas and terminal escape
/// sequences are stored exactly as given and shown harmlessly.
@Suite(.timeLimit(.minutes(10)))
struct InjectionTests {
    static let hostile = "Robert'); DROP TABLE need;-- <script>alert(1)</script> \u{1B}[31mRED\u{1B}[0m\u{7}"

    @Test func hostileTextIsStoredVerbatimAndShownHarmlessly() throws {
        let cli = try CLI()
        let added = try cli.run(
            "needs", "add", "--province", "Cao Bằng", "--title", Self.hostile, "--sector", "health:4",
            "--funding-gap", "20000", "--start", "2026-09-01", "--end", "2027-08-31", "--format", "json")
        #expect(added.status == 0, "\(added.stderr)")
        let record = try #require(Self.record(added.stdout))
        let id = try #require(record["id"] as? String)
        #expect(record["title"] as? String == Self.hostile)

        let shown = try cli.run("needs", "show", id)
        #expect(shown.status == 0)
        #expect(!shown.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" })
        #expect(shown.stdout.contains("Robert'); DROP TABLE need;-- <script>alert(1)</script>"))
        let listed = try cli.run("needs", "list", "--province", "Cao Bằng")
        #expect(!listed.stdout.unicodeScalars.contains { $0 == "\u{1B}" })
        // The table the text tried to drop is still there, with every need.
        let json = try cli.run("needs", "show", id, "--format", "json")
        let again = try #require(Self.record(json.stdout))
        #expect(again["title"] as? String == Self.hostile)
        #expect(try cli.run("needs", "show", "cao-bang-1").status == 0)
    }

    /// The one record a `--format json` command printed (as an object or a list of one).
    static func record(_ output: String) -> [String: Any]? {
        let value = try? JSONSerialization.jsonObject(with: Data(output.utf8))
        return value as? [String: Any] ?? (value as? [[String: Any]])?.first
    }

    @Test func agendasEscapeMarkupAndFormulas() throws {
        let cli = try CLI()
        let event: [String: Any] = [
            "name": "<b>Meeting</b>", "slots": 1,
            "provinces": [["id": "<script>alert(1)</script>"]], "ngos": [["id": "=HYPERLINK(\"x\")"]],
            "scores": [["province": "<script>alert(1)</script>", "ngo": "=HYPERLINK(\"x\")", "score": 0.5]],
        ]
        let file = try cli.file(
            "event.json", String(decoding: try JSONSerialization.data(withJSONObject: event), as: UTF8.self))
        let html = try cli.run("pair", "--event", file, "--format", "html")
        #expect(html.status == 0, "\(html.stderr)")
        #expect(!html.stdout.contains("<script>alert"))
        #expect(html.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.stdout.contains("&lt;b&gt;Meeting&lt;/b&gt;"))
        let csv = try cli.run("pair", "--event", file, "--format", "csv")
        #expect(csv.stdout.contains("'=HYPERLINK"))
        #expect(!csv.stdout.contains(",=HYPERLINK"))
    }
}

/// Hostile import files beyond the core's own tests: the same id in two files of one import,
/// and a report of thousands of bad records kept readable.
@Suite(.timeLimit(.minutes(10)))
struct HostileImportTests {
    @Test func theSameIdInTwoFilesOfOneImportIsRefusedAndNothingIsWritten() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let need =
            #"{"type":"need","id":"twin-need","province":"Cao Bằng","title":"x","sectors":"health:3","fundingGapUSD":1000,"timeframe":{"start":"2026-09-01","end":"2027-08-31"}}"#
        let first = try cli.file("first.jsonl", need + "\n")
        let second = try cli.file("second.jsonl", need + "\n")
        let before = try cli.run("export", "--format", "jsonl").stdout
        let result = try cli.run("import", first, second)
        #expect(result.status == 2)
        #expect(result.stderr.contains("duplicate id 'twin-need'"), "\(result.stderr)")
        #expect(try cli.run("export", "--format", "jsonl").stdout == before)
    }

    @Test func thousandsOfBadRecordsAreSummarised() throws {
        let cli = try CLI()
        let lines = (0..<2000).map { #"{"type":"ngo","id":"bad-\#($0)","name":"x"}"# }.joined(separator: "\n")
        let result = try cli.run("import", try cli.file("bad.jsonl", lines))
        #expect(result.status == 2)
        #expect(result.stderr.contains("2000 records are not valid"))
        #expect(result.stderr.contains("more lines like these."))
        #expect(result.stderr.split(separator: "\n").count < 70)
    }
}
