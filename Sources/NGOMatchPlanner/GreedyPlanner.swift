import NGOMatchCore

/// The baseline a planner has to beat: pairs best first, each in the first slot
/// where both parties and a table are free. Kept for benchmarks.
package enum GreedyPlanner {
    /// - Returns: the total value of the greedy schedule (must-meet pairs first, as the planner places them).
    package static func totalValue(_ problem: PlanningProblem) -> Double {
        var grid = SlotGrid(problem)
        for candidate in problem.candidates.indices where grid.hasRoom(candidate) {
            var open = problem.candidates[candidate].slots
            while open != 0 {
                let slot = open.trailingZeroBitCount
                open &= open - 1
                if grid.fits(candidate, slot) {
                    grid.place(candidate, slot)
                    break
                }
            }
        }
        return grid.total
    }
}
