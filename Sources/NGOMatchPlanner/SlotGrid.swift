import NGOMatchCore

/// A schedule being built: which candidate sits in which slot, and who is busy when.
///
/// Every change keeps the schedule valid, so the planner can stop at any moment
/// and hand back what it has.
struct SlotGrid {
    let problem: PlanningProblem
    let slots: Int
    let tables: Int
    /// Candidate at `party * slots + slot`, or -1.
    private(set) var provinceAt: [Int32]
    private(set) var ngoAt: [Int32]
    private(set) var load: [Int]
    private(set) var provinceMeetings: [Int]
    private(set) var ngoMeetings: [Int]
    /// Slot of each candidate, or -1.
    private(set) var slotOf: [Int]
    /// Candidates that may not move (confirmed meetings kept in a replan).
    var pinned: [Bool]
    /// The table a pinned meeting had, to keep it there.
    var preferredTable: [Int: Int] = [:]
    /// A pinned meeting's place in the replan report's `kept` list.
    var keptEntry: [Int: Int] = [:]
    private(set) var total = 0.0
    /// The meetings in each slot, in no order; `memberIndex` is each placed candidate's place in its list.
    private(set) var members: [[Int32]]
    private var memberIndex: [Int32]
    /// Bumped whenever a slot changes, so that its cheapest meeting is found again only then.
    private var slotVersion: [Int]
    private var cheapestCache: [(version: Int, candidate: Int)]
    /// Meetings still missing to bring every party (province or NGO) up to its minimum.
    private(set) var shortfall = 0
    /// Every place and remove since the outermost open trial, so that a trial can be taken back exactly.
    private var journal: [(candidate: Int32, slot: Int32, placed: Bool)] = []
    private var openTrials = 0

    init(_ problem: PlanningProblem) {
        self.problem = problem
        slots = problem.slotCount
        tables = problem.tableLimit
        provinceAt = [Int32](repeating: -1, count: problem.provinces.count * slots)
        ngoAt = [Int32](repeating: -1, count: problem.ngos.count * slots)
        load = [Int](repeating: 0, count: slots)
        provinceMeetings = [Int](repeating: 0, count: problem.provinces.count)
        ngoMeetings = [Int](repeating: 0, count: problem.ngos.count)
        slotOf = [Int](repeating: -1, count: problem.candidates.count)
        pinned = [Bool](repeating: false, count: problem.candidates.count)
        members = [[Int32]](repeating: [], count: slots)
        memberIndex = [Int32](repeating: -1, count: problem.candidates.count)
        slotVersion = [Int](repeating: 0, count: slots)
        cheapestCache = [(version: Int, candidate: Int)](repeating: (-1, -1), count: slots)
        shortfall = problem.provinces.reduce(0) { $0 + $1.minMeetings } + problem.ngos.reduce(0) { $0 + $1.minMeetings }
    }

    /// Starts a trial: the changes that follow can be taken back with `rollBack(to:)`.
    mutating func beginTrial() -> Int {
        openTrials += 1
        return journal.count
    }

    /// Keeps the trial's changes (an enclosing trial may still take them back).
    mutating func commit(_ mark: Int) {
        openTrials -= 1
        if openTrials == 0 { journal.removeAll(keepingCapacity: true) }
    }

    /// Undoes every change since `mark`, newest first.
    mutating func rollBack(to mark: Int) {
        let steps = journal[mark...].reversed()
        let open = openTrials
        openTrials = 0
        for step in steps {
            if step.placed { remove(Int(step.candidate)) } else { place(Int(step.candidate), Int(step.slot)) }
        }
        openTrials = open - 1
        journal.removeSubrange(mark...)
        if openTrials == 0 { journal.removeAll(keepingCapacity: true) }
    }

    func provinceShort(_ province: Int) -> Bool {
        provinceMeetings[province] < problem.provinces[province].minMeetings
    }

    func ngoShort(_ ngo: Int) -> Bool { ngoMeetings[ngo] < problem.ngos[ngo].minMeetings }

    /// The movable meeting of least value in the slot (not pinned, not a must-meet), or nil.
    mutating func cheapestMovable(inSlot slot: Int) -> Int? {
        if cheapestCache[slot].version != slotVersion[slot] {
            var best = -1
            for member in members[slot] {
                let candidate = Int(member)
                guard !pinned[candidate], !problem.candidates[candidate].mustMeet else { continue }
                if best < 0 || value(candidate) < value(best) { best = candidate }
            }
            cheapestCache[slot] = (slotVersion[slot], best)
        }
        let best = cheapestCache[slot].candidate
        return best >= 0 ? best : nil
    }

