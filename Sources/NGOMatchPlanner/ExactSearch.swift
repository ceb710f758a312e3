import NGOMatchCore

/// Solves a small event outright: the whole schedule as one program in whole numbers
/// (one variable per pair and slot where both are free), handed to CBC; its answer replaces
/// the planner's own schedule only when it is valid and better. Local moves stop where every
/// better schedule needs many meetings to change at once; the exact search does not.
///
/// Minimums come first as they do everywhere in the planner: when the schedule found so far
/// meets them all, they are constraints, and the proven optimum is the best value among
/// schedules meeting them; otherwise every missing meeting costs more than all values together.
enum ExactSearch {
    struct Outcome {
        /// Whether the schedule is now proven the best there is (minimums first, then value).
        let provenOptimal: Bool
        /// No schedule meeting every minimum is worth more (set only when minimums are constraints).
        let bound: Double?
        /// Set when CBC proved that every schedule misses at least this many meetings below the
        /// minimums (no confirmed meetings pinned, so the proof is about the event itself).
        var leastMissing: Int? = nil
    }

    /// Events up to this many pair-and-slot variables are solved exactly (about 0.15 s at the top).
    static let largestProgram = 12_000
    /// Search nodes CBC may explore: the small events seen so far need none beyond the root.
    static let nodeLimit = 2_000

    /// Whether the event has few enough pair-and-slot variables to be solved outright.
    static func isSmallEnough(_ problem: PlanningProblem) -> Bool {
        var count = 0
        for pair in problem.candidates {
            count += pair.slots.nonzeroBitCount
            if count > largestProgram { return false }
        }
        return true
    }

