import Foundation
import NGOMatchCore
import NGOMatchStore
import Testing

@Suite(.timeLimit(.minutes(10)))
struct ImportExportTests {
    func document(_ text: String, _ name: String) throws -> ImportDocument {
        try ImportDocument(bytes: Array(text.utf8), fileName: name)
    }

    @Test func anImportWithThreeBadRecordsReportsAllThreeAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        let before = try registry.counts()
        let csv = """
            type,id,province,title,sectors,fundingGapUSD,timeframe.start,timeframe.end
            need,ok-1,Cao Bằng,Fine,health:3,1000,2026-01-01,2026-06-30
            need,bad-1,Cao Bang,Typo,helth:3,1000,2026-01-01,2026-06-30
            need,bad-2,Đồng Nai,Priority,health:7,1000,2026-01-01,2026-06-30
            need,bad-3,Hà Giang,Dates,health:2,-5,2026-09-01,2026-06-30
            """
        do {
            _ = try registry.importDocuments([try document(csv, "needs.csv")])
            Issue.record("an import with bad records succeeded")
        } catch let failure as ValidationFailure {
            #expect(
                failure.records.map(\.location.description) == [
                    "needs.csv line 3", "needs.csv line 4", "needs.csv line 5",
                ])
            let text = failure.description
            #expect(
                text.contains(
                    "needs.csv line 3, need 'bad-1': sectors[0]: unknown sector 'helth' — did you mean 'health'?"))
            #expect(text.contains("needs.csv line 4, need 'bad-2': sectors[0].priority: must be from 1 to 5, got 7"))
            #expect(text.contains("needs.csv line 5, need 'bad-3': fundingGapUSD: must not be negative"))
            #expect(
                text.contains(
                    "needs.csv line 5, need 'bad-3': timeframe.end: ends (2026-06-30) before it starts (2026-09-01)"))
        }
        #expect(try registry.counts() == before)
        #expect(throws: RegistryError.self) { try registry.need("ok-1") }
    }

    @Test func duplicateIdsAreRefusedInTheFileAndAgainstTheRegistry() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        let lines = """
            {"type":"ngo","id":"twin","name":"Twin A","country":"France","sectors":"health:3"}
            {"type":"ngo","id":"twin","name":"Twin B","country":"France","sectors":"health:3"}
            {"type":"ngo","id":"wwf-vietnam","name":"Copy","country":"France","sectors":"health:3"}
            """
        do {
            _ = try registry.importDocuments([try document(lines, "ngos.jsonl")])
            Issue.record("duplicates imported")
        } catch let failure as ValidationFailure {
            #expect(failure.records.count == 2)
            #expect(
                failure.records[0].description.contains("duplicate id 'twin': the same id is used at ngos.jsonl line 1")
            )
            #expect(failure.records[1].description.contains("duplicate id 'wwf-vietnam': already in the registry"))
        }
    }

    @Test func checkOnlyValidatesWithoutWriting() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder, seeding: .referenceOnly)
        let line = #"{"type":"ngo","name":"Solo","country":"Japan","sectors":"water:4"}"#
        let summary = try registry.importDocuments([try document(line, "one.jsonl")], checkOnly: true)
        #expect(summary.ngos == 1)
        #expect(try registry.counts().ngos == 0)
    }

    @Test(arguments: ["jsonl", "json", "csv"])
    func exportThenImportIntoAFreshRegistryGivesTheSameRegistry(format: String) throws {
        let folder = try TemporaryFolder()
        let original = try Registry.temporary(folder, "original.sqlite")
        _ = try original.updateNeed(
            "cao-bang-1",
            changes: .object([
                "contact": .object(["email": .string("a@b.vn")]),
                "description": .string("Quotes \" and, commas\nand newlines"),
            ]))
        let records = try original.exportRecords()
        let text: String
        switch format {
        case "json": text = String(decoding: try JSONEncoder().encode(records), as: UTF8.self)
        case "csv":
            text = ([CSVTable.line(ExportRecord.csvColumns)] + records.map { CSVTable.line(ExportRecord.csvRow($0)) })
                .joined(separator: "\n")
        default:
            text = try records.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined(
                separator: "\n")
        }
        let copy = try Registry.temporary(folder, "copy.sqlite", seeding: .referenceOnly)
        _ = try copy.importDocuments([try document(text, "export.\(format)")])
        #expect(try copy.exportRecords() == records)
        #expect(try copy.needs() == original.needs())
        #expect(try copy.ngos() == original.ngos())
    }
}
