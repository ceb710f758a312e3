import Foundation
import NGOMatchCore
import Testing

@testable import NGOMatchStore

/// An import is read, checked and written a slice at a time; it must still behave as one whole.
@Suite(.timeLimit(.minutes(10)))
struct LargeImportTests {
    static let count = ImportRun.sliceSize * 2 + 500

    static func ngoLine(_ number: Int, id: String? = nil) -> String {
        #"{"type":"ngo","id":"\#(id ?? "many-\(number)")","name":"Many NGO \#(number)","country":"France","sectors":"health:3"}"#
    }

    @Test func problemsInEverySliceAreAllToldAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        let before = try registry.counts()
        var lines = (1...Self.count).map { Self.ngoLine($0) }
        lines[2] = Self.ngoLine(3, id: "early")
        lines[Self.count - 400] = Self.ngoLine(0, id: "early")
        lines[Self.count - 100] = #"{"type":"ngo", not json"#
        let document = try ImportDocument(bytes: Array(lines.joined(separator: "\n").utf8), fileName: "ngos.jsonl")
        #expect(document.count == Self.count)
        do {
            _ = try registry.importDocuments([document])
            Issue.record("an import with a bad line was written")
        } catch let failure as ValidationFailure {
            let told = failure.records.map(\.description)
            #expect(told.count == 2, "\(told)")
            #expect(
                told.first?.hasPrefix(
                    "ngos.jsonl line \(Self.count - 399), NGO 'early': id: duplicate id 'early': the same id is used at ngos.jsonl line 3"
                ) == true, "\(told)")
            #expect(told.last?.hasPrefix("ngos.jsonl line \(Self.count - 99): not valid JSON (") == true, "\(told)")
        }
        #expect(try registry.counts() == before)
    }

    @Test func partnershipsAfterManySlicesFindTheNGOsOfTheFirst() throws {
        let folder = try TemporaryFolder()
        let registry = try Registry.temporary(folder)
        let before = try registry.counts()
        let lines =
            (1...Self.count).map { Self.ngoLine($0) } + [
                #"{"type":"partnership","need":"cao-bang-1","ngo":"Many NGO 1","status":"proposed"}"#
            ]
        let document = try ImportDocument(bytes: Array(lines.joined(separator: "\n").utf8), fileName: "ngos.jsonl")
        let summary = try registry.importDocuments([document])
        #expect(summary == ImportSummary(needs: 0, ngos: Self.count, partnerships: 1, changed: nil))
        #expect(try registry.counts().ngos == before.ngos + Self.count)
        #expect(try registry.partnerships(need: "cao-bang-1").contains { $0.ngo == NGOID("many-1") })
        #expect(try registry.ngo(named: "many-\(Self.count)").name == "Many NGO \(Self.count)")
    }
}
