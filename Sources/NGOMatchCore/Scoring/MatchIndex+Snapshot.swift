import Foundation

/// The compiled index written to a file and read back, so that a new process on a large
/// registry answers in milliseconds instead of decoding and compiling every record. The
/// compiled arrays are copied back as they were; the records stay as their stored documents
/// until one is read.
extension MatchIndex {
    /// What a snapshot says it was made from, read without loading the rest.
    package struct SnapshotHeader: Equatable, Sendable {
        package init(revision: Int, lineage: String, token: String) {
            self.revision = revision
            self.lineage = lineage
            self.token = token
        }

        /// The registry's revision the index was compiled at.
        package let revision: Int
        /// Which registry: a copy of another registry may reach the same revision.
        package let lineage: String
        /// The revision's own token: the same registry may reach the same revision number by other
        /// writes (a backup copied over the file, then written to).
        package let token: String
    }

    private static let magic: UInt64 = 0x5844_494D_4F47_4E00  // "\0NGOMIDX"
    /// Bump when what `compile` writes changes meaning, not only its layout.
    private static let format: UInt32 = 3

    /// The layouts and reference the compiled values depend on: another build or other
    /// reference data make another fingerprint, and the snapshot is compiled again.
    private static func fingerprint(_ reference: ReferenceData) -> UInt64 {
        var hash = StableHash()
        for stride in [
            MemoryLayout<CompiledNeed>.stride, MemoryLayout<CompiledNGO>.stride, MemoryLayout<SectorEntry>.stride,
            MemoryLayout<Completed>.stride, MemoryLayout<Published>.stride, MemoryLayout<Int>.stride,
        ] {
            hash.combine("\(stride)")
        }
        for province in reference.provinces.provinces {
            hash.combine(province.id.rawValue)
            hash.combine(province.region.rawValue)
            for name in province.mergedFrom + province.otherNames { hash.combine(name) }
        }
        for sector in reference.taxonomy.sectors {
            hash.combine(sector.id.rawValue)
            hash.combine(sector.parent?.rawValue ?? "")
        }
        for group in TargetGroup.allCases { hash.combine(group.rawValue) }
        for status in Partnership.Status.allCases { hash.combine(status.rawValue) }
        return hash.value
    }

    /// The index as bytes, with each record's stored document by position, handed to `sink`
    /// a buffer at a time.
    package func snapshot(
        _ header: SnapshotHeader, needDocuments: [String], ngoDocuments: [String],
        into sink: @escaping ([UInt8]) -> Void
    ) {
        precondition(needDocuments.count == needs.count && ngoDocuments.count == ngos.count, "a document per record")
        var writer = SnapshotWriter(sink: sink)
        writer.write(Self.magic)
        writer.write(Self.format)
        writer.write(Self.fingerprint(reference))
        writer.write(Int64(header.revision))
        writer.write(texts: [header.lineage, header.token])

        writer.write(array: compiledNeeds)
        writer.write(array: compiledNGOs)
        writer.write(array: needSectors)
        writer.write(array: ngoSectors)
        writer.write(array: completed)
        writer.write(array: published)
        for order in [needOrder, ngoOrder, needByRank, ngoByRank] { writer.write(array: order) }
        for sets in [ngosByTopSector, ngosByCertificateProvince, needsByTopSector, needsByProvince, [openNeeds]] {
            writer.write(Int64(sets.count))
            for set in sets { writer.write(array: set.words) }
        }
        writer.write(array: declined.sorted())
        let pairs = partnershipStatus.keys.sorted()
        writer.write(array: pairs)
        let statuses = Partnership.Status.allCases
        writer.write(array: pairs.map { UInt8(statuses.firstIndex(of: partnershipStatus[$0]!)!) })
        for counts in [ngosWorkingIn, openByProvinceAndTop, demand] { writer.write(array: counts) }
        writer.write(array: completedByNeed)
        writer.write(texts: needIDs.lazy.map(\.rawValue))
        writer.write(texts: ngoEntries.lazy.map(\.id.rawValue))
        writer.write(texts: ngoEntries.lazy.map(\.name))
        writer.write(texts: ngoEntries.lazy.map { $0.acronym ?? "" })
        writer.write(array: ngoEntries.map { $0.acronym == nil ? UInt8(0) : 1 })
        writer.write(texts: needDocuments)
        writer.write(texts: ngoDocuments)
        writer.flush()
    }

