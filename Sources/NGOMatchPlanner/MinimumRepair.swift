import NGOMatchCore

/// Gives parties below their minimum the meetings they are owed, before any value is sought.
///
/// A move seats one of the party's pairs in one of its common slots, taking out whatever is in
/// the way (the two parties' meetings in that slot, a meeting of a party at its cap, a meeting
/// when the slot's tables are full), and lets the displaced meetings find other slots. A move
/// is kept only when the total shortfall falls. When it stays the same because a displaced
/// meeting left another party short, that party moves next (an ejection chain), and the whole
/// chain is kept only if the shortfall falls in the end. Every trial is taken back exactly
/// through the grid's journal; the order of trials is fixed, so plans repeat.
struct MinimumRepair {
    /// A province or an NGO, by position.
    enum Party: Hashable {
        case province(Int)
        case ngo(Int)
    }

    let byProvince: [[Int]]
    let byNGO: [[Int]]
    /// Trials left; each costs about one insertion.
    var budget: Int
    /// Picks the random choices of the shakes; the same seed gives the same search.
    let seed: UInt64

    init(_ problem: PlanningProblem, budget: Int, seed: UInt64 = 0) {
        self.seed = seed
        var byProvince = [[Int]](repeating: [], count: problem.provinces.count)
        var byNGO = [[Int]](repeating: [], count: problem.ngos.count)
        for (position, candidate) in problem.candidates.enumerated() {
            byProvince[candidate.province].append(position)
            byNGO[candidate.ngo].append(position)
        }
        self.byProvince = byProvince
        self.byNGO = byNGO
        self.budget = budget
    }

    /// - Parameter floor: a proven lower bound on the shortfall; the search stops on reaching it.
    mutating func run(_ grid: inout SlotGrid, floor: Int = 0) {
        descend(&grid)
        // Stuck with parties still short: shake the schedule around one of them (seat one of its
        // pairs by force) and descend again; keep the result when the shortfall is no worse,
        // otherwise take it back. Random choices come from a fixed seed, so plans repeat.
        var random = SplitMix64(seed: 0x6e67_6f6d_6174_6368 &+ seed)
        var rounds = 0
        var lastGain = 0
        var lowest = grid.shortfall
        while grid.shortfall > floor && budget > 0 && rounds < Self.shakes && rounds - lastGain < Self.patience {
            rounds += 1
            if grid.shortfall < lowest {
                lowest = grid.shortfall
                lastGain = rounds
            }
            let short = shortParties(grid)
            let party = short[Int.random(in: 0..<short.count, using: &random)]
            let before = grid.shortfall
            let mark = grid.beginTrial()
            budget -= 1
            let shaken =
                rounds % 2 == 0
                ? forceOne(of: party, grid: &grid, random: &random)
                : rebuildSlots(of: party, grid: &grid, random: &random)
            if shaken {
                descend(&grid)
                if grid.shortfall <= before {
                    grid.commit(mark)
                    continue
                }
            }
            grid.rollBack(to: mark)
        }
    }

    /// Seats one of the party's pairs, chosen at random, in one of its slots, by force.
    private func forceOne(of party: Party, grid: inout SlotGrid, random: inout SplitMix64) -> Bool {
        let options = candidates(of: party).filter { !grid.isPlaced($0) }
        guard !options.isEmpty else { return false }
        let candidate = options[Int.random(in: 0..<options.count, using: &random)]
        let slots = Self.slots(grid.problem.candidates[candidate].slots)
        let slot = slots[Int.random(in: 0..<slots.count, using: &random)]
        return Self.force(candidate, into: slot, grid: &grid) != nil
    }

    /// Empties one or two of the slots the party is free in and fills them again, the pairs of
    /// short parties first (those with the fewest slots left first), then what was there.
    private func rebuildSlots(of party: Party, grid: inout SlotGrid, random: inout SplitMix64) -> Bool {
        let problem = grid.problem
        let free: UInt64
        switch party {
        case .province(let position): free = problem.provinces[position].available
        case .ngo(let position): free = problem.ngos[position].available
        }
        var slots = Self.slots(free)
        guard !slots.isEmpty else { return false }
        slots.shuffle(using: &random)
        let chosen = Array(slots.prefix(Int.random(in: 1...2, using: &random)))
        var removed: [Int] = []
        for slot in chosen {
            for member in grid.members[slot] where Self.movable(Int(member), grid) { removed.append(Int(member)) }
        }
        for meeting in removed { grid.remove(meeting) }
        var owed: [Int] = []
        for other in shortParties(grid) { owed += candidates(of: other).filter { !grid.isPlaced($0) } }
        let mask = chosen.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
        let first = Array(Set(owed)).sorted().filter { problem.candidates[$0].slots & mask != 0 }.shuffled(
            using: &random
        )
        .sorted {
            (problem.candidates[$0].slots & mask).nonzeroBitCount
                < (problem.candidates[$1].slots & mask).nonzeroBitCount
        }
        for candidate in first where needed(candidate, grid) > 0 { _ = grid.insert(candidate) }
        for meeting in removed.sorted(by: { grid.value($0) > grid.value($1) }) { _ = grid.insert(meeting) }
        return true
    }

    /// How many times the search may shake the schedule when it is stuck, and how many shakes
    /// in a row may leave the shortfall where it was before it gives up.
    static let shakes = 4_000
    static let patience = 300

