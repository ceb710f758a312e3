/// The registry compiled for scoring: provinces and sectors as small integers,
/// sets as bit masks, and postings lists from sector and province to candidates,
/// so that ranking one need touches only the NGOs that could serve it.
public struct MatchIndex: Sendable {
    public let reference: ReferenceData
    public let needs: [Need]
    public let ngos: [NGO]
    public let partnerships: [Partnership]

    let provinceIndex: [ProvinceID: Int]
    let sectorIndex: [SectorID: Int]
    /// Each taxonomy node's parent node, or -1.
    let parent: [Int]
    /// Each node's top-level sector, as a bit position.
    let topBit: [Int]
    let region: [Int]
    let distanceKm: [Double]
    let provinceCount: Int

    let compiledNeeds: [CompiledNeed]
    let compiledNGOs: [CompiledNGO]
    let needIndex: [NeedID: Int]
    let ngoIndex: [NGOID: Int]
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
        var province: Int
        var sectors: [(node: Int, priority: Int)]
        var topMask: UInt32
        var primaryNodes: [Int]
        var groups: UInt32
        var gap: Double
        var start: Int
        var end: Int
        var isOpen: Bool
    }

    struct CompiledNGO: Sendable {
        var sectors: [(node: Int, expertise: Int)]
        var topMask: UInt32
        var current: UInt64
        var past: UInt64
        var nationwide: Bool
        var certificate: ClosedRange<Int>?
        var certificateArea: UInt64
        /// Nodes the certificate covers: a top-level field covers its subsectors.
        var certificateNodes: [Bool]
        var groups: UInt32
        var grantMin: Double?
        var grantMax: Double?
        var capacity: Int
        var optOutProvinces: UInt64
        var optOutNodes: [Bool]
        var openPartnerships: Int
        /// Completed partnerships: the need's province and top-level sectors.
        var completed: [(province: Int, topMask: UInt32)]
    }

    public init(reference: ReferenceData, needs: [Need], ngos: [NGO], partnerships: [Partnership] = []) {
        self.reference = reference
        self.needs = needs
        self.ngos = ngos
        self.partnerships = partnerships
        let provinces = reference.provinces.provinces
        provinceCount = provinces.count
        precondition(provinces.count <= 64, "province sets are 64-bit masks")
        provinceIndex = Dictionary(uniqueKeysWithValues: provinces.enumerated().map { ($1.id, $0) })
        let regionIDs = Array(Set(provinces.map(\.region))).sorted()
        region = provinces.map { province in regionIDs.firstIndex(of: province.region)! }
        distanceKm = provinces.flatMap { a in provinces.map { a.distance(to: $0) } }

        let sectors = reference.taxonomy.sectors
        let sectorIndex = Dictionary(uniqueKeysWithValues: sectors.enumerated().map { ($1.id, $0) })
        self.sectorIndex = sectorIndex
        parent = sectors.map { $0.parent.flatMap { sectorIndex[$0] } ?? -1 }
        let topLevel = sectors.enumerated().filter { $0.element.parent == nil }.map(\.offset)
        precondition(topLevel.count <= 32, "top-level sector sets are 32-bit masks")
        let parentOf = parent
        topBit = sectors.indices.map { topLevel.firstIndex(of: parentOf[$0] >= 0 ? parentOf[$0] : $0)! }

        needIndex = Dictionary(needs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        ngoIndex = Dictionary(ngos.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        var openByNGO = [Int](repeating: 0, count: ngos.count)
        var completedByNGO = [[(province: Int, topMask: UInt32)]](repeating: [], count: ngos.count)
        var declined: Set<UInt64> = []
        let needPositions = needIndex
        let ngoPositions = ngoIndex
        let provinceIndex = self.provinceIndex
        let topBit = self.topBit
        func topMask(_ nodes: [Int]) -> UInt32 { nodes.reduce(0) { $0 | 1 << UInt32(topBit[$1]) } }
        for partnership in partnerships {
            guard let ngo = ngoPositions[partnership.ngo], let need = needPositions[partnership.need] else { continue }
            if partnership.status.isOpen { openByNGO[ngo] += 1 }
            if partnership.status == .completed {
                let target = needs[need]
                completedByNGO[ngo].append(
                    (
                        provinceIndex[target.province] ?? -1,
                        topMask(target.sectors.compactMap { sectorIndex[$0.sector] })
                    ))
            }
            if partnership.status == .declined { declined.insert(UInt64(need) << 32 | UInt64(ngo)) }
        }
        self.declined = declined

        func provinceMask(_ ids: [ProvinceID]) -> UInt64 {
            ids.reduce(0) { mask, id in provinceIndex[id].map { mask | 1 << UInt64($0) } ?? mask }
        }
        func expanded(_ ids: [SectorID]) -> [Bool] {
            var covered = [Bool](repeating: false, count: sectors.count)
            for id in ids {
                guard let node = sectorIndex[id] else { continue }
                covered[node] = true
                for child in sectors.indices where parentOf[child] == node { covered[child] = true }
            }
            return covered
        }
        let groupBit = Dictionary(
            uniqueKeysWithValues: TargetGroup.allCases.enumerated().map { ($1, UInt32(1) << UInt32($0)) })
        func groupMask(_ groups: [TargetGroup]) -> UInt32 { groups.reduce(0) { $0 | groupBit[$1]! } }

        compiledNeeds = needs.map { need in
            let nodes = need.sectors.compactMap { entry in
                sectorIndex[entry.sector].map { (node: $0, priority: entry.priority) }
            }
            let top = nodes.map(\.priority).max() ?? 0
            return CompiledNeed(
                province: provinceIndex[need.province] ?? 0, sectors: nodes, topMask: topMask(nodes.map(\.node)),
                primaryNodes: nodes.filter { $0.priority == top }.map(\.node), groups: groupMask(need.targetGroups),
                gap: need.fundingGapUSD, start: need.timeframe.start.dayNumber, end: need.timeframe.end.dayNumber,
                isOpen: need.status == .open)
        }
        var ngosWorkingIn = [Int](repeating: 0, count: provinces.count)
        compiledNGOs = ngos.enumerated().map { position, ngo in
            let nodes = ngo.sectors.compactMap { entry in
                sectorIndex[entry.sector].map { (node: $0, expertise: entry.expertise) }
            }
            let areas = ngo.registration?.areas.compactMap { try? reference.provinces.resolve($0).province.id } ?? []
            let current = provinceMask(ngo.provinces.current)
            for province in 0..<provinces.count where current & (1 << UInt64(province)) != 0 {
                ngosWorkingIn[province] += 1
            }
            return CompiledNGO(
                sectors: nodes, topMask: topMask(nodes.map(\.node)), current: current,
                past: provinceMask(ngo.provinces.past), nationwide: ngo.provinces.nationwide,
                certificate: ngo.registration.map {
                    $0.issued.dayNumber...max($0.issued.dayNumber, $0.expires.dayNumber)
                },
                certificateArea: provinceMask(areas), certificateNodes: expanded(ngo.registration?.fields ?? []),
                groups: groupMask(ngo.targetGroups), grantMin: ngo.grantRange?.min, grantMax: ngo.grantRange?.max,
                capacity: ngo.capacity, optOutProvinces: provinceMask(ngo.optOut?.provinces ?? []),
                optOutNodes: expanded(ngo.optOut?.sectors ?? []), openPartnerships: openByNGO[position],
                completed: completedByNGO[position])
        }
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
        for (position, need) in compiledNeeds.enumerated() {
            for top in 0..<topLevel.count where need.topMask & (1 << UInt32(top)) != 0 {
                needsByTopSector[top].insert(position)
            }
            needsByProvince[need.province].insert(position)
            if need.isOpen { openNeeds.insert(position) }
        }
        self.needsByTopSector = needsByTopSector
        self.needsByProvince = needsByProvince
        self.openNeeds = openNeeds

        var openByProvinceAndTop = [[Int]](
            repeating: [Int](repeating: 0, count: topLevel.count), count: provinces.count)
        for need in compiledNeeds where need.isOpen {
            for top in 0..<topLevel.count where need.topMask & (1 << UInt32(top)) != 0 {
                openByProvinceAndTop[need.province][top] += 1
            }
        }
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

    func distance(_ a: Int, _ b: Int) -> Double { distanceKm[a * provinceCount + b] }
    func sameRegion(_ a: Int, _ b: Int) -> Bool { region[a] == region[b] }
}
