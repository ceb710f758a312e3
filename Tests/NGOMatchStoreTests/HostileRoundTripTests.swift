import Foundation
import NGOMatchCore
import NGOMatchStore
import Testing

/// Export then import must give back every byte a user typed, whatever the text holds.
@Suite(.timeLimit(.minutes(10)))
struct HostileRoundTripTests {
    static let pieces = [
        "\r", "\n", "\r\n", "\"", "\"\"", ",", ";", "; ", "\\", "\\;", "'", "=", "+", "-", "@", "\t",
        "=1+1", "+SUM(A1)", "-2+3", "@SUM(A1:A2)", "'=x", "e\u{301}", ",\u{301}", "\"\u{301}", "\u{301}",
        "🇻🇳", "👩🏽‍⚕️", "\u{200F}", "\u{202E}", "Cao Bằng", "Hoà", "a", "b c",
    ]

    /// Text made of hostile pieces; never blank, so required fields stay valid.
    static func text(_ random: inout SplitMix64, items: Int = 6) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...items, using: &random) { text += pieces.randomElement(using: &random)! }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "x" + text : text
    }

    static func hostileRegistry(_ folder: TemporaryFolder, seed: UInt64) throws -> Registry {
        let registry = try Registry.temporary(folder, "original.sqlite")
        var random = SplitMix64(seed: seed)
        for need in try registry.needs().prefix(12) {
            let localities = (0..<Int.random(in: 1...4, using: &random)).map { _ in text(&random) }
            _ = try registry.updateNeed(
                need.id.rawValue,
                changes: .object([
                    "title": .string(text(&random)),
                    "description": .string(text(&random, items: 12)),
                    "source": .string(text(&random)),
                    "localities": .array(localities.map(JSONValue.string)),
                    "contact": .object(["name": .string(text(&random))]),
                ]))
        }
        return registry
    }

    static func serialise(_ records: [JSONValue], as format: String) throws -> String {
        switch format {
        case "json": return String(decoding: try StreamingJSONEncoder.encode(records), as: UTF8.self)
        case "csv": return CSVTable.text([ExportRecord.csvColumns] + records.map(ExportRecord.csvRow))
        default:
            return try records.map { String(decoding: try StreamingJSONEncoder.encode($0), as: UTF8.self) }
                .joined(separator: "\n")
        }
    }

    @Test(arguments: ["jsonl", "json", "csv"], [1, 2, 3] as [UInt64])
    func hostileTextSurvivesExportAndImport(format: String, seed: UInt64) throws {
        let folder = try TemporaryFolder()
        let original = try Self.hostileRegistry(folder, seed: seed)
        let needs = try original.needs()
        // The generated text must hold what broke round trips before, or this test proves nothing.
        #expect(needs.contains { $0.localities.contains { $0.contains(";") } })
        #expect(needs.contains { ($0.title + $0.description + ($0.source ?? "")).unicodeScalars.contains("\r") })
        #expect(needs.contains { $0.title.hasPrefix("=") || $0.title.hasPrefix("+") || $0.title.hasPrefix("-") })
        let records = try original.exportRecords()
        let text = try Self.serialise(records, as: format)
        let copy = try Registry.temporary(folder, "copy.sqlite", seeding: .referenceOnly)
        _ = try copy.importDocuments([try ImportDocument(bytes: Array(text.utf8), fileName: "export.\(format)")])
        let back = try copy.exportRecords()
        #expect(back.count == records.count)
        for (a, b) in zip(records, back) where a != b {
            Issue.record("\(format) changed a record:\n\(a)\n\(b)")
            break
        }
        #expect(try copy.needs() == original.needs())
    }

    @Test func csvQuotesOnScalarsAndEndsRowsWithCRLF() throws {
        // Each of these is one Character holding a scalar that needs quoting.
        let fields = ["a\r\nb", ",\u{301}", "\"\u{301}", "plain"]
        let line = CSVTable.line(fields)
        #expect(line == "\"a\r\nb\",\",\u{301}\",\"\"\"\u{301}\",plain")
        let text = CSVTable.text([["h1", "h2", "h3", "h4"], fields])
        #expect(text.hasSuffix("plain\r\n"))
        #expect(try CSVTable(parsing: text).rows[0].fields == fields)
    }

    @Test func formulasAreNeutralisedAndReadBackExactly() throws {
        let cells = ["=1+1", "+A1", "-A1", "@SUM(A1)", "\tx", "\rx", "'=x", "''+y", "'plain", "-5", "3", "x=1"]
        let written = cells.map(SpreadsheetCell.neutralised)
        #expect(
            written == [
                "'=1+1", "'+A1", "'-A1", "'@SUM(A1)", "'\tx", "'\rx", "''=x", "'''+y", "'plain", "-5", "3", "x=1",
            ])
        #expect(written.map(SpreadsheetCell.restored) == cells)
        let text = CSVTable.text([cells.indices.map { "h\($0)" }, cells])
        #expect(try CSVTable(parsing: text).rows[0].fields == cells)
    }

    @Test func listItemsKeepTheirSemicolonsAndBackslashes() {
        let items = ["Commune A; hamlet 3", "C:\\data", "end\\", ";", "plain"]
        let cell = ListCell.join(items)
        #expect(cell == "Commune A\\; hamlet 3; C:\\\\data; end\\\\; \\;; plain")
        #expect(ListCell.split(cell) == items)
        // Hand-written cells read as before.
        #expect(ListCell.split("children; women ;;") == ["children", "women"])
        #expect(ListCell.split("C:\\data") == ["C:\\data"])
        // Without a backslash the cell is cut on its bytes; accents and combining marks stay whole.
        let decomposed = "Cao Ba\u{0306}\u{0300}ng"
        #expect(ListCell.split(" Hà Nội;\t\(decomposed) ;\nline ; ") == ["Hà Nội", decomposed, "\nline"])
        #expect(ListCell.split("; ;") == [])
    }
}