    /// Replaces the schedule with a better one when CBC finds it.
    /// Call only when `isSmallEnough`.
    static func run(_ grid: inout SlotGrid) -> Outcome {
        let problem = grid.problem
        let slots = problem.slotCount
        let fixed = problem.candidates.indices.filter { grid.pinned[$0] && grid.isPlaced($0) }
        var busyProvince = Set<Int>()
        var busyNGO = Set<Int>()
        var pinnedLoad = [Int](repeating: 0, count: slots)
        var provinceFixed = [Int](repeating: 0, count: problem.provinces.count)
        var ngoFixed = [Int](repeating: 0, count: problem.ngos.count)
        for position in fixed {
            let pair = problem.candidates[position]
            let slot = grid.slotOf[position]
            busyProvince.insert(pair.province * slots + slot)
            busyNGO.insert(pair.ngo * slots + slot)
            pinnedLoad[slot] += 1
            provinceFixed[pair.province] += 1
            ngoFixed[pair.ngo] += 1
        }
        var variables: [(candidate: Int, slot: Int)] = []
        for (position, pair) in problem.candidates.enumerated() where !grid.pinned[position] {
            var open = pair.slots
            while open != 0 {
                let slot = open.trailingZeroBitCount
                open &= open - 1
                if !busyProvince.contains(pair.province * slots + slot) && !busyNGO.contains(pair.ngo * slots + slot) {
                    variables.append((position, slot))
                }
            }
        }
        guard !variables.isEmpty else { return Outcome(provenOptimal: true, bound: nil) }

        let hardMinimums = grid.shortfall == 0
        let penalty = 1 + problem.candidates.reduce(0) { $0 + max(0, $1.value) }
        var program = ZeroOneProgram()
        var byCandidate = [[Int]](repeating: [], count: problem.candidates.count)
        var byProvinceSlot = [[Int]](repeating: [], count: problem.provinces.count * slots)
        var byNGOSlot = [[Int]](repeating: [], count: problem.ngos.count * slots)
        var bySlot = [[Int]](repeating: [], count: slots)
        var byProvince = [[Int]](repeating: [], count: problem.provinces.count)
        var byNGO = [[Int]](repeating: [], count: problem.ngos.count)
        for (candidate, slot) in variables {
            let pair = problem.candidates[candidate]
            let column = program.addColumn(cost: -pair.value)
            byCandidate[candidate].append(column)
            byProvinceSlot[pair.province * slots + slot].append(column)
            byNGOSlot[pair.ngo * slots + slot].append(column)
            bySlot[slot].append(column)
            byProvince[pair.province].append(column)
            byNGO[pair.ngo].append(column)
        }
        for group in byProvinceSlot { program.addRow(group, upper: 1) }
        for group in byNGOSlot { program.addRow(group, upper: 1) }
        for (candidate, group) in byCandidate.enumerated() {
            // A must-meet pair the schedule seats stays seated; one it could not seat is free.
            let seated = problem.candidates[candidate].mustMeet && grid.isPlaced(candidate)
            program.addRow(group, lower: seated ? 1 : 0, upper: 1)
        }
        for (slot, group) in bySlot.enumerated() {
            program.addRow(group, upper: Double(max(0, grid.tables - pinnedLoad[slot])))
        }
        func limit(_ group: [Int], party: PlanningProblem.Party, fixed: Int) {
            let minimum = max(0, party.minMeetings - fixed)
            if minimum > 0 && !hardMinimums {
                // A column for each meeting missing, priced above every value.
                let short = program.addColumn(cost: penalty, upper: Double(minimum))
                program.addRow(group + [short], lower: Double(minimum))
            }
            program.addRow(
                group, lower: Double(hardMinimums ? minimum : 0), upper: Double(max(0, party.maxMeetings - fixed)))
        }
        for (position, party) in problem.provinces.enumerated() {
            limit(byProvince[position], party: party, fixed: provinceFixed[position])
        }
        for (position, party) in problem.ngos.enumerated() {
            limit(byNGO[position], party: party, fixed: ngoFixed[position])
        }

        let solution = CBCSolver.solve(program, nodeLimit: nodeLimit)
        if let values = solution.values {
            adopt(values, variables: variables, into: &grid)
        }
        let pinnedValue = fixed.reduce(0) { $0 + grid.value($1) }
        let bound = hardMinimums && solution.lowerBound.isFinite ? pinnedValue - solution.lowerBound : nil
        var outcome = Outcome(provenOptimal: solution.provenOptimal, bound: bound)
        // Proven optimal with missing meetings penalised above all value: no schedule misses fewer,
        // and the schedule adopted is CBC's or one as good.
        if solution.provenOptimal && !hardMinimums && fixed.isEmpty && grid.shortfall > 0 {
            outcome.leastMissing = grid.shortfall
        }
        return outcome
    }

    /// Seats CBC's schedule in place of the movable meetings, kept only when it is valid and
    /// better (fewer meetings missing, then more value): a solver's rounding never costs a rule.
    private static func adopt(_ values: [Double], variables: [(candidate: Int, slot: Int)], into grid: inout SlotGrid) {
        let before = (shortfall: grid.shortfall, total: grid.total)
        let seatedMustMeets = grid.problem.candidates.indices.filter {
            grid.problem.candidates[$0].mustMeet && grid.isPlaced($0)
        }
        let mark = grid.beginTrial()
        for position in grid.problem.candidates.indices where grid.isPlaced(position) && !grid.pinned[position] {
            grid.remove(position)
        }
        var valid = true
        for (column, variable) in variables.enumerated() where values[column] > 0.5 {
            guard !grid.isPlaced(variable.candidate), grid.fits(variable.candidate, variable.slot),
                grid.hasRoom(variable.candidate)
            else {
                valid = false
                break
            }
            grid.place(variable.candidate, variable.slot)
        }
        if valid && seatedMustMeets.allSatisfy({ grid.isPlaced($0) })
            && (grid.shortfall < before.shortfall
                || grid.shortfall == before.shortfall && grid.total > before.total + 1e-9)
        {
            grid.commit(mark)
        } else {
            grid.rollBack(to: mark)
        }
    }
}