    /// The snapshot whole, for callers that keep it in memory.
    package func snapshot(_ header: SnapshotHeader, needDocuments: [String], ngoDocuments: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        snapshot(header, needDocuments: needDocuments, ngoDocuments: ngoDocuments) { bytes += $0 }
        return bytes
    }

    /// The header of a snapshot, or why it is not one this build can read.
    package static func snapshotHeader(_ data: Data, reference: ReferenceData) throws(SnapshotUnusable)
        -> SnapshotHeader
    {
        var reader = SnapshotReader(data)
        return try header(&reader, reference: reference)
    }

    private static func header(_ reader: inout SnapshotReader, reference: ReferenceData) throws(SnapshotUnusable)
        -> SnapshotHeader
    {
        guard try reader.read(UInt64.self) == magic else { throw SnapshotUnusable(reason: "it is not a snapshot") }
        guard try reader.read(UInt32.self) == format else {
            throw SnapshotUnusable(reason: "it was written by another version")
        }
        guard try reader.read(UInt64.self) == fingerprint(reference) else {
            throw SnapshotUnusable(reason: "it was compiled by another build or from other reference data")
        }
        let revision = Int(try reader.read(Int64.self))
        let names = try reader.readTexts()
        guard names.count == 2 else { throw SnapshotUnusable(reason: "it names no registry") }
        return SnapshotHeader(revision: revision, lineage: names[0], token: names[1])
    }

    /// Where to read a record whose stored document no longer decodes (damaged on disk since).
    package struct DamagedRecords: Sendable {
        let need: @Sendable (NeedID) -> Need?
        let ngo: @Sendable (NGOID) -> NGO?

        package init(need: @escaping @Sendable (NeedID) -> Need?, ngo: @escaping @Sendable (NGOID) -> NGO?) {
            self.need = need
            self.ngo = ngo
        }

        package static let none = DamagedRecords(need: { _ in nil }, ngo: { _ in nil })
    }

