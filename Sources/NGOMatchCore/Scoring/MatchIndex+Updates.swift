/// Changing the index in place for the records a write touched: a changed need or NGO leaves
/// the sets and counts it was in and enters those it belongs to now; a new one is appended.
/// The work is proportional to the record (and, for a need, to the NGOs certified in its
/// province), not to the registry, and answers are the same as from an index built afresh.
extension MatchIndex {
    /// Registers or replaces a need.
    package mutating func upsert(_ need: Need) {
        if let position = needIndex[need.id] {
            leaveNeed(at: position)
            needs[position] = need
            compiledNeeds[position] = compile(need)
            enterNeed(at: position)
            return
        }
        let position = needs.count
        needs.append(need)
        needIDs.append(need.id)
        completedByNeed.append(0)
        needIndex[need.id] = position
        for index in needsByTopSector.indices { needsByTopSector[index].grow(toHold: position + 1) }
        for index in needsByProvince.indices { needsByProvince[index].grow(toHold: position + 1) }
        openNeeds.grow(toHold: position + 1)
        compiledNeeds.append(compile(need))
        Self.insertRank(of: position, order: &needOrder, byRank: &needByRank) {
            needIDs[Int($0)].rawValue < needIDs[Int($1)].rawValue
        }
        enterNeed(at: position)
    }

    /// Registers or replaces an NGO; its partnerships stay as recorded.
    package mutating func upsert(_ ngo: NGO) {
        if let position = ngoIndex[ngo.id] {
            leaveNGO(at: position)
            let old = compiledNGOs[position]
            var compiled = compile(ngo)
            compiled.openPartnerships = old.openPartnerships
            compiled.completedStart = old.completedStart
            compiled.completedCount = old.completedCount
            compiled.publishedStart = old.publishedStart
            compiled.publishedCount = old.publishedCount
            ngos[position] = ngo
            ngoEntries[position] = ngo.directoryEntry
            compiledNGOs[position] = compiled
            refreshBoundInputs(at: position)
            enterNGO(at: position)
            return
        }
        let position = ngos.count
        ngos.append(ngo)
        ngoEntries.append(ngo.directoryEntry)
        ngoIndex[ngo.id] = position
        for index in ngosByTopSector.indices { ngosByTopSector[index].grow(toHold: position + 1) }
        for index in ngosByCertificateProvince.indices {
            ngosByCertificateProvince[index].grow(toHold: position + 1)
        }
        for index in ngosByCertificateField.indices { ngosByCertificateField[index].grow(toHold: position + 1) }
        ngosWithoutCertificate.grow(toHold: position + 1)
        var compiled = compile(ngo)
        compiled.completedStart = Int32(completed.count)
        compiled.publishedStart = Int32(published.count)
        compiledNGOs.append(compiled)
        refreshBoundInputs(at: position)
        demand.append(0)
        Self.insertRank(of: position, order: &ngoOrder, byRank: &ngoByRank) {
            ngoEntries[Int($0)].id.rawValue < ngoEntries[Int($1)].id.rawValue
        }
        enterNGO(at: position)
    }

    /// Records a partnership's status, undoing what its previous status counted.
    package mutating func record(_ partnership: Partnership) {
        guard let need = needIndex[partnership.need], let ngo = ngoIndex[partnership.ngo] else { return }
        let pair = UInt64(need) << 32 | UInt64(ngo)
        if let old = partnershipStatus[pair] { count(old, need: need, ngo: ngo, by: -1) }
        partnershipStatus[pair] = partnership.status
        count(partnership.status, need: need, ngo: ngo, by: 1)
    }

    private mutating func count(_ status: Partnership.Status, need: Int, ngo: Int, by step: Int32) {
        let pair = UInt64(need) << 32 | UInt64(ngo)
        if status.isOpen {
            compiledNGOs[ngo].openPartnerships += step
            refreshBoundInputs(at: ngo)
        }
        if status == .declined {
            if step > 0 { declined.insert(pair) } else { declined.remove(pair) }
        }
        guard status == .completed else { return }
        completedByNeed[need] += step
        // The NGO's completed list moves to the end of the flat array, changed; the old range is left unused.
        let compiled = compiledNGOs[ngo]
        var list = Array(
            completed[Int(compiled.completedStart)..<Int(compiled.completedStart + compiled.completedCount)])
        if step > 0 {
            list.append(Completed(need: Int32(need)))
        } else if let index = list.firstIndex(where: { $0.need == Int32(need) }) {
            list.remove(at: index)
        }
        compiledNGOs[ngo].completedStart = Int32(completed.count)
        compiledNGOs[ngo].completedCount = Int32(list.count)
        completed += list
        refreshBoundInputs(at: ngo)
    }

