/// Builds a schedule of bilateral meetings: valid by construction, close to the
/// best possible, with a proven upper bound beside it.
///
/// 1. Confirmed meetings (a replan) are pinned, must-meet pairs placed.
/// 2. The relaxation without slots picks the pairs worth meeting and bounds the value.
/// 3. Those pairs are placed best first, freeing slots by Kempe-chain swaps and
///    by moving a meeting or two; then every other pair that still fits.
/// 4. Provinces below their minimum get meetings, even at some cost to the total.
/// 5. Ejection passes: an unplaced pair takes a slot from meetings worth less,
///    which then look for another slot; repeated while the total grows.
///
/// Same problem, same plan: nothing depends on time or chance.
public enum Planner {
    public static func plan(_ problem: PlanningProblem, keep: [KeptMeeting] = []) -> Plan {
        var grid = SlotGrid(problem)
        var conflicts = problem.conflicts
        let candidateOf = Dictionary(
            problem.candidates.enumerated().map { (PairKey($0.element.province, $0.element.ngo), $0.offset) },
            uniquingKeysWith: { first, _ in first })
        let replan = keep.isEmpty ? nil : pin(keep, in: &grid, candidateOf: candidateOf)

        let impossible = Set(
            conflicts.compactMap { conflict -> String? in
                if case .tooManyMustMeets(let party, _, _) = conflict { return party }
                return nil
            })
        for (position, candidate) in problem.candidates.enumerated()
        where candidate.mustMeet && !grid.isPlaced(position) {
            if !grid.insert(position) && !forceIn(position, grid: &grid) {
                let province = problem.provinces[candidate.province].name
                let ngo = problem.ngos[candidate.ngo].name
                if !impossible.contains(province) && !impossible.contains(ngo) {
                    conflicts.append(.mustMeetNotPlaced(province: province, ngo: ngo))
                }
            }
        }
        let relaxation = relax(problem, grid: grid, minimums: true)
        let placedBefore = grid.slotOf.indices.filter { grid.isPlaced($0) }
        let fixedValue = placedBefore.reduce(0) { $0 + grid.value($1) }
        let order = problem.candidates.indices.filter { !grid.isPlaced($0) }
        for position in order where relaxation.chosen[position] { _ = grid.insert(position) }
        for position in order where !relaxation.chosen[position] { _ = grid.insert(position) }
        let byProvince = Dictionary(grouping: problem.candidates.indices) { problem.candidates[$0].province }
        raiseToMinimums(&grid, byProvince: byProvince)
        improve(&grid, order: order)

        var unmet: [PlanConflict] = []
        for (position, province) in problem.provinces.enumerated()
        where grid.provinceMeetings[position] < province.minMeetings {
            let reported = conflicts.contains {
                if case .minimumUnreachable(let name, _, _) = $0 { return name == province.name }
                return false
            }
            if !reported {
                unmet.append(
                    .minimumNotMet(
                        province: province.name, wanted: province.minMeetings, got: grid.provinceMeetings[position]))
            }
        }
        let allMinimumsMet = problem.provinces.indices.allSatisfy {
            grid.provinceMeetings[$0] >= problem.provinces[$0].minMeetings
        }
        let bound = fixedValue + (allMinimumsMet ? relaxation.bound : relax(problem, grid: grid, minimums: false).bound)
        return Plan(
            problem: problem, grid: grid, upperBound: max(bound, grid.total), conflicts: conflicts + unmet,
            replan: replan)
    }

    /// The relaxation over what is not yet fixed, around the meetings placed so far.
    private static func relax(_ problem: PlanningProblem, grid: SlotGrid, minimums: Bool) -> Relaxation {
        var fixed = SlotGrid(problem)
        for position in problem.candidates.indices where grid.pinned[position] || problem.candidates[position].mustMeet
        {
            if grid.isPlaced(position) { fixed.place(position, grid.slotOf[position]) }
        }
        let provinceCapacity = problem.provinces.indices.map { position in
            let party = problem.provinces[position]
            return max(0, min(party.maxMeetings, party.freeSlots) - fixed.provinceMeetings[position])
        }
        let ngoCapacity = problem.ngos.indices.map { position in
            let party = problem.ngos[position]
            return max(0, min(party.maxMeetings, party.freeSlots) - fixed.ngoMeetings[position])
        }
        let minimum = problem.provinces.indices.map {
            minimums ? max(0, problem.provinces[$0].minMeetings - fixed.provinceMeetings[$0]) : 0
        }
        let placed = fixed.load.reduce(0, +)
        let total = problem.tables.map { max(0, $0 * problem.slotCount - placed) } ?? Int.max
        let open = problem.candidates.indices.filter { !fixed.isPlaced($0) }
        let candidates = open.map { problem.candidates[$0] }
        let solved = Relaxation(
            candidates: candidates, provinceCapacity: provinceCapacity,
            ngoCapacity: ngoCapacity, provinceMinimum: minimum, total: total)
        var chosen = [Bool](repeating: false, count: problem.candidates.count)
        for (offset, position) in open.enumerated() where solved.chosen[offset] { chosen[position] = true }
        return Relaxation(bound: solved.bound, chosen: chosen)
    }

    /// Makes room for a must-meet pair by taking a slot from whatever is in the way.
    private static func forceIn(_ candidate: Int, grid: inout SlotGrid) -> Bool {
        guard let move = bestEjection(candidate, grid: &grid, protectMinimums: false, allowLoss: true) else {
            return false
        }
        apply(move, candidate: candidate, grid: &grid)
        return true
    }

