import NGOMatchCore

/// Raises the total once minimums are settled: seats a valuable pair that is waiting by force,
/// lets minimums and slots settle around it, and keeps the result only when no minimum is lost
/// and the total grew. Random choices come from a fixed seed, so plans repeat.
enum ValueSearch {
    /// - Parameter bound: no schedule is worth more; the search stops on reaching it.
    static func run(
        _ grid: inout SlotGrid, rounds: Int, bound: Double, seed: UInt64 = 0, settle: (inout SlotGrid) -> Void
    ) {
        let problem = grid.problem
        var random = SplitMix64(seed: 0x7661_6c75_6573 &+ seed)
        for round in 0..<rounds where grid.total < bound - 1e-9 {
            if round % 2 == 1 {
                rebuild(&grid, random: &random, settle: settle)
                continue
            }
            // Waiting pairs, best first: the candidates are sorted by value.
            var waiting: [Int] = []
            for position in problem.candidates.indices where !grid.isPlaced(position) {
                waiting.append(position)
                if waiting.count == 24 { break }
            }
            guard !waiting.isEmpty else { return }
            let pick = waiting[Int.random(in: 0..<waiting.count, using: &random)]
            var open = problem.candidates[pick].slots
            var slots: [Int] = []
            while open != 0 {
                slots.append(open.trailingZeroBitCount)
                open &= open - 1
            }
            let slot = slots[Int.random(in: 0..<slots.count, using: &random)]
            let before = (shortfall: grid.shortfall, total: grid.total)
            let mark = grid.beginTrial()
            if MinimumRepair.force(pick, into: slot, grid: &grid) != nil {
                settle(&grid)
                if grid.shortfall <= before.shortfall && grid.total > before.total + 1e-9 {
                    grid.commit(mark)
                    continue
                }
            }
            grid.rollBack(to: mark)
        }
    }

    /// Empties two slots and fills them again one after the other, in random order; kept when
    /// no minimum is lost and the total is no lower (equal totals let the search move on).
    private static func rebuild(_ grid: inout SlotGrid, random: inout SplitMix64, settle: (inout SlotGrid) -> Void) {
        guard grid.slots > 1 else { return }
        let first = Int.random(in: 0..<grid.slots, using: &random)
        var second = Int.random(in: 0..<(grid.slots - 1), using: &random)
        if second >= first { second += 1 }
        let before = (shortfall: grid.shortfall, total: grid.total)
        let mark = grid.beginTrial()
        SlotReoptimizer.empty(first, grid: &grid)
        SlotReoptimizer.empty(second, grid: &grid)
        SlotReoptimizer.fill(first, grid: &grid)
        SlotReoptimizer.fill(second, grid: &grid)
        if grid.shortfall > before.shortfall { settle(&grid) }
        if grid.shortfall <= before.shortfall && grid.total >= before.total - 1e-9 {
            grid.commit(mark)
        } else {
            grid.rollBack(to: mark)
        }
    }

    /// Rounds for an event of this size: many on small events, few on large ones, where each
    /// round costs more and the schedule has less to gain.
    static func rounds(_ problem: PlanningProblem) -> Int {
        max(20, min(1_000, 400_000 / max(1, problem.candidates.count * max(1, problem.slotCount / 4))))
    }
}
