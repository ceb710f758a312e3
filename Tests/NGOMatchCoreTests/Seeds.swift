import Foundation
import NGOMatchCore
import NGOMatchSeeds

/// The reference data compiled into the binary, read once for all tests.
enum Seeds {
    static let reference: ReferenceData = {
        do {
            return try ReferenceData(
                provincesJSON: SeedFile.text(SeedFile.provinces)!, sectorsJSON: SeedFile.text(SeedFile.sectors)!)
        } catch {
            fatalError("the seed files do not parse: \(error)")
        }
    }()

    static let reader = RecordReader(reference: reference)

    static func rules(_ name: String) -> RuleSet {
        do {
            return try RuleSetParser.parse(SeedFile.ruleSet(name)!, file: name, taxonomy: reference.taxonomy)
        } catch {
            fatalError("rules/\(name).yaml does not parse: \(error)")
        }
    }

    /// A file under fixtures/.
    static func fixture(_ path: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures").appendingPathComponent(path)
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Reads needs and NGOs in the import format into a match index.
    static func index(_ jsonl: String, partnerships: [Partnership] = []) throws -> MatchIndex {
        let records = try ImportDocument(bytes: Array(jsonl.utf8), fileName: "fixture.jsonl").records
        var needs: [Need] = []
        var ngos: [NGO] = []
        for record in records {
            switch ImportDocument.kind(of: record.value) {
            case .need: needs.append(try reader.need(from: record.value, makeID: { _ in "unused" }).get())
            case .ngo: ngos.append(try reader.ngo(from: record.value).get())
            default: break
            }
        }
        return MatchIndex(reference: reference, needs: needs, ngos: ngos, partnerships: partnerships)
    }
}
