import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

/// A large import into a registry with no records compiles the index from the records it has
/// just decoded, not from the file: it must answer as an index compiled from the file does.
@Suite(.timeLimit(.minutes(10))) struct ImportCompiledIndexTests {
    /// More records than a kept index follows in place, in no particular order, with partnerships.
    static func records(_ reference: ReferenceData, seed: UInt64) throws -> [ImportDocument.RawRecord] {
        let synthetic = SyntheticRegistry(reference: reference, ngos: 2_100, needs: 150, seed: seed)
        var random = SplitMix64(seed: seed)
        var values = try synthetic.ngos.map(ExportRecord.json) + synthetic.needs.map(ExportRecord.json)
        values.shuffle(using: &random)
        for (need, ngo) in zip(synthetic.needs.prefix(40), synthetic.ngos.shuffled(using: &random)) {
            let status = ["completed", "active", "proposed"].randomElement(using: &random)!
            values.append(
                .object([
                    "type": .string("partnership"), "need": .string(need.id.rawValue), "ngo": .string(ngo.id.rawValue),
                    "status": .string(status),
                ]))
        }
        return values.map { .init(location: .verbatim("test"), value: $0) }
    }

    @Test(arguments: [4, 5] as [UInt64])
    func theIndexAnImportCompiledAnswersAsTheFilesDoes(seed: UInt64) throws {
        let folder = try IndexFollowingTests.Folder()
        let registry = try Registry.open(at: folder.registryPath, seeding: .referenceOnly).registry
        let service = MatchService(registry: registry)
        let summary = try service.importDocuments(
            [ImportDocument(records: try Self.records(registry.reference, seed: seed))], checkOnly: false,
            caller: .local("test"))
        #expect(summary.ngos == 2_100 && summary.needs == 150 && summary.partnerships == 40)
        #expect(summary.leftAHole, "large enough not to be followed in place")
        _ = try service.index()
        #expect(service.indexCompilations == 0, "the import's own index was kept")
        #expect(try registry.snapshotMatchIndex()?.revision == registry.revision(), "its snapshot is current")
        let fresh = try IndexFollowingTests.freshService(folder.registryPath)
        var random = SplitMix64(seed: seed)
        try IndexFollowingTests.expectSameAnswers(service, fresh, random: &random, after: ["import"])
        #expect(fresh.indexCompilations == 1, "the yardstick compiled from the file")
        // A new process starts from the snapshot the import wrote.
        let restarted = MatchService(registry: try Registry.open(at: folder.registryPath).registry)
        try IndexFollowingTests.expectSameAnswers(restarted, fresh, random: &random, after: ["restarted"])
        #expect(restarted.indexCompilations == 0)
    }

    @Test func anImportBesideOlderRecordsIsCompiledWithThem() throws {
        let folder = try IndexFollowingTests.Folder()
        let registry = try Registry.open(at: folder.registryPath, seeding: .demo).registry
        let service = MatchService(registry: registry)
        let before = try registry.counts()
        _ = try service.importDocuments(
            [ImportDocument(records: try Self.records(registry.reference, seed: 6))], checkOnly: false,
            caller: .local("test"))
        #expect(try registry.counts().ngos == before.ngos + 2_100)
        #expect(service.indexCompilations == 1, "compiled from the file, the demo records with the imported")
        #expect(try service.index().ngos.count == before.ngos + 2_100)
        let fresh = try IndexFollowingTests.freshService(folder.registryPath)
        var random = SplitMix64(seed: 6)
        try IndexFollowingTests.expectSameAnswers(service, fresh, random: &random, after: ["import beside the demo"])
    }
}
