import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

/// An index changed in place by the writes made through a service must answer every question
/// as an index compiled afresh from the same file does.
@Suite(.timeLimit(.minutes(10))) struct IndexFollowingTests {
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ngomatch-follow-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        var registryPath: String { url.appendingPathComponent("registry.sqlite").path }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomWritesGiveTheAnswersOfAFreshIndex(seed: UInt64) throws {
        let folder = try Folder()
        let registry = try Registry.open(at: folder.registryPath, seeding: .referenceOnly).registry
        let synthetic = SyntheticRegistry(reference: registry.reference, ngos: 160, needs: 70, seed: seed)
        let records =
            try synthetic.ngos.prefix(120).map(ExportRecord.json) + synthetic.needs.prefix(50).map(ExportRecord.json)
        _ = try registry.importDocuments([
            ImportDocument(records: records.map { .init(location: .verbatim("test"), value: $0) })
        ])
        let service = MatchService(registry: registry)
        let caller = Caller.local("test")
        _ = try service.index()
        var random = SplitMix64(seed: seed)
        var nextNGO = 120
        var nextNeed = 50
        var steps: [String] = []

        for step in 0..<48 {
            let needs = try registry.needs().map(\.id.rawValue)
            let ngos = try service.index().ngos.map(\.id.rawValue)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where nextNGO < synthetic.ngos.count:
                _ = try service.registerNGO(try ExportRecord.json(synthetic.ngos[nextNGO]), caller: caller)
                steps.append("register NGO \(synthetic.ngos[nextNGO].id)")
                nextNGO += 1
            case 1 where nextNeed < synthetic.needs.count:
                _ = try service.registerNeed(
                    try ExportRecord.json(synthetic.needs[nextNeed]), caller: caller, method: "needs.register")
                steps.append("register need \(synthetic.needs[nextNeed].id)")
                nextNeed += 1
            case 2:
                // Another need's province, sectors, gap and timeframe: the need moves in every set it is in.
                let id = needs.randomElement(using: &random)!
                let changes = try Self.fields(of: ExportRecord.json(synthetic.needs.randomElement(using: &random)!))
                _ = try service.updateNeed(id, changes: changes, caller: caller, method: "needs.update")
                steps.append("update need \(id)")
            case 3:
                let id = ngos.randomElement(using: &random)!
                let changes = try Self.fields(of: ExportRecord.json(synthetic.ngos.randomElement(using: &random)!))
                _ = try service.updateNGO(id, changes: changes, caller: caller)
                steps.append("update NGO \(id)")
            case 4:
                let id = needs.randomElement(using: &random)!
                let status = ["closed", "partnered"].randomElement(using: &random)!
                _ = try service.closeNeed(NeedCloseParams(id: id, status: status), caller: caller)
                steps.append("close need \(id)")
            default:
                let need = needs.randomElement(using: &random)!
                let ngo = ngos.randomElement(using: &random)!
                let status = Partnership.Status.allCases.randomElement(using: &random)!
                _ = try service.recordPartnership(
                    PartnershipRecordParams(need: need, ngo: ngo, status: status.rawValue), caller: caller)
                steps.append("partnership \(need) \(ngo) \(status)")
            }
            if step % 4 == 3 {
                // A new process starts from the snapshot the last compile left and follows the
                // change log kept in the file; the fresh one compiles, having no snapshot.
                let restarted = MatchService(registry: try Registry.open(at: folder.registryPath).registry)
                _ = try restarted.index()
                #expect(restarted.indexCompilations == 0, "started from the snapshot")
                let fresh = try Self.freshService(folder.registryPath)
                try Self.expectSameAnswers(service, fresh, random: &random, after: steps)
                if step % 8 == 7 {
                    try Self.expectSameAnswers(restarted, fresh, random: &random, after: steps + ["restarted"])
                }
            }
        }
        #expect(service.indexCompilations == 1, "every write was followed in place, none compiled afresh")
    }

    /// A service that compiles its index from the records, not from the snapshot beside them.
    static func freshService(_ path: String) throws -> MatchService {
        let registry = try Registry.open(at: path).registry
        try? FileManager.default.removeItem(atPath: registry.snapshotPath)
        return MatchService(registry: registry)
    }

    @Test func writesByAnotherProcessAreFollowedFromTheFile() throws {
        let folder = try Folder()
        let registry = try Registry.open(at: folder.registryPath).registry
        let service = MatchService(registry: registry)
        _ = try service.index()
        // Another connection to the file, as another process has: its writes reach this one
        // only through the file, and its change log there.
        let other = MatchService(registry: try Registry.open(at: folder.registryPath).registry)
        let caller = Caller.local("test")
        let need = try registry.needs()[0].id.rawValue
        _ = try other.updateNeed(
            need, changes: .object(["fundingGapUSD": .number(12_345)]), caller: caller, method: "needs.update")
        let ngo = try registry.ngos()[1].id.rawValue
        _ = try other.updateNGO(ngo, changes: .object(["capacity": .number(1)]), caller: caller)
        _ = try other.closeNeed(
            NeedCloseParams(id: try registry.needs()[2].id.rawValue, status: "closed"), caller: caller)
        var random = SplitMix64(seed: 1)
        try Self.expectSameAnswers(service, try Self.freshService(folder.registryPath), random: &random, after: [])
        #expect(service.indexCompilations == 1, "the other process's writes were followed, not compiled afresh")
        #expect(try service.index().needs[service.index().needPosition(NeedID(need))!].fundingGapUSD == 12_345)

        // A small import logs what it wrote: the next reader follows it in place too.
        let synthetic = SyntheticRegistry(reference: registry.reference, ngos: 5, needs: 3, seed: 2)
        _ = try other.registry.importDocuments([
            ImportDocument(
                records: try (synthetic.ngos.map(ExportRecord.json) + synthetic.needs.map(ExportRecord.json)).map {
                    .init(location: .verbatim("test"), value: $0)
                })
        ])
        try Self.expectSameAnswers(service, try Self.freshService(folder.registryPath), random: &random, after: [])
        #expect(service.indexCompilations == 1, "the import's 8 records were followed, not compiled afresh")
        #expect(try service.index().ngoPosition(synthetic.ngos[0].id) != nil)
    }

    @Test func aBackupCopiedOverTheFileAndWrittenToIsNotTakenForTheSnapshot() throws {
        let folder = try Folder()
        let path = folder.registryPath
        let backup = folder.url.appendingPathComponent("backup.sqlite").path
        let caller = Caller.local("test")
        var need = ""
        do {
            let registry = try Registry.open(at: path).registry
            need = try registry.needs()[0].id.rawValue
            try registry.backup(to: backup)
            _ = try MatchService(registry: registry).updateNeed(
                need, changes: .object(["fundingGapUSD": .number(111)]), caller: caller, method: "needs.update")
            // Compiled at the revision after the backup's: the snapshot is of that revision.
            _ = try Self.freshService(path).index()
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: path)
        // The same registry, the same revision number, reached by another write.
        let registry = try Registry.open(at: path).registry
        _ = try MatchService(registry: registry).updateNeed(
            need, changes: .object(["fundingGapUSD": .number(222)]), caller: caller, method: "needs.update")
        let service = MatchService(registry: registry)
        let index = try service.index()
        #expect(service.indexCompilations == 1, "the snapshot of the other revision was not used")
        #expect(index.needs[index.needPosition(NeedID(need))!].fundingGapUSD == 222)
    }

    @Test func halfWrittenSnapshotsOfStoppedProcessesAreRemoved() throws {
        let folder = try Folder()
        let registry = try Registry.open(at: folder.registryPath).registry
        let abandoned = registry.snapshotPath + ".0A0B.tmp"
        let recent = registry.snapshotPath + ".0C0D.tmp"
        for path in [abandoned, recent] { #expect(FileManager.default.createFile(atPath: path, contents: Data([1]))) }
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: abandoned)
        _ = try MatchService(registry: registry).index()
        #expect(!FileManager.default.fileExists(atPath: abandoned), "two hours old: its writer stopped")
        #expect(FileManager.default.fileExists(atPath: recent), "another process may be writing it now")
        #expect(FileManager.default.fileExists(atPath: registry.snapshotPath))
    }

    @Test func aSnapshotOfAnotherRegistryOrADamagedOneIsNotUsed() throws {
        let folder = try Folder()
        let path = folder.registryPath
        let registry = try Registry.open(at: path).registry
        _ = try MatchService(registry: registry).index()
        let otherPath = folder.url.appendingPathComponent("other.sqlite").path
        let other = try Registry.open(at: otherPath).registry
        _ = try MatchService(registry: other).index()
        var random = SplitMix64(seed: 3)
        // The other registry's snapshot put beside this one: same revision, another lineage.
        #expect(try registry.revision() == other.revision())
        try FileManager.default.removeItem(atPath: registry.snapshotPath)
        try FileManager.default.copyItem(atPath: other.snapshotPath, toPath: registry.snapshotPath)
        let misled = MatchService(registry: try Registry.open(at: path).registry)
        _ = try misled.index()
        #expect(misled.indexCompilations == 1, "another registry's snapshot compiled afresh")
        // Cut short.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: registry.snapshotPath))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: registry.snapshotPath))
        let damaged = MatchService(registry: try Registry.open(at: path).registry)
        _ = try damaged.index()
        #expect(damaged.indexCompilations == 1, "a damaged snapshot compiled afresh")
        try Self.expectSameAnswers(damaged, try Self.freshService(path), random: &random, after: [])
    }

    /// The fields a record gives, without the ones that name it.
    static func fields(of record: JSONValue) -> JSONValue {
        guard case .object(var fields) = record else { return record }
        for name in ["id", "type", "name", "acronym", "createdAt", "updatedAt"] { fields[name] = nil }
        return .object(fields)
    }

    static func expectSameAnswers(
        _ followed: MatchService, _ fresh: MatchService, random: inout SplitMix64, after steps: [String]
    ) throws {
        func json(_ value: some Encodable) throws -> String {
            String(decoding: try StreamingJSONEncoder.encode(value), as: UTF8.self)
        }
        let history = Comment(rawValue: steps.suffix(4).joined(separator: "; "))
        for need in try fresh.index().needs.map(\.id.rawValue) {
            for diversify in [false, true] {
                let params = SuggestParams(
                    need: need, ranking: RankingParams(limit: 8, showExcluded: true, diversify: diversify))
                #expect(try json(followed.suggest(params)) == json(fresh.suggest(params)), history)
            }
        }
        for ngo in try fresh.index().ngos.map(\.id.rawValue).shuffled(using: &random).prefix(25) {
            let params = DiscoverParams(ngo: ngo, ranking: RankingParams(limit: 8, showExcluded: true))
            #expect(try json(followed.discover(params)) == json(fresh.discover(params)), history)
        }
        #expect(try json(followed.gaps(GapsParams())) == json(fresh.gaps(GapsParams())), history)
        #expect(try json(followed.sectorBalances()) == json(fresh.sectorBalances()), history)
    }
}
