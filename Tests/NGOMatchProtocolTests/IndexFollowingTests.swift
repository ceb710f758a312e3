import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

/// An index changed in place by the writes made through a service must answer every question
/// as an index compiled afresh from the same file does.
@Suite struct IndexFollowingTests {
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
        let service = Service(registry: registry)
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
                _ = try service.registerNeed(try ExportRecord.json(synthetic.needs[nextNeed]), caller: caller)
                steps.append("register need \(synthetic.needs[nextNeed].id)")
                nextNeed += 1
            case 2:
                // Another need's province, sectors, gap and timeframe: the need moves in every set it is in.
                let id = needs.randomElement(using: &random)!
                let changes = try Self.fields(of: ExportRecord.json(synthetic.needs.randomElement(using: &random)!))
                _ = try service.updateNeed(id, changes: changes, caller: caller)
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
                let fresh = Service(registry: try Registry.open(at: folder.registryPath).registry)
                try Self.expectSameAnswers(service, fresh, random: &random, after: steps)
            }
        }
        #expect(service.indexCompilations == 1, "every write was followed in place, none compiled afresh")
    }

    /// The fields a record gives, without the ones that name it.
    static func fields(of record: JSONValue) -> JSONValue {
        guard case .object(var fields) = record else { return record }
        for name in ["id", "type", "name", "acronym", "createdAt", "updatedAt"] { fields[name] = nil }
        return .object(fields)
    }

    static func expectSameAnswers(
        _ followed: Service, _ fresh: Service, random: inout SplitMix64, after steps: [String]
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