    /// The index a snapshot holds.
    package init(snapshot data: Data, reference: ReferenceData, damaged: DamagedRecords = .none)
        throws(SnapshotUnusable)
    {
        var reader = SnapshotReader(data)
        _ = try Self.header(&reader, reference: reference)
        let compiledNeeds = try reader.readArray(CompiledNeed.self)
        let compiledNGOs = try reader.readArray(CompiledNGO.self)
        let needSectors = try reader.readArray(SectorEntry.self)
        let ngoSectors = try reader.readArray(SectorEntry.self)
        let completed = try reader.readArray(Completed.self)
        let published = try reader.readArray(Published.self)
        var orders: [[Int32]] = []
        for _ in 0..<4 { orders.append(try reader.readArray(Int32.self)) }
        var sets: [[Bitset]] = []
        for _ in 0..<5 {
            var group: [Bitset] = []
            for _ in 0..<Int(try reader.read(Int64.self)) {
                group.append(Bitset(words: try reader.readArray(UInt64.self)))
            }
            sets.append(group)
        }
        let declined = try reader.readArray(UInt64.self)
        let pairs = try reader.readArray(UInt64.self)
        let statuses = try reader.readArray(UInt8.self)
        var counts: [[Int]] = []
        for _ in 0..<3 { counts.append(try reader.readArray(Int.self)) }
        let completedByNeed = try reader.readArray(Int32.self)
        let needIDs = try reader.readTexts().map { NeedID($0) }
        let ngoIDs = try reader.readTexts().map { NGOID($0) }
        let ngoNames = try reader.readTexts()
        let acronyms = try reader.readTexts()
        let hasAcronym = try reader.readArray(UInt8.self)
        let needDocuments = try reader.readRuns()
        let ngoDocuments = try reader.readRuns()
        guard reader.isAtEnd else { throw SnapshotUnusable(reason: "it runs on past its end") }

        let needCount = needIDs.count
        let ngoCount = ngoIDs.count
        let allStatuses = Partnership.Status.allCases
        guard compiledNeeds.count == needCount, compiledNGOs.count == ngoCount,
            needDocuments.offsets.count == needCount + 1, ngoDocuments.offsets.count == ngoCount + 1,
            orders.map(\.count) == [needCount, ngoCount, needCount, ngoCount], pairs.count == statuses.count,
            ngoNames.count == ngoCount, completedByNeed.count == needCount, acronyms.count == ngoCount,
            hasAcronym.count == ngoCount,
            statuses.allSatisfy({ Int($0) < allStatuses.count })
        else { throw SnapshotUnusable(reason: "its parts disagree on how many records it holds") }

        self.init(
            reference: reference,
            needs: RecordTable(
                stored: StoredDocuments(bytes: needDocuments.bytes, offsets: needDocuments.offsets) {
                    damaged.need(needIDs[$0])
                }),
            needIDs: ChunkedArray(needIDs),
            ngos: RecordTable(
                stored: StoredDocuments(bytes: ngoDocuments.bytes, offsets: ngoDocuments.offsets) {
                    damaged.ngo(ngoIDs[$0])
                }),
            ngoEntries: ChunkedArray(
                ngoIDs.indices.lazy.map {
                    NGODirectory.Entry(
                        id: ngoIDs[$0], name: ngoNames[$0], acronym: hasAcronym[$0] != 0 ? acronyms[$0] : nil)
                }))
        guard sets.map(\.count) == [topLevelCount, provinceCount, topLevelCount, provinceCount, 1],
            counts.map(\.count) == [provinceCount, provinceCount * topLevelCount, ngoCount],
            sets[0].allSatisfy({ $0.words.count == ngosByTopSector[0].words.count }),
            sets[1].allSatisfy({ $0.words.count == ngosByTopSector[0].words.count }),
            (sets[2] + sets[3] + sets[4]).allSatisfy({ $0.words.count == openNeeds.words.count })
        else { throw SnapshotUnusable(reason: "its sets do not fit its records") }
        let sectorCount = Int32(needSectors.count)
        let ngoSectorCount = Int32(ngoSectors.count)
        let completedCount = Int32(completed.count)
        let publishedCount = Int32(published.count)
        // Positions read back are used unchecked when scoring: one out of range would crash a server.
        guard
            compiledNeeds.allSatisfy({
                $0.sectorStart >= 0 && $0.sectorCount >= 0 && $0.sectorStart + $0.sectorCount <= sectorCount
                    && $0.province >= 0 && Int($0.province) < provinceCount
            }),
            compiledNGOs.allSatisfy({
                $0.sectorStart >= 0 && $0.sectorCount >= 0 && $0.sectorStart + $0.sectorCount <= ngoSectorCount
                    && $0.completedStart >= 0 && $0.completedCount >= 0
                    && $0.completedStart + $0.completedCount <= completedCount
                    && $0.publishedStart >= 0 && $0.publishedCount >= 0
                    && $0.publishedStart + $0.publishedCount <= publishedCount
            }),
            completed.allSatisfy({ $0.need >= 0 && Int($0.need) < needCount }),
            (needSectors + ngoSectors).allSatisfy({ $0.node >= 0 && Int($0.node) < parent.count }),
            orders.allSatisfy({ order in order.allSatisfy { $0 >= 0 && Int($0) < order.count } })
        else { throw SnapshotUnusable(reason: "it points outside its own records") }

        self.compiledNeeds = ChunkedArray(compiledNeeds)
        self.compiledNGOs = ChunkedArray(compiledNGOs)
        self.needSectors = needSectors
        self.ngoSectors = ngoSectors
        // Derived, not stored, by the same steps a write takes: a snapshot's layout does not
        // change with the ranking's shortcuts.
        for position in 0..<ngoCount {
            refreshBoundInputs(at: position)
            countCertificateFields(at: position, entering: true)
        }
        self.completed = completed
        self.published = published
        (needOrder, ngoOrder, needByRank, ngoByRank) = (orders[0], orders[1], orders[2], orders[3])
        (ngosByTopSector, ngosByCertificateProvince) = (sets[0], sets[1])
        (needsByTopSector, needsByProvince, openNeeds) = (sets[2], sets[3], sets[4][0])
        self.declined = Set(declined)
        partnershipStatus = Dictionary(
            zip(pairs, statuses.map { allStatuses[Int($0)] }), uniquingKeysWith: { _, last in last })
        (ngosWorkingIn, openByProvinceAndTop, demand) = (counts[0], counts[1], counts[2])
        maxDemand = demand.max() ?? 0
        self.completedByNeed = completedByNeed
    }
}
