import NGOMatchCore

/// Refills one slot at a time as well as it can be, given every other slot.
///
/// With the other slots fixed, choosing a slot's meetings is a matching: each party free and
/// under its cap meets at most once, each pair not already meeting elsewhere, at most the
/// tables. `Relaxation` solves it exactly (parties short of their minimum first, then value),
/// so a pass over the slots never loses a minimum and reaches a schedule that no single slot
/// can improve. Moves of one meeting at a time (`Planner.improve`) cannot see such changes
/// when tables are full: every better filling of a slot needs several meetings to change at once.
enum SlotReoptimizer {
    /// - Returns: whether some slot was refilled better.
    static func pass(_ grid: inout SlotGrid) -> Bool {
        var improved = false
        for slot in 0..<grid.slots where refill(slot, grid: &grid) { improved = true }
        return improved
    }

    private static func refill(_ slot: Int, grid: inout SlotGrid) -> Bool {
        let before = (shortfall: grid.shortfall, total: grid.total)
        let mark = grid.beginTrial()
        empty(slot, grid: &grid)
        fill(slot, grid: &grid)
        if grid.shortfall < before.shortfall
            || grid.shortfall == before.shortfall && grid.total > before.total + 1e-9
        {
            grid.commit(mark)
            return true
        }
        grid.rollBack(to: mark)
        return false
    }

    /// Takes out every meeting of the slot that may move.
    static func empty(_ slot: Int, grid: inout SlotGrid) {
        for member in grid.members[slot] {
            let meeting = Int(member)
            if !grid.pinned[meeting] && !grid.problem.candidates[meeting].mustMeet { grid.remove(meeting) }
        }
    }

    /// Adds to the slot the best meetings it can still take: parties short of their minimum
    /// first, then value.
    static func fill(_ slot: Int, grid: inout SlotGrid) {
        let problem = grid.problem
        let bit = UInt64(1) << UInt64(slot)
        var provinceCapacity = [Int](repeating: 0, count: problem.provinces.count)
        var provinceMinimum = provinceCapacity
        for (position, party) in problem.provinces.enumerated()
        where party.available & bit != 0 && grid.provinceMeeting(position, slot) < 0
            && grid.provinceMeetings[position] < party.maxMeetings
        {
            provinceCapacity[position] = 1
            provinceMinimum[position] = grid.provinceShort(position) ? 1 : 0
        }
        var ngoCapacity = [Int](repeating: 0, count: problem.ngos.count)
        var ngoMinimum = ngoCapacity
        for (position, party) in problem.ngos.enumerated()
        where party.available & bit != 0 && grid.ngoMeeting(position, slot) < 0
            && grid.ngoMeetings[position] < party.maxMeetings
        {
            ngoCapacity[position] = 1
            ngoMinimum[position] = grid.ngoShort(position) ? 1 : 0
        }
        let open = problem.candidates.indices.filter { position in
            let pair = problem.candidates[position]
            return !grid.isPlaced(position) && pair.slots & bit != 0 && provinceCapacity[pair.province] > 0
                && ngoCapacity[pair.ngo] > 0
        }
        let best = Relaxation(
            candidates: open.map { problem.candidates[$0] }, provinceCapacity: provinceCapacity,
            ngoCapacity: ngoCapacity, provinceMinimum: provinceMinimum, ngoMinimum: ngoMinimum,
            total: max(0, grid.tables - grid.load[slot]))
        for (offset, position) in open.enumerated() where best.chosen[offset] { grid.place(position, slot) }
    }
}