    /// Compiles a need, appending its sector entries.
    mutating func compile(_ need: Need) -> CompiledNeed {
        let entries = need.sectors.compactMap { entry in
            sectorIndex[entry.sector].map { SectorEntry(node: $0, level: entry.priority) }
        }
        let start = needSectors.count
        needSectors += entries
        let top = entries.map(\.level).max() ?? 0
        return CompiledNeed(
            province: Int32(provinceIndex[need.province] ?? 0), sectorStart: Int32(start),
            sectorCount: Int32(entries.count), topMask: topMask(entries.map { Int($0.node) }),
            nodes: entries.reduce(0) { $0 | UInt128(1) << UInt128($1.node) },
            primary: entries.filter { $0.level == top }.reduce(0) { $0 | UInt128(1) << UInt128($1.node) },
            groups: groupMask(need.targetGroups), gap: need.fundingGapUSD,
            start: Int32(need.timeframe.start.dayNumber), end: Int32(need.timeframe.end.dayNumber),
            isOpen: need.status == .open)
    }

    /// Compiles an NGO, appending its sector entries; its partnership counts are left at zero.
    mutating func compile(_ ngo: NGO) -> CompiledNGO {
        let entries = ngo.sectors.compactMap { entry in
            sectorIndex[entry.sector].map { SectorEntry(node: $0, level: entry.expertise) }
        }
        let sectorStart = ngoSectors.count
        ngoSectors += entries
        let areas = ngo.registration?.areas.compactMap { try? reference.provinces.resolve($0).province.id } ?? []
        return CompiledNGO(
            sectorStart: Int32(sectorStart), sectorCount: Int32(entries.count),
            topMask: topMask(entries.map { Int($0.node) }),
            current: provinceMask(ngo.provinces.current), past: provinceMask(ngo.provinces.past),
            nationwide: ngo.provinces.nationwide,
            hasCertificate: ngo.registration != nil, issued: Int32(ngo.registration?.issued.dayNumber ?? 0),
            expires: Int32(ngo.registration?.expires.dayNumber ?? 0), certificateArea: provinceMask(areas),
            certificateNodes: nodeMask(ngo.registration?.fields ?? []),
            groups: groupMask(ngo.targetGroups),
            hasGrantRange: ngo.grantRange != nil, grantMin: ngo.grantRange?.min ?? 0,
            grantMax: ngo.grantRange?.max ?? 0,
            capacity: Int32(ngo.capacity), optOutProvinces: provinceMask(ngo.optOut?.provinces ?? []),
            optOutNodes: nodeMask(ngo.optOut?.sectors ?? []), openPartnerships: 0,
            completedStart: 0, completedCount: 0, publishedStart: 0, publishedCount: 0)
    }

    /// Compiles a published activity; nil when it has no date, so that its recency is unknown.
    func compile(_ activity: PublishedActivity) -> Published? {
        guard let years = activity.years else { return nil }
        return Published(
            provinces: provinceMask(activity.provinces),
            topMask: topMask(activity.sectors.compactMap { sectorIndex[$0] }),
            firstYear: Int16(clamping: years.lowerBound), lastYear: Int16(clamping: years.upperBound))
    }

    /// Adds a compiled need to the sets and counts it belongs to, and to the demand for the NGOs certified there.
    mutating func enterNeed(at position: Int) { countNeed(at: position, by: 1) }

    private mutating func leaveNeed(at position: Int) { countNeed(at: position, by: -1) }

