import Foundation
import Testing

/// List commands page on request, say how to go on, and give everything to programs.
@Suite(.timeLimit(.minutes(10)))
struct PagingCLITests {
    @Test func aPageSaysHowToGoOnAndTheNextPageContinues() throws {
        let cli = try CLI()
        let everything = try cli.run("ngos", "list", "--format", "jsonl")
        let all = everything.stdout.split(separator: "\n")
        #expect(everything.status == 0 && all.count > 20, "\(everything.stderr)")
        let first = try cli.run("ngos", "list", "--limit", "5")
        #expect(first.status == 0)
        #expect(first.stderr.contains("Showing 5 of \(all.count);"), "\(first.stderr)")
        #expect(first.stderr.contains("Next page: ngomatch ngos list --after "), "\(first.stderr)")
        let cursor = try #require(
            first.stderr.components(separatedBy: "--after ").last?.split(whereSeparator: \.isWhitespace).first
                .map(String.init))
        let second = try cli.run("ngos", "list", "--limit", "5", "--after", cursor, "--format", "jsonl")
        #expect(second.stdout.split(separator: "\n") == Array(all[5..<10]))
        // Output to a program is never cut: no limit, no footer.
        let piped = try cli.run("ngos", "list")
        #expect(!piped.stderr.contains("Showing"))
        let bad = try cli.run("ngos", "list", "--after", "edited")
        #expect(bad.status != 0 && bad.stderr.contains("after"), "\(bad.stderr)")
    }

    @Test func theAuditTrailPagesLikeEveryList() throws {
        let cli = try CLI()
        for amount in 1...4 {
            let update = try cli.run("needs", "update", "cao-bang-1", "--funding-gap", "\(amount * 1000)")
            #expect(update.status == 0, "\(update.stderr)")
        }
        let all = try cli.run("audit", "--what", "cao-bang-1", "--format", "csv", "--all")
        let rows = all.stdout.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(rows.first == "at,actor,method,record" && rows.count == 5, "\(all.stdout)")
        let first = try cli.run("audit", "--what", "cao-bang-1", "--limit", "3")
        #expect(first.stdout.contains("needs.update") && first.stdout.contains("cao-bang-1"), "\(first.stdout)")
        #expect(first.stderr.contains("Showing 3 of 4;"), "\(first.stderr)")
        let cursor = try #require(
            first.stderr.components(separatedBy: "--after ").last?.split(whereSeparator: \.isWhitespace).first
                .map(String.init))
        let rest = try cli.run("audit", "--what", "cao-bang-1", "--after", cursor, "--format", "csv")
        #expect(rest.stdout.split(separator: "\r\n").count == 2, "\(rest.stdout)")
    }
}
