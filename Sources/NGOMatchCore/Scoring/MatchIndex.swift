/// The registry compiled for scoring: provinces and sectors as small integers,
/// sets as bit masks, records as flat arrays of plain values, and postings lists
/// from sector and province to candidates, so that ranking one need touches only
/// the NGOs that could serve it and copies nothing that needs reference counting.
public struct MatchIndex: Sendable {
    public let reference: ReferenceData
    public let needs: [Need]
    public let ngos: [NGO]

    let sectorIndex: [SectorID: Int]
    /// Each taxonomy node's parent node, or -1.
    let parent: [Int32]
    /// Each node's top-level sector, as a bit position.
    let topBit: [Int]
    /// Each node and, for a top-level sector, its subsectors.
    let nodeWithChildren: [UInt128]
    let region: [Int32]
    let distanceKm: [Double]
    let provinceCount: Int

    let compiledNeeds: [CompiledNeed]
    let compiledNGOs: [CompiledNGO]
    let needSectors: [SectorEntry]
    let ngoSectors: [SectorEntry]
    let completed: [Completed]
    let needIndex: [NeedID: Int]
    let ngoIndex: [NGOID: Int]
    /// Each NGO's place in id order, so ties are broken by id without comparing strings.
    let ngoOrder: [Int32]
    let needOrder: [Int32]
    /// NGOs working in each top-level sector.
    let ngosByTopSector: [Bitset]
    /// NGOs whose certificate names each province.
    let ngosByCertificateProvince: [Bitset]
    let needsByTopSector: [Bitset]
    let needsByProvince: [Bitset]
    let openNeeds: Bitset
    /// Needs paired with NGOs that declined, as `need << 32 | ngo`.
    let declined: Set<UInt64>
    /// NGOs working in each province now (not counting nationwide ones).
    let ngosWorkingIn: [Int]
    /// For each NGO, the open needs in its certified provinces and sectors: how sought-after it is.
    let demand: [Int]

    struct CompiledNeed: Sendable {
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

    struct CompiledNGO: Sendable {
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
    }

    /// A completed partnership: the need's province and top-level sectors.
    struct Completed: Sendable {
        var province: Int32
        var topMask: UInt32
    }

