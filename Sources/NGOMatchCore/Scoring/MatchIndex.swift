/// The registry compiled for scoring: provinces and sectors as small integers,
/// sets as bit masks, records as flat arrays of plain values, and postings lists
/// from sector and province to candidates, so that ranking one need touches only
/// the NGOs that could serve it and copies nothing that needs reference counting.
package struct MatchIndex: Sendable {
    package let reference: ReferenceData
    package internal(set) var needs: RecordTable<Need>
    package internal(set) var ngos: RecordTable<NGO>
    /// Each record's id, kept apart from records that a loaded snapshot decodes only when read.
    var needIDs: ChunkedArray<NeedID>
    /// Each NGO's id and the names it is found by.
    var ngoEntries: ChunkedArray<NGODirectory.Entry>

    let sectorIndex: [SectorID: Int]
    let provinceIndex: [ProvinceID: Int]
    let groupBit: [TargetGroup: UInt32]
    /// Each taxonomy node's parent node, or -1.
    let parent: [Int32]
    /// Each node's top-level sector, as a bit position.
    let topBit: [Int]
    let topLevelCount: Int
    /// Each node and, for a top-level sector, its subsectors.
    let nodeWithChildren: [UInt128]
    let region: [Int32]
    let distanceKm: [Double]
    let provinceCount: Int

    // Records are compiled into chunked arrays and their sector entries appended to flat
    // ones, so that a write changes a chunk and appends a few entries (see MatchIndex+Updates).
    var compiledNeeds: ChunkedArray<CompiledNeed>
    var compiledNGOs: ChunkedArray<CompiledNGO>
    /// Each NGO's compiled record packed for bounding its score (see `ScoreBoundInputs`).
    var scoreBoundInputs = ChunkedArray<ScoreBoundInputs>()
    var needSectors: [SectorEntry] = []
    var ngoSectors: [SectorEntry] = []
    var completed: [Completed] = []
    /// Each NGO's published activities (see `PublishedActivity`), in a slice per NGO like `completed`.
    var published: [Published] = []
    var needIndex: [NeedID: Int]
    var ngoIndex: [NGOID: Int]
    /// Each NGO's place in id order, so ties are broken by id without comparing strings.
    var ngoOrder: [Int32]
    var needOrder: [Int32]
    /// The inverse of the orders: the position of the record at each rank.
    var ngoByRank: [Int32]
    var needByRank: [Int32]
    /// NGOs working in each top-level sector.
    var ngosByTopSector: [Bitset]
    /// NGOs whose certificate names each province.
    var ngosByCertificateProvince: [Bitset]
    /// NGOs whose certificate's fields cover each taxonomy node, and those without a certificate
    /// (whom the fields filter does not judge): derived from the compiled records, not stored in a snapshot.
    var ngosByCertificateField: [Bitset]
    var ngosWithoutCertificate: Bitset
    var needsByTopSector: [Bitset]
    var needsByProvince: [Bitset]
    var openNeeds: Bitset
    /// Needs paired with NGOs that declined, as `need << 32 | ngo`.
    var declined: Set<UInt64> = []
    /// Every recorded pair's status, as `need << 32 | ngo`: what a changed partnership undoes.
    var partnershipStatus: [UInt64: Partnership.Status] = [:]
    /// NGOs working in each province now (not counting nationwide ones).
    var ngosWorkingIn: [Int]
    /// Open needs by province and top-level sector, `province * topLevelCount + top`.
    var openByProvinceAndTop: [Int]
    /// For each NGO, the open needs in its certified provinces and sectors: how sought-after it is.
    var demand: [Int]
    /// The largest demand, kept as demand changes: spreading a list divides by it.
    var maxDemand = 0
    /// Each NGO's top-level sectors, packed apart from its compiled record for the writes that
    /// read them for every NGO certified in a province.
    var ngoTopMasks = ChunkedArray<UInt32>()
    /// Each need's completed partnerships, which count in NGOs' track records.
    var completedByNeed: [Int32]

    struct CompiledNeed: Sendable, BitwiseCopyable {
        var province: Int32
        var sectorStart: Int32
        var sectorCount: Int32
        var topMask: UInt32
        var nodes: UInt128
        /// The sectors with the need's highest priority.
        var primary: UInt128
        var groups: UInt32
        var gap: Double
        var start: Int32
        var end: Int32
        var isOpen: Bool
    }

    struct CompiledNGO: Sendable, BitwiseCopyable {
        var sectorStart: Int32
        var sectorCount: Int32
        var topMask: UInt32
        var current: UInt64
        var past: UInt64
        var nationwide: Bool
        var hasCertificate: Bool
        var issued: Int32
        var expires: Int32
        var certificateArea: UInt64
        /// Nodes the certificate covers: a top-level field covers its subsectors.
        var certificateNodes: UInt128
        var groups: UInt32
        var hasGrantRange: Bool
        var grantMin: Double
        var grantMax: Double
        var capacity: Int32
        var optOutProvinces: UInt64
        var optOutNodes: UInt128
        var openPartnerships: Int32
        var completedStart: Int32
        var completedCount: Int32
        var publishedStart: Int32
        var publishedCount: Int32
    }

    /// A completed partnership, by the need's position: its province and sectors are read
    /// from the need as it is now.
    struct Completed: Sendable, BitwiseCopyable {
        var need: Int32
    }

    /// A published activity compiled: its provinces and top-level sectors as masks, and its years.
    struct Published: Sendable, BitwiseCopyable {
        var provinces: UInt64
        var topMask: UInt32
        var firstYear: Int16
        var lastYear: Int16
    }

    /// The reference compiled, and empty sets and counts sized for the records given.
    init(
        reference: ReferenceData, needs: RecordTable<Need>, needIDs: ChunkedArray<NeedID>, ngos: RecordTable<NGO>,
        ngoEntries: ChunkedArray<NGODirectory.Entry>
    ) {
        self.reference = reference
        let provinces = reference.provinces.provinces
        precondition(provinces.count <= 64, "province sets are 64-bit masks")
        provinceCount = provinces.count
        provinceIndex = Dictionary(uniqueKeysWithValues: provinces.enumerated().map { ($1.id, $0) })
        let regionIDs = Array(Set(provinces.map(\.region))).sorted()
        region = provinces.map { province in Int32(regionIDs.firstIndex(of: province.region)!) }
        distanceKm = provinces.flatMap { a in provinces.map { a.distance(to: $0) } }

        let sectors = reference.taxonomy.sectors
        precondition(sectors.count <= 128, "sector sets are 128-bit masks")
        let sectorIndex = Dictionary(uniqueKeysWithValues: sectors.enumerated().map { ($1.id, $0) })
        self.sectorIndex = sectorIndex
        let parent = sectors.map { Int32($0.parent.flatMap { sectorIndex[$0] } ?? -1) }
        self.parent = parent
        let topLevel = sectors.indices.filter { parent[$0] < 0 }
        precondition(topLevel.count <= 32, "top-level sector sets are 32-bit masks")
        topLevelCount = topLevel.count
        topBit = sectors.indices.map { topLevel.firstIndex(of: parent[$0] >= 0 ? Int(parent[$0]) : $0)! }
        nodeWithChildren = sectors.indices.map { node in
            sectors.indices.reduce(UInt128(1) << UInt128(node)) { mask, child in
                parent[child] == Int32(node) ? mask | UInt128(1) << UInt128(child) : mask
            }
        }
        groupBit = Dictionary(
            uniqueKeysWithValues: TargetGroup.allCases.enumerated().map { ($1, UInt32(1) << UInt32($0)) })

        self.needs = needs
        self.ngos = ngos
        self.needIDs = needIDs
        self.ngoEntries = ngoEntries
        needIndex = Dictionary(needIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        ngoIndex = Dictionary(ngoEntries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Set by the caller: a snapshot holds the orders, an index built from records sorts the ids.
        (ngoOrder, ngoByRank, needOrder, needByRank) = ([], [], [], [])
        compiledNeeds = ChunkedArray()
        compiledNGOs = ChunkedArray()
        ngosByTopSector = Array(repeating: Bitset(count: ngos.count), count: topLevel.count)
        ngosByCertificateProvince = Array(repeating: Bitset(count: ngos.count), count: provinces.count)
        ngosByCertificateField = Array(repeating: Bitset(count: ngos.count), count: sectors.count)
        ngosWithoutCertificate = Bitset(count: ngos.count)
        needsByTopSector = Array(repeating: Bitset(count: needs.count), count: topLevel.count)
        needsByProvince = Array(repeating: Bitset(count: needs.count), count: provinces.count)
        openNeeds = Bitset(count: needs.count)
        ngosWorkingIn = Array(repeating: 0, count: provinces.count)
        openByProvinceAndTop = Array(repeating: 0, count: provinces.count * topLevel.count)
        demand = Array(repeating: 0, count: ngos.count)
        completedByNeed = Array(repeating: 0, count: needs.count)
    }

    package init(
        reference: ReferenceData, needs: [Need], ngos: [NGO], partnerships: [Partnership] = [],
        published: [PublishedActivity] = []
    ) {
        self.init(
            reference: reference, needs: RecordTable(needs), needIDs: ChunkedArray(needs.map(\.id)),
            ngos: RecordTable(ngos), ngoEntries: ChunkedArray(ngos.map(\.directoryEntry)))
        (ngoOrder, ngoByRank) = Self.order(ngos.map(\.id.rawValue))
        (needOrder, needByRank) = Self.order(needs.map(\.id.rawValue))
        for (position, need) in needs.enumerated() {
            compiledNeeds.append(compile(need))
            enterNeed(at: position)
        }
        var openByNGO = [Int32](repeating: 0, count: ngos.count)
        var completedByNGO = [[Completed]](repeating: [], count: ngos.count)
        for partnership in partnerships {
            guard let ngo = ngoIndex[partnership.ngo], let need = needIndex[partnership.need] else { continue }
            let pair = UInt64(need) << 32 | UInt64(ngo)
            partnershipStatus[pair] = partnership.status
            if partnership.status.isOpen { openByNGO[ngo] += 1 }
            if partnership.status == .completed {
                completedByNGO[ngo].append(Completed(need: Int32(need)))
                completedByNeed[need] += 1
            }
            if partnership.status == .declined { declined.insert(pair) }
        }
        var publishedByNGO = [[Published]](repeating: [], count: ngos.count)
        for activity in published {
            guard let ngo = ngoIndex[activity.ngo], let compiled = compile(activity) else { continue }
            publishedByNGO[ngo].append(compiled)
        }
        for (position, ngo) in ngos.enumerated() {
            var compiled = compile(ngo)
            compiled.openPartnerships = openByNGO[position]
            compiled.completedStart = Int32(completed.count)
            compiled.completedCount = Int32(completedByNGO[position].count)
            completed += completedByNGO[position]
            compiled.publishedStart = Int32(self.published.count)
            compiled.publishedCount = Int32(publishedByNGO[position].count)
            self.published += publishedByNGO[position]
            compiledNGOs.append(compiled)
            refreshBoundInputs(at: position)
            enterNGO(at: position)
        }
    }

    package func needPosition(_ id: NeedID) -> Int? { needIndex[id] }

    /// The NGO's id and names, without reading its record.
    package func ngoEntry(at position: Int) -> NGODirectory.Entry { ngoEntries[position] }

    package func needID(at position: Int) -> NeedID { needIDs[position] }

    /// The NGOs by id, name or acronym, without reading their records.
    package var ngoDirectory: NGODirectory { NGODirectory(Array(ngoEntries)) }
    package func ngoPosition(_ id: NGOID) -> Int? { ngoIndex[id] }

    /// The province's open needs and the NGOs working there (nationwide ones included), counted
    /// from the compiled records rather than by reading every NGO.
    package func counts(in province: ProvinceID) -> (openNeeds: Int, ngosWorking: Int) {
        guard let position = provinceIndex[province] else { return (0, 0) }
        let bit = UInt64(1) << UInt64(position)
        let working = compiledNGOs.reduce(0) { $0 + ($1.nationwide || $1.current & bit != 0 ? 1 : 0) }
        return (openNeeds(inProvinceAt: position).count, working)
    }

    /// The positions of the province's open needs, in position order, found from the compiled sets.
    package func openNeedPositions(in province: ProvinceID) -> [Int] {
        guard let position = provinceIndex[province] else { return [] }
        var positions: [Int] = []
        openNeeds(inProvinceAt: position).forEachMember { positions.append($0) }
        return positions
    }

    private func openNeeds(inProvinceAt position: Int) -> Bitset {
        var open = needsByProvince[position]
        open.formIntersection(openNeeds)
        return open
    }

    /// Whether the need has a completed partnership, which counts in NGOs' track record.
    package func hasCompletedPartnership(_ id: NeedID) -> Bool {
        guard let position = needIndex[id] else { return false }
        return completedByNeed[position] > 0
    }

    func sectors(of need: CompiledNeed) -> ArraySlice<SectorEntry> {
        needSectors[Int(need.sectorStart)..<Int(need.sectorStart + need.sectorCount)]
    }

    func sectors(of ngo: CompiledNGO) -> ArraySlice<SectorEntry> {
        ngoSectors[Int(ngo.sectorStart)..<Int(ngo.sectorStart + ngo.sectorCount)]
    }

    /// Each item's rank when the items are sorted, and the item at each rank.
    private static func order(_ ids: [String]) -> (order: [Int32], byRank: [Int32]) {
        var order = [Int32](repeating: 0, count: ids.count)
        let byRank = ids.indices.sorted(by: { ids[$0] < ids[$1] })
        for (rank, position) in byRank.enumerated() { order[position] = Int32(rank) }
        return (order, byRank.map { Int32($0) })
    }
}