    /// Moves and chains of moves of growing length while they lower the shortfall.
    mutating func descend(_ grid: inout SlotGrid, longestChain: Int = 4) {
        for depth in 1...longestChain {
            var progress = true
            while grid.shortfall > 0 && progress && budget > 0 {
                progress = false
                for party in shortParties(grid) where isShort(party, grid) {
                    if raise(party, grid: &grid, depth: depth) { progress = true }
                }
            }
        }
    }

    private func candidates(of party: Party) -> [Int] {
        switch party {
        case .province(let position): byProvince[position]
        case .ngo(let position): byNGO[position]
        }
    }

    private static func slots(_ mask: UInt64) -> [Int] {
        var open = mask
        var slots: [Int] = []
        while open != 0 {
            slots.append(open.trailingZeroBitCount)
            open &= open - 1
        }
        return slots
    }

    func shortParties(_ grid: SlotGrid) -> [Party] {
        grid.problem.provinces.indices.filter { grid.provinceShort($0) }.map(Party.province)
            + grid.problem.ngos.indices.filter { grid.ngoShort($0) }.map(Party.ngo)
    }

    private func isShort(_ party: Party, _ grid: SlotGrid) -> Bool {
        switch party {
        case .province(let position): grid.provinceShort(position)
        case .ngo(let position): grid.ngoShort(position)
        }
    }

    /// One more meeting for the party, if some chain of at most `depth` moves lowers the shortfall.
    private mutating func raise(_ party: Party, grid: inout SlotGrid, depth: Int) -> Bool {
        let before = grid.shortfall
        for candidate in candidates(of: party) where !grid.isPlaced(candidate) {
            var open = grid.problem.candidates[candidate].slots
            while open != 0 {
                let slot = open.trailingZeroBitCount
                open &= open - 1
                guard budget > 0 else { return false }
                budget -= 1
                let mark = grid.beginTrial()
                if let lost = Self.force(candidate, into: slot, grid: &grid) {
                    if grid.shortfall < before {
                        grid.commit(mark)
                        return true
                    }
                    if depth > 1 && grid.shortfall == before {
                        for next in Self.parties(of: lost, grid.problem) where isShort(next, grid) && next != party {
                            if raise(next, grid: &grid, depth: depth - 1) && grid.shortfall < before { break }
                        }
                        if grid.shortfall < before {
                            grid.commit(mark)
                            return true
                        }
                    }
                }
                grid.rollBack(to: mark)
            }
        }
        return false
    }

    private static func parties(of meetings: [Int], _ problem: PlanningProblem) -> [Party] {
        meetings.flatMap { [Party.province(problem.candidates[$0].province), .ngo(problem.candidates[$0].ngo)] }
    }

    /// Seats the candidate in the slot, taking out what is in the way; the displaced look for
    /// other slots. - Returns: the displaced meetings that found none, or nil if the slot cannot be had.
    static func force(_ candidate: Int, into slot: Int, grid: inout SlotGrid) -> [Int]? {
        let problem = grid.problem
        let pair = problem.candidates[candidate]
        var removed: [Int] = []
        for blocker in [grid.provinceMeeting(pair.province, slot), grid.ngoMeeting(pair.ngo, slot)] where blocker >= 0 {
            guard movable(blocker, grid) else { return nil }
            grid.remove(blocker)
            removed.append(blocker)
        }
        if grid.provinceMeetings[pair.province] >= problem.provinces[pair.province].maxMeetings {
            guard let spare = leastNeeded((0..<grid.slots).map { grid.provinceMeeting(pair.province, $0) }, grid)
            else { return nil }
            grid.remove(spare)
            removed.append(spare)
        }
        if grid.ngoMeetings[pair.ngo] >= problem.ngos[pair.ngo].maxMeetings {
            guard let spare = leastNeeded((0..<grid.slots).map { grid.ngoMeeting(pair.ngo, $0) }, grid)
            else { return nil }
            grid.remove(spare)
            removed.append(spare)
        }
        if grid.load[slot] >= grid.tables {
            guard let spare = leastNeeded(grid.members[slot].map(Int.init), grid) else { return nil }
            grid.remove(spare)
            removed.append(spare)
        }
        guard grid.fits(candidate, slot) else { return nil }
        grid.place(candidate, slot)
        // Meetings that keep a party at its minimum find their slots first.
        let ordered = removed.sorted { (needed($0, grid), grid.value($0)) > (needed($1, grid), grid.value($1)) }
        return ordered.filter { !grid.insert($0) }
    }

    private static func movable(_ meeting: Int, _ grid: SlotGrid) -> Bool {
        !grid.pinned[meeting] && !grid.problem.candidates[meeting].mustMeet
    }

    /// How many of the meeting's two parties would fall below their minimum without it.
    private func needed(_ meeting: Int, _ grid: SlotGrid) -> Int { Self.needed(meeting, grid) }

    private static func needed(_ meeting: Int, _ grid: SlotGrid) -> Int {
        let pair = grid.problem.candidates[meeting]
        let placed = grid.isPlaced(meeting) ? 0 : 1
        let province =
            grid.provinceMeetings[pair.province] + placed <= grid.problem.provinces[pair.province].minMeetings
        let ngo = grid.ngoMeetings[pair.ngo] + placed <= grid.problem.ngos[pair.ngo].minMeetings
        return (province ? 1 : 0) + (ngo ? 1 : 0)
    }

    /// The movable meeting whose loss hurts least: no party falls short, then the lowest value.
    private static func leastNeeded(_ meetings: [Int], _ grid: SlotGrid) -> Int? {
        meetings.filter { $0 >= 0 && movable($0, grid) }
            .min { (needed($0, grid), grid.value($0), $0) < (needed($1, grid), grid.value($1), $1) }
    }
}