    public init(reference: ReferenceData, needs: [Need], ngos: [NGO], partnerships: [Partnership] = []) {
        self.reference = reference
        self.needs = needs
        self.ngos = ngos
        let provinces = reference.provinces.provinces
        precondition(provinces.count <= 64, "province sets are 64-bit masks")
        provinceCount = provinces.count
        let provinceIndex = Dictionary(uniqueKeysWithValues: provinces.enumerated().map { ($1.id, $0) })
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
        let topBit = sectors.indices.map { topLevel.firstIndex(of: parent[$0] >= 0 ? Int(parent[$0]) : $0)! }
        self.topBit = topBit
        let nodeWithChildren = sectors.indices.map { node in
            sectors.indices.reduce(UInt128(1) << UInt128(node)) { mask, child in
                parent[child] == Int32(node) ? mask | UInt128(1) << UInt128(child) : mask
            }
        }
        self.nodeWithChildren = nodeWithChildren

        let needIndex = Dictionary(needs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ngoIndex = Dictionary(ngos.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.needIndex = needIndex
        self.ngoIndex = ngoIndex
        ngoOrder = Self.order(ngos.map(\.id.rawValue))
        needOrder = Self.order(needs.map(\.id.rawValue))

        func provinceMask(_ ids: [ProvinceID]) -> UInt64 {
            ids.reduce(0) { mask, id in provinceIndex[id].map { mask | 1 << UInt64($0) } ?? mask }
        }
        func nodeMask(_ ids: [SectorID], expand: Bool) -> UInt128 {
            ids.reduce(0) { mask, id in
                guard let node = sectorIndex[id] else { return mask }
                return mask | (expand ? nodeWithChildren[node] : UInt128(1) << UInt128(node))
            }
        }
        func topMask(_ nodes: [Int]) -> UInt32 { nodes.reduce(0) { $0 | 1 << UInt32(topBit[$1]) } }
        let groupBit = Dictionary(
            uniqueKeysWithValues: TargetGroup.allCases.enumerated().map { ($1, UInt32(1) << UInt32($0)) })
        func groupMask(_ groups: [TargetGroup]) -> UInt32 { groups.reduce(0) { $0 | groupBit[$1]! } }

        var needSectors: [SectorEntry] = []
        compiledNeeds = needs.map { need in
            let entries = need.sectors.compactMap { entry in
                sectorIndex[entry.sector].map { SectorEntry(node: $0, level: entry.priority) }
            }
            let start = needSectors.count
            needSectors += entries
            let top = entries.map(\.level).max() ?? 0
            return CompiledNeed(
                province: Int32(provinceIndex[need.province] ?? 0), sectorStart: Int32(start),
                sectorCount: Int32(entries.count),
                topMask: topMask(entries.map { Int($0.node) }),
                nodes: entries.reduce(0) { $0 | UInt128(1) << UInt128($1.node) },
                primary: entries.filter { $0.level == top }.reduce(0) { $0 | UInt128(1) << UInt128($1.node) },
                groups: groupMask(need.targetGroups), gap: need.fundingGapUSD,
                start: Int32(need.timeframe.start.dayNumber), end: Int32(need.timeframe.end.dayNumber),
                isOpen: need.status == .open)
        }
        self.needSectors = needSectors

        var openByNGO = [Int32](repeating: 0, count: ngos.count)
        var completedByNGO = [[Completed]](repeating: [], count: ngos.count)
        var declined: Set<UInt64> = []
        for partnership in partnerships {
            guard let ngo = ngoIndex[partnership.ngo], let need = needIndex[partnership.need] else { continue }
            if partnership.status.isOpen { openByNGO[ngo] += 1 }
            if partnership.status == .completed {
                completedByNGO[ngo].append(
                    Completed(province: compiledNeeds[need].province, topMask: compiledNeeds[need].topMask))
            }
            if partnership.status == .declined { declined.insert(UInt64(need) << 32 | UInt64(ngo)) }
        }
        self.declined = declined

        var ngoSectors: [SectorEntry] = []
        var completed: [Completed] = []
        var ngosWorkingIn = [Int](repeating: 0, count: provinces.count)
        compiledNGOs = ngos.enumerated().map { position, ngo in
            let entries = ngo.sectors.compactMap { entry in
                sectorIndex[entry.sector].map { SectorEntry(node: $0, level: entry.expertise) }
            }
            let sectorStart = ngoSectors.count
            ngoSectors += entries
            let completedStart = completed.count
            completed += completedByNGO[position]
            let areas = ngo.registration?.areas.compactMap { try? reference.provinces.resolve($0).province.id } ?? []
            let current = provinceMask(ngo.provinces.current)
            for province in 0..<provinces.count where current & (1 << UInt64(province)) != 0 {
                ngosWorkingIn[province] += 1
            }
            return CompiledNGO(
                sectorStart: Int32(sectorStart), sectorCount: Int32(entries.count),
                topMask: topMask(entries.map { Int($0.node) }),
                current: current, past: provinceMask(ngo.provinces.past), nationwide: ngo.provinces.nationwide,
                hasCertificate: ngo.registration != nil, issued: Int32(ngo.registration?.issued.dayNumber ?? 0),
                expires: Int32(ngo.registration?.expires.dayNumber ?? 0), certificateArea: provinceMask(areas),
                certificateNodes: nodeMask(ngo.registration?.fields ?? [], expand: true),
                groups: groupMask(ngo.targetGroups),
                hasGrantRange: ngo.grantRange != nil, grantMin: ngo.grantRange?.min ?? 0,
                grantMax: ngo.grantRange?.max ?? 0,
                capacity: Int32(ngo.capacity), optOutProvinces: provinceMask(ngo.optOut?.provinces ?? []),
                optOutNodes: nodeMask(ngo.optOut?.sectors ?? [], expand: true), openPartnerships: openByNGO[position],
                completedStart: Int32(completedStart), completedCount: Int32(completedByNGO[position].count))
        }
        self.ngoSectors = ngoSectors
        self.completed = completed
        self.ngosWorkingIn = ngosWorkingIn

        var ngosByTopSector = [Bitset](repeating: Bitset(count: ngos.count), count: topLevel.count)
        var ngosByCertificateProvince = [Bitset](repeating: Bitset(count: ngos.count), count: provinces.count)
        for (position, ngo) in compiledNGOs.enumerated() {
            for top in 0..<topLevel.count where ngo.topMask & (1 << UInt32(top)) != 0 {
                ngosByTopSector[top].insert(position)
            }
            for province in 0..<provinces.count where ngo.certificateArea & (1 << UInt64(province)) != 0 {
                ngosByCertificateProvince[province].insert(position)
            }
        }
        self.ngosByTopSector = ngosByTopSector
        self.ngosByCertificateProvince = ngosByCertificateProvince
        var needsByTopSector = [Bitset](repeating: Bitset(count: needs.count), count: topLevel.count)
        var needsByProvince = [Bitset](repeating: Bitset(count: needs.count), count: provinces.count)
        var openNeeds = Bitset(count: needs.count)
        var openByProvinceAndTop = [[Int]](
            repeating: [Int](repeating: 0, count: topLevel.count), count: provinces.count)
        for (position, need) in compiledNeeds.enumerated() {
            for top in 0..<topLevel.count where need.topMask & (1 << UInt32(top)) != 0 {
                needsByTopSector[top].insert(position)
                if need.isOpen { openByProvinceAndTop[Int(need.province)][top] += 1 }
            }
            needsByProvince[Int(need.province)].insert(position)
            if need.isOpen { openNeeds.insert(position) }
        }
        self.needsByTopSector = needsByTopSector
        self.needsByProvince = needsByProvince
        self.openNeeds = openNeeds
        demand = compiledNGOs.map { ngo in
            var total = 0
            for province in 0..<provinces.count where ngo.certificateArea & (1 << UInt64(province)) != 0 {
                for top in 0..<topLevel.count where ngo.topMask & (1 << UInt32(top)) != 0 {
                    total += openByProvinceAndTop[province][top]
                }
            }
            return total
        }
    }

    public func needPosition(_ id: NeedID) -> Int? { needIndex[id] }
    public func ngoPosition(_ id: NGOID) -> Int? { ngoIndex[id] }

    func sectors(of need: CompiledNeed) -> ArraySlice<SectorEntry> {
        needSectors[Int(need.sectorStart)..<Int(need.sectorStart + need.sectorCount)]
    }

    func sectors(of ngo: CompiledNGO) -> ArraySlice<SectorEntry> {
        ngoSectors[Int(ngo.sectorStart)..<Int(ngo.sectorStart + ngo.sectorCount)]
    }

    /// Each item's rank when the items are sorted.
    private static func order(_ ids: [String]) -> [Int32] {
        var order = [Int32](repeating: 0, count: ids.count)
        for (rank, position) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() {
            order[position] = Int32(rank)
        }
        return order
    }
}