    /// True when some slot other than `slot` has a table free.
    func hasFreeTable(besides slot: Int) -> Bool {
        load.indices.contains { $0 != slot && load[$0] < tables }
    }

    func isPlaced(_ candidate: Int) -> Bool { slotOf[candidate] >= 0 }

    func value(_ candidate: Int) -> Double { problem.candidates[candidate].value }

    func provinceMeeting(_ province: Int, _ slot: Int) -> Int { Int(provinceAt[province * slots + slot]) }

    func ngoMeeting(_ ngo: Int, _ slot: Int) -> Int { Int(ngoAt[ngo * slots + slot]) }

    func hasRoom(_ candidate: Int) -> Bool {
        let pair = problem.candidates[candidate]
        return provinceMeetings[pair.province] < problem.provinces[pair.province].maxMeetings
            && ngoMeetings[pair.ngo] < problem.ngos[pair.ngo].maxMeetings
    }

    func fits(_ candidate: Int, _ slot: Int) -> Bool {
        let pair = problem.candidates[candidate]
        return pair.slots & (1 << UInt64(slot)) != 0 && provinceAt[pair.province * slots + slot] < 0
            && ngoAt[pair.ngo * slots + slot] < 0 && load[slot] < tables
    }

    mutating func place(_ candidate: Int, _ slot: Int) {
        let pair = problem.candidates[candidate]
        if openTrials > 0 { journal.append((Int32(candidate), Int32(slot), true)) }
        if provinceShort(pair.province) { shortfall -= 1 }
        if ngoShort(pair.ngo) { shortfall -= 1 }
        provinceAt[pair.province * slots + slot] = Int32(candidate)
        ngoAt[pair.ngo * slots + slot] = Int32(candidate)
        load[slot] += 1
        provinceMeetings[pair.province] += 1
        ngoMeetings[pair.ngo] += 1
        slotOf[candidate] = slot
        total += pair.value
        memberIndex[candidate] = Int32(members[slot].count)
        members[slot].append(Int32(candidate))
        slotVersion[slot] += 1
    }

    mutating func remove(_ candidate: Int) {
        let slot = slotOf[candidate]
        guard slot >= 0 else { return }
        let pair = problem.candidates[candidate]
        if openTrials > 0 { journal.append((Int32(candidate), Int32(slot), false)) }
        provinceAt[pair.province * slots + slot] = -1
        ngoAt[pair.ngo * slots + slot] = -1
        load[slot] -= 1
        provinceMeetings[pair.province] -= 1
        ngoMeetings[pair.ngo] -= 1
        if provinceShort(pair.province) { shortfall += 1 }
        if ngoShort(pair.ngo) { shortfall += 1 }
        slotOf[candidate] = -1
        total -= pair.value
        let position = Int(memberIndex[candidate])
        let last = members[slot].removeLast()
        if Int(last) != candidate {
            members[slot][position] = last
            memberIndex[Int(last)] = Int32(position)
        }
        memberIndex[candidate] = -1
        slotVersion[slot] += 1
    }

    /// Moves a placed candidate to another slot where it fits.
    mutating func move(_ candidate: Int, to slot: Int) {
        remove(candidate)
        place(candidate, slot)
    }

    /// Places the candidate in a free common slot, or makes one by moving other
    /// meetings (never removing any). Returns false, changing nothing, if it cannot.
    mutating func insert(_ candidate: Int) -> Bool {
        guard !isPlaced(candidate), hasRoom(candidate) else { return false }
        let pair = problem.candidates[candidate]
        var open = pair.slots
        while open != 0 {
            let slot = open.trailingZeroBitCount
            open &= open - 1
            if fits(candidate, slot) {
                place(candidate, slot)
                return true
            }
        }
        return swapToFit(candidate) || relocateToFit(candidate)
    }

    /// Frees a common slot by swapping two slots along an alternating chain of
    /// meetings (a Kempe chain): in a bipartite graph the chain from the NGO never
    /// reaches the province, so after the swap both are free in the same slot.
    private mutating func swapToFit(_ candidate: Int) -> Bool {
        let pair = problem.candidates[candidate]
        var provinceFree: [Int] = []
        var ngoFree: [Int] = []
        var open = pair.slots
        while open != 0 {
            let slot = open.trailingZeroBitCount
            open &= open - 1
            let provinceBusy = provinceAt[pair.province * slots + slot] >= 0
            let ngoBusy = ngoAt[pair.ngo * slots + slot] >= 0
            if !provinceBusy && ngoBusy { provinceFree.append(slot) }
            if provinceBusy && !ngoBusy { ngoFree.append(slot) }
        }
        for a in provinceFree {
            for b in ngoFree {
                // Chain from the NGO through slots a, b, a, …; or from the province through b, a, b, ….
                if let chain = chain(from: pair.ngo, isNGO: true, first: a, second: b),
                    apply(chain, candidate: candidate, at: a)
                {
                    return true
                }
                if let chain = chain(from: pair.province, isNGO: false, first: b, second: a),
                    apply(chain, candidate: candidate, at: b)
                {
                    return true
                }
            }
        }
        return false
    }

