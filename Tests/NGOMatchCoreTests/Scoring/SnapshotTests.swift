import Foundation
import NGOMatchCore
import Testing

/// An index written to a snapshot and read back answers as the index it was written from, and
/// anything that is not a whole snapshot of this build is refused, never half read.
struct SnapshotTests {
    static func documents<Record: Encodable>(_ records: [Record]) throws -> [String] {
        try records.map { String(decoding: try StreamingJSONEncoder.encode($0), as: UTF8.self) }
    }

    static func indexWithPartnerships(seed: UInt64) -> MatchIndex {
        let synthetic = SyntheticRegistry(reference: Seeds.reference, ngos: 220, needs: 60, seed: seed)
        var random = SplitMix64(seed: seed)
        let partnerships = (0..<40).map { _ in
            Partnership(
                need: synthetic.needs.randomElement(using: &random)!.id,
                ngo: synthetic.ngos.randomElement(using: &random)!.id,
                status: Partnership.Status.allCases.randomElement(using: &random)!)
        }
        return MatchIndex(
            reference: Seeds.reference, needs: synthetic.needs, ngos: synthetic.ngos, partnerships: partnerships,
            published: BoundedRankingTests.published(for: synthetic.ngos, &random))
    }

    static func snapshot(of index: MatchIndex, revision: Int = 7) throws -> Data {
        Data(
            index.snapshot(
                MatchIndex.SnapshotHeader(revision: revision, lineage: "test-lineage", token: "t1"),
                needDocuments: try documents(Array(index.needs)), ngoDocuments: try documents(Array(index.ngos))))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aLoadedSnapshotAnswersAsTheIndexItWasWrittenFrom(seed: UInt64) throws {
        let original = Self.indexWithPartnerships(seed: seed)
        let data = try Self.snapshot(of: original)
        let header = try MatchIndex.snapshotHeader(data, reference: Seeds.reference)
        #expect(header == MatchIndex.SnapshotHeader(revision: 7, lineage: "test-lineage", token: "t1"))
        let loaded = try MatchIndex(snapshot: data, reference: Seeds.reference)
        #expect(Array(loaded.needs) == Array(original.needs))
        #expect(Array(loaded.ngos) == Array(original.ngos))
        for name in ["default", "underserved", "climate"] {
            let rules = Seeds.rules(name)
            for diversify in [false, true] {
                let options = RankOptions(limit: 12, showExcluded: true, diversify: diversify)
                for need in original.needs.indices {
                    #expect(
                        loaded.suggest(needPosition: need, rules: rules, options: options)
                            == original.suggest(needPosition: need, rules: rules, options: options))
                }
                for ngo in stride(from: 0, to: original.ngos.count, by: 9) {
                    #expect(
                        loaded.discover(ngoPosition: ngo, rules: rules, options: options)
                            == original.discover(ngoPosition: ngo, rules: rules, options: options))
                }
            }
            #expect(
                loaded.gaps(rules: rules, threshold: 40, today: .today)
                    == original.gaps(rules: rules, threshold: 40, today: .today))
        }
        #expect(try loaded.ngoDirectory.resolve(original.ngos[5].name).id == original.ngos[5].id)
    }

    @Test func aLoadedSnapshotFollowsWritesAsTheOriginalDoes() throws {
        var original = Self.indexWithPartnerships(seed: 4)
        var loaded = try MatchIndex(snapshot: try Self.snapshot(of: original), reference: Seeds.reference)
        let more = SyntheticRegistry(reference: Seeds.reference, ngos: 240, needs: 70, seed: 9)
        var changedNeed = original.needs[3]
        changedNeed.status = .closed
        var changedNGO = original.ngos[10]
        changedNGO.name = "Renamed NGO"
        changedNGO.provinces = more.ngos[0].provinces
        let completed = Partnership(need: original.needs[8].id, ngo: original.ngos[2].id, status: .completed)
        for index in [0, 1] {
            var copy = index == 0 ? original : loaded
            copy.upsert(changedNeed)
            copy.upsert(changedNGO)
            copy.upsert(more.needs[65])
            copy.upsert(more.ngos[230])
            copy.record(completed)
            if index == 0 { original = copy } else { loaded = copy }
        }
        #expect(Array(loaded.needs) == Array(original.needs))
        #expect(loaded.ngos[10].name == "Renamed NGO")
        #expect(try loaded.ngoDirectory.resolve("Renamed NGO").id == changedNGO.id)
        let rules = Seeds.rules("default")
        let options = RankOptions(limit: 20, showExcluded: true)
        for need in original.needs.indices {
            #expect(
                loaded.suggest(needPosition: need, rules: rules, options: options)
                    == original.suggest(needPosition: need, rules: rules, options: options))
        }
        #expect(
            loaded.gaps(rules: rules, threshold: 40, today: .today)
                == original.gaps(rules: rules, threshold: 40, today: .today))
    }

    @Test func anythingButAWholeSnapshotIsRefused() throws {
        let data = try Self.snapshot(of: Self.indexWithPartnerships(seed: 5))
        // Cut short anywhere, or run on past the end.
        for length in [0, 7, 8, 30, data.count / 3, data.count / 2, data.count - 1] {
            #expect(throws: SnapshotUnusable.self) {
                try MatchIndex(snapshot: data.prefix(length), reference: Seeds.reference)
            }
        }
        #expect(throws: SnapshotUnusable.self) {
            try MatchIndex(snapshot: data + Data([0]), reference: Seeds.reference)
        }
        // Another format, another build's layouts or reference data.
        for offset in [0, 8, 12, 19] {
            var changed = data
            changed[offset] ^= 0xFF
            #expect(throws: SnapshotUnusable.self) {
                try MatchIndex.snapshotHeader(changed, reference: Seeds.reference)
            }
        }
        #expect(throws: SnapshotUnusable.self) { try MatchIndex(snapshot: Data("{}".utf8), reference: Seeds.reference) }
    }

    @Test func aDocumentDamagedOnDiskIsReadFromTheRegistryInstead() throws {
        let index = Self.indexWithPartnerships(seed: 7)
        var data = try Self.snapshot(of: index)
        let damagedNGO = index.ngos[3]
        // The document's own text: ids elsewhere in the snapshot are not quoted as JSON keys' values.
        let text = Array(#""id":"\#(damagedNGO.id.rawValue)""#.utf8)
        let at = try #require(data.firstRange(of: text))
        data[at.lowerBound] = 0x01
        var renamed = damagedNGO
        renamed.name = "As the registry holds it now"
        let current = renamed
        let loaded = try MatchIndex(
            snapshot: data, reference: Seeds.reference,
            damaged: MatchIndex.DamagedRecords(need: { _ in nil }, ngo: { $0 == current.id ? current : nil }))
        #expect(loaded.ngos[3] == current)
        #expect(loaded.ngos[4] == index.ngos[4])
    }

    @Test func positionsOutsideTheRecordsAreRefused() throws {
        // The first compiled need's province, just after the lineage: a value past the 34 units.
        let index = Self.indexWithPartnerships(seed: 6)
        var data = try Self.snapshot(of: index)
        let header = 8 + 4 + 8 + 8
        let lineage = 8 + 3 * 8 + 8 + "test-lineage".utf8.count + "t1".utf8.count
        let firstNeed = header + lineage + 8
        data.replaceSubrange(firstNeed..<firstNeed + 4, with: withUnsafeBytes(of: Int32(500)) { Data($0) })
        #expect {
            try MatchIndex(snapshot: data, reference: Seeds.reference)
        } throws: { error in
            (error as? SnapshotUnusable)?.reason == "it points outside its own records"
        }
    }
}

extension SnapshotTests {
    /// Records written after a load are kept by position in groups of 1,024: each write, in any
    /// group, reads back as written, and the records around it as the snapshot holds them.
    @Test func recordsWrittenAfterALoadReadBackInEveryGroup() throws {
        let synthetic = SyntheticRegistry(reference: Seeds.reference, ngos: 2_500, needs: 10, seed: 5)
        let original = MatchIndex(reference: Seeds.reference, needs: synthetic.needs, ngos: synthetic.ngos)
        var loaded = try MatchIndex(snapshot: try Self.snapshot(of: original), reference: Seeds.reference)
        let shared = loaded
        var expected = synthetic.ngos
        for position in [5, 1_023, 1_024, 2_047, 2_499] {
            expected[position].name = "Renamed \(position)"
            expected[position].capacity = 9
            loaded.upsert(expected[position])
        }
        #expect(Array(loaded.ngos) == expected)
        #expect(Array(shared.ngos) == synthetic.ngos)
    }
}