    private static func raiseToMinimums(_ grid: inout SlotGrid, byProvince: [Int: [Int]]) {
        let problem = grid.problem
        for (province, party) in problem.provinces.enumerated() where party.minMeetings > 0 {
            var attempts = 0
            while grid.provinceMeetings[province] < party.minMeetings && attempts < party.minMeetings * 2 {
                attempts += 1
                let options = (byProvince[province] ?? []).filter { !grid.isPlaced($0) }
                if options.contains(where: { grid.insert($0) }) { continue }
                var best: (candidate: Int, move: Ejection)? = nil
                for option in options {
                    guard let move = bestEjection(option, grid: &grid, protectMinimums: true, allowLoss: true) else {
                        continue
                    }
                    if best == nil || move.gain > best!.move.gain { best = (option, move) }
                }
                guard let best else { break }
                apply(best.move, candidate: best.candidate, grid: &grid)
            }
        }
    }

    /// Ejection passes until a pass gains nothing.
    private static func improve(_ grid: inout SlotGrid, order: [Int]) {
        for _ in 0..<12 {
            var gained = false
            for position in order where !grid.isPlaced(position) {
                if grid.insert(position) {
                    gained = true
                    continue
                }
                guard let move = bestEjection(position, grid: &grid, protectMinimums: true, allowLoss: false) else {
                    continue
                }
                let before = grid.total
                apply(move, candidate: position, grid: &grid)
                if grid.total > before + 1e-12 { gained = true }
            }
            if !gained { return }
        }
    }

    struct Ejection {
        let slot: Int
        let removed: [Int]
        /// Value added minus value removed, before the removed meetings find new slots.
        let gain: Double
    }

    /// The slot where placing the candidate costs the least: the meetings in its
    /// way there, plus one meeting of a party that is fully booked.
    static func bestEjection(_ candidate: Int, grid: inout SlotGrid, protectMinimums: Bool, allowLoss: Bool)
        -> Ejection?
    {
        let problem = grid.problem
        let pair = problem.candidates[candidate]
        let provinceFull = grid.provinceMeetings[pair.province] >= problem.provinces[pair.province].maxMeetings
        let ngoFull = grid.ngoMeetings[pair.ngo] >= problem.ngos[pair.ngo].maxMeetings
        let provinceCheapest = provinceFull ? cheapestMeeting(ofProvince: pair.province, grid: grid) : nil
        let ngoCheapest = ngoFull ? cheapestMeeting(ofNGO: pair.ngo, grid: grid) : nil
        if provinceFull && provinceCheapest == nil || ngoFull && ngoCheapest == nil { return nil }
        var best: Ejection? = nil
        var open = pair.slots
        while open != 0 {
            let slot = open.trailingZeroBitCount
            open &= open - 1
            var removed: [Int] = []
            let atProvince = grid.provinceMeeting(pair.province, slot)
            let atNGO = grid.ngoMeeting(pair.ngo, slot)
            if atProvince >= 0 { removed.append(atProvince) }
            if atNGO >= 0 { removed.append(atNGO) }
            if provinceFull && atProvince < 0, let cheapest = provinceCheapest { removed.append(cheapest) }
            if ngoFull && atNGO < 0, let cheapest = ngoCheapest, !removed.contains(cheapest) {
                removed.append(cheapest)
            }
            let freesTable = removed.contains { grid.slotOf[$0] == slot }
            if grid.load[slot] >= grid.tables && !freesTable {
                guard let cheapest = grid.cheapestMovable(inSlot: slot) else { continue }
                removed.append(cheapest)
            }
            if !allowLoss && removed.reduce(0, { $0 + grid.value($1) }) >= pair.value - 1e-12 { continue }
            if removed.contains(where: { grid.pinned[$0] || problem.candidates[$0].mustMeet }) { continue }
            if protectMinimums && breaksMinimum(removed, keeping: pair.province, grid: grid) { continue }
            let gain = pair.value - removed.reduce(0) { $0 + grid.value($1) }
            if !allowLoss && gain <= 1e-12 { continue }
            if best == nil || gain > best!.gain { best = Ejection(slot: slot, removed: removed, gain: gain) }
        }
        return best
    }

    static func apply(_ move: Ejection, candidate: Int, grid: inout SlotGrid) {
        for meeting in move.removed { grid.remove(meeting) }
        if grid.fits(candidate, move.slot) && grid.hasRoom(candidate) {
            grid.place(candidate, move.slot)
        } else {
            _ = grid.insert(candidate)
        }
        // The displaced look for another slot, best first.
        for meeting in move.removed.sorted(by: { grid.value($0) > grid.value($1) }) { _ = grid.insert(meeting) }
    }

    private static func breaksMinimum(_ removed: [Int], keeping province: Int, grid: SlotGrid) -> Bool {
        var lost: [Int: Int] = [:]
        for meeting in removed { lost[grid.problem.candidates[meeting].province, default: 0] += 1 }
        return lost.contains { other, count in
            other != province
                && grid.provinceMeetings[other] - count < grid.problem.provinces[other].minMeetings
        }
    }

    private static func cheapestMeeting(ofProvince province: Int, grid: SlotGrid) -> Int? {
        cheapest((0..<grid.slots).map { grid.provinceMeeting(province, $0) }, grid: grid)
    }

    private static func cheapestMeeting(ofNGO ngo: Int, grid: SlotGrid) -> Int? {
        cheapest((0..<grid.slots).map { grid.ngoMeeting(ngo, $0) }, grid: grid)
    }

    private static func cheapest(_ meetings: [Int], grid: SlotGrid) -> Int? {
        meetings.filter { $0 >= 0 && !grid.pinned[$0] && !grid.problem.candidates[$0].mustMeet }
            .min { grid.value($0) < grid.value($1) }
    }
}

struct PairKey: Hashable {
    let province: Int
    let ngo: Int

    init(_ province: Int, _ ngo: Int) {
        self.province = province
        self.ngo = ngo
    }
}