    /// The meetings of the alternating chain that starts at the party's meeting in slot `first`
    /// and alternates between `first` and `second`; nil if one of them cannot move.
    private func chain(from party: Int, isNGO: Bool, first: Int, second: Int) -> [(
        candidate: Int, from: Int, to: Int
    )]? {
        var chain: [(Int, Int, Int)] = []
        var current = isNGO ? ngoMeeting(party, first) : provinceMeeting(party, first)
        // From an NGO's meeting the chain goes on at its province, and back.
        var atProvince = isNGO
        var slot = first
        while current >= 0 {
            guard !pinned[current], chain.count <= 2 * slots + 2 else { return nil }
            let other = slot == first ? second : first
            guard problem.candidates[current].slots & (1 << UInt64(other)) != 0 else { return nil }
            chain.append((current, slot, other))
            let pair = problem.candidates[current]
            current = atProvince ? provinceMeeting(pair.province, other) : ngoMeeting(pair.ngo, other)
            atProvince.toggle()
            slot = other
        }
        return chain
    }

    /// Swaps the chain's slots and places the candidate, if the tables allow; otherwise changes nothing.
    private mutating func apply(_ chain: [(candidate: Int, from: Int, to: Int)], candidate: Int, at slot: Int) -> Bool {
        guard !chain.isEmpty else { return false }
        let first = chain[0].from
        let second = chain[0].to
        let leavingFirst = chain.filter { $0.from == first }.count
        let leavingSecond = chain.count - leavingFirst
        let firstLoad = load[first] - leavingFirst + leavingSecond + (slot == first ? 1 : 0)
        let secondLoad = load[second] - leavingSecond + leavingFirst + (slot == second ? 1 : 0)
        guard firstLoad <= tables, secondLoad <= tables else { return false }
        for link in chain { remove(link.candidate) }
        for link in chain { place(link.candidate, link.to) }
        guard fits(candidate, slot) else {
            for link in chain { remove(link.candidate) }
            for link in chain { place(link.candidate, link.from) }
            return false
        }
        place(candidate, slot)
        return true
    }

    /// Makes room by moving one meeting of the province or the NGO (or, when the
    /// slot is full, any meeting in it) to another slot where it fits.
    private mutating func relocateToFit(_ candidate: Int) -> Bool {
        let pair = problem.candidates[candidate]
        var open = pair.slots
        while open != 0 {
            let slot = open.trailingZeroBitCount
            open &= open - 1
            let blockers = [provinceMeeting(pair.province, slot), ngoMeeting(pair.ngo, slot)].filter { $0 >= 0 }
            if blockers.contains(where: { pinned[$0] }) { continue }
            var moved: [(Int, Int)] = []
            for blocker in blockers {
                remove(blocker)
                if let target = firstFit(blocker, avoiding: slot) {
                    place(blocker, target)
                    moved.append((blocker, slot))
                } else {
                    place(blocker, slot)
                    break
                }
            }
            if moved.count == blockers.count {
                if load[slot] >= tables, !makeTableFree(in: slot) {
                    undo(moved)
                    continue
                }
                if fits(candidate, slot) {
                    place(candidate, slot)
                    return true
                }
            }
            undo(moved)
        }
        return false
    }

    private mutating func undo(_ moved: [(candidate: Int, slot: Int)]) {
        for (candidate, slot) in moved.reversed() {
            remove(candidate)
            place(candidate, slot)
        }
    }

    private func firstFit(_ candidate: Int, avoiding avoided: Int) -> Int? {
        var open = problem.candidates[candidate].slots & ~(1 << UInt64(avoided))
        while open != 0 {
            let slot = open.trailingZeroBitCount
            open &= open - 1
            if fits(candidate, slot) { return slot }
        }
        return nil
    }

    /// Moves some meeting out of a full slot to another slot that has a table free.
    private mutating func makeTableFree(in slot: Int) -> Bool {
        guard hasFreeTable(besides: slot) else { return false }
        for member in members[slot] {
            let meeting = Int(member)
            guard !pinned[meeting] else { continue }
            remove(meeting)
            if let target = firstFit(meeting, avoiding: slot) {
                place(meeting, target)
                return true
            }
            place(meeting, slot)
        }
        return false
    }
}