    private mutating func countNeed(at position: Int, by step: Int) {
        let need = compiledNeeds[position]
        let province = Int(need.province)
        for top in Self.bits(UInt64(need.topMask)) {
            if step > 0 { needsByTopSector[top].insert(position) } else { needsByTopSector[top].remove(position) }
            if need.isOpen { openByProvinceAndTop[province * topLevelCount + top] += step }
        }
        if step > 0 { needsByProvince[province].insert(position) } else { needsByProvince[province].remove(position) }
        guard need.isOpen else { return }
        if step > 0 { openNeeds.insert(position) } else { openNeeds.remove(position) }
        ngosByCertificateProvince[province].forEachMember { ngo in
            demand[ngo] += step * (ngoTopMasks[ngo] & need.topMask).nonzeroBitCount
            if step > 0 { maxDemand = max(maxDemand, demand[ngo]) }
        }
        if step < 0 { maxDemand = demand.max() ?? 0 }
    }

    /// Adds a compiled NGO to the sets and counts it belongs to, and works out its demand.
    mutating func enterNGO(at position: Int) { countNGO(at: position, by: 1) }

    private mutating func leaveNGO(at position: Int) { countNGO(at: position, by: -1) }

    private mutating func countNGO(at position: Int, by step: Int) {
        let ngo = compiledNGOs[position]
        for top in Self.bits(UInt64(ngo.topMask)) {
            if step > 0 { ngosByTopSector[top].insert(position) } else { ngosByTopSector[top].remove(position) }
        }
        var total = 0
        for province in Self.bits(ngo.certificateArea) {
            if step > 0 {
                ngosByCertificateProvince[province].insert(position)
            } else {
                ngosByCertificateProvince[province].remove(position)
            }
            for top in Self.bits(UInt64(ngo.topMask)) { total += openByProvinceAndTop[province * topLevelCount + top] }
        }
        for province in Self.bits(ngo.current) { ngosWorkingIn[province] += step }
        let leftMost = step < 0 && demand[position] == maxDemand
        demand[position] = step > 0 ? total : 0
        if step > 0 { maxDemand = max(maxDemand, total) } else if leftMost { maxDemand = demand.max() ?? 0 }
        countCertificateFields(at: position, entering: step > 0)
    }

    /// Puts the NGO in (or takes it out of) the sets of the taxonomy nodes its certificate covers.
    mutating func countCertificateFields(at position: Int, entering: Bool) {
        let ngo = compiledNGOs[position]
        guard ngo.hasCertificate else {
            if entering { ngosWithoutCertificate.insert(position) } else { ngosWithoutCertificate.remove(position) }
            return
        }
        var remaining = ngo.certificateNodes
        while remaining != 0 {
            let node = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            if entering {
                ngosByCertificateField[node].insert(position)
            } else {
                ngosByCertificateField[node].remove(position)
            }
        }
    }

    private func provinceMask(_ ids: [ProvinceID]) -> UInt64 {
        ids.reduce(0) { mask, id in provinceIndex[id].map { mask | 1 << UInt64($0) } ?? mask }
    }

    /// Each named node, and a top-level sector's subsectors with it.
    private func nodeMask(_ ids: [SectorID]) -> UInt128 {
        ids.reduce(0) { mask, id in sectorIndex[id].map { mask | nodeWithChildren[$0] } ?? mask }
    }

    private func topMask(_ nodes: [Int]) -> UInt32 { nodes.reduce(0) { $0 | 1 << UInt32(topBit[$1]) } }

    private func groupMask(_ groups: [TargetGroup]) -> UInt32 { groups.reduce(0) { $0 | groupBit[$1]! } }

    private static func bits(_ mask: UInt64) -> [Int] {
        var bits: [Int] = []
        var remaining = mask
        while remaining != 0 {
            bits.append(remaining.trailingZeroBitCount)
            remaining &= remaining - 1
        }
        return bits
    }

    /// Gives the item at `position`, the last one, its rank in id order: found by halving
    /// `byRank`, then every later rank moves up by one.
    private static func insertRank(
        of position: Int, order: inout [Int32], byRank: inout [Int32], isBefore: (Int32, Int32) -> Bool
    ) {
        var low = 0
        var high = byRank.count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(byRank[middle], Int32(position)) { low = middle + 1 } else { high = middle }
        }
        for index in order.indices where order[index] >= Int32(low) { order[index] += 1 }
        order.append(Int32(low))
        byRank.insert(Int32(position), at: low)
    }
}
