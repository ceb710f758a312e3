import Foundation
import NGOMatchCore
import Testing

/// An overview's plain text: each item reads as one, its detail and link indented under it
/// however long they are, and no line wider than a mail reader shows.
struct OverviewMailTests {
    @Test func anItemsDetailAndLinkStayIndentedUnderIt() throws {
        let detail =
            "Expertise 4/5 in Health workforce training, a priority-4 sector of the need; already works in Cao Bằng; grants up to $400,000 cover 83% of the gap"
        let mail = OverviewMail(
            cadence: .weekly, organisation: "MCNV", name: "Anna", language: .en,
            sections: [
                .init(
                    "New needs that fit you best",
                    [
                        .init(
                            "Maternal and child health in remote highland communes — Cao Bằng (score 74)",
                            detail: detail, link: "http://127.0.0.1:8080/needs/cao-bang-1")
                    ]),
                .init("Empty", []),
            ], settings: "http://127.0.0.1:8080/inbox")
        let lines = mail.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { $0.count <= 76 }, "\(lines.filter { $0.count > 76 })")
        let first = try #require(lines.firstIndex { $0.hasPrefix("• Maternal") })
        let link = try #require(lines.firstIndex { $0.contains("/needs/cao-bang-1") })
        // Everything between the bullet and its link belongs to the item, indented by two.
        #expect(link > first + 2)
        #expect(lines[(first + 1)...link].allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
        // The words are all there, in order.
        let words = lines[first...link].joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words.contains(detail))
        // A section with nothing in it is left out.
        #expect(!mail.plainText.contains("Empty"))
        #expect(!mail.isEmpty)
    }
}
