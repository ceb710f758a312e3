import NGOMatchCore

/// The optimum of a tiny event by trying every slot (or none) for every pair:
/// the yardstick the planner and its bound are held to in tests.
enum ExactPlanner {
    /// - Returns: the best total value among schedules that meet every minimum and must-meet, or nil if none does.
    static func optimum(_ problem: PlanningProblem) -> Double? {
        let remaining = problem.candidates.indices.map { index in
            problem.candidates[index...].reduce(0) { $0 + $1.value }
        }
        var best: Double? = nil
        var schedules = Schedules(problem)
        schedules.visit(
            prune: { _, index, value in
                guard let best else { return false }
                return value + (index < remaining.count ? remaining[index] : 0) <= best - 1e-12
            },
            leaf: { schedule, value in
                if schedule.shortfall == 0 && (best == nil || value > best!) { best = value }
            })
        return best
    }

    /// The fewest meetings any schedule (with every must-meet that can be seated) misses below
    /// the minimums.
    static func leastShortfall(_ problem: PlanningProblem) -> Int {
        var best = Int.max
        var schedules = Schedules(problem)
        schedules.visit(
            // Each pair still to place can lower the shortfall by two at most.
            prune: { schedule, index, _ in
                schedule.shortfall - 2 * (problem.candidates.count - index) >= best
            },
            leaf: { schedule, _ in best = min(best, schedule.shortfall) })
        return best
    }

    /// Every valid schedule, pair by pair: each pair in each slot it fits, or not at all.
    private struct Schedules {
        let problem: PlanningProblem
        var provinceBusy: [UInt64]
        var ngoBusy: [UInt64]
        var load: [Int]

        init(_ problem: PlanningProblem) {
            self.problem = problem
            provinceBusy = [UInt64](repeating: 0, count: problem.provinces.count)
            ngoBusy = [UInt64](repeating: 0, count: problem.ngos.count)
            load = [Int](repeating: 0, count: problem.slotCount)
        }

        var shortfall: Int {
            problem.provinces.indices.reduce(0) {
                $0 + max(0, problem.provinces[$1].minMeetings - provinceBusy[$1].nonzeroBitCount)
            }
                + problem.ngos.indices.reduce(0) {
                    $0 + max(0, problem.ngos[$1].minMeetings - ngoBusy[$1].nonzeroBitCount)
                }
        }

        mutating func visit(
            from index: Int = 0, value: Double = 0, prune: (Schedules, Int, Double) -> Bool,
            leaf: (Schedules, Double) -> Void
        ) {
            if prune(self, index, value) { return }
            guard index < problem.candidates.count else { return leaf(self, value) }
            let pair = problem.candidates[index]
            let p = pair.province
            let n = pair.ngo
            if provinceBusy[p].nonzeroBitCount < problem.provinces[p].maxMeetings
                && ngoBusy[n].nonzeroBitCount < problem.ngos[n].maxMeetings
            {
                for slot in 0..<problem.slotCount {
                    let bit = UInt64(1) << UInt64(slot)
                    guard pair.slots & bit != 0, provinceBusy[p] & bit == 0, ngoBusy[n] & bit == 0,
                        load[slot] < problem.tableLimit
                    else { continue }
                    provinceBusy[p] |= bit
                    ngoBusy[n] |= bit
                    load[slot] += 1
                    visit(from: index + 1, value: value + pair.value, prune: prune, leaf: leaf)
                    provinceBusy[p] &= ~bit
                    ngoBusy[n] &= ~bit
                    load[slot] -= 1
                }
            }
            if !pair.mustMeet { visit(from: index + 1, value: value, prune: prune, leaf: leaf) }
        }
    }
}
