import NGOMatchCore

/// The optimum of a tiny event by trying every slot (or none) for every pair:
/// the yardstick the planner and its bound are held to in tests.
enum ExactPlanner {
    /// - Returns: the best total value among schedules that meet every minimum and must-meet, or nil if none does.
    static func optimum(_ problem: PlanningProblem) -> Double? {
        let candidates = problem.candidates
        var provinceBusy = [UInt64](repeating: 0, count: problem.provinces.count)
        var ngoBusy = [UInt64](repeating: 0, count: problem.ngos.count)
        var load = [Int](repeating: 0, count: problem.slotCount)
        var best: Double? = nil
        let remaining = candidates.indices.map { index in candidates[index...].reduce(0) { $0 + $1.value } }

        func search(_ index: Int, _ value: Double) {
            if let best, value + (index < candidates.count ? remaining[index] : 0) <= best - 1e-12 { return }
            guard index < candidates.count else {
                let minimumsMet =
                    problem.provinces.indices.allSatisfy {
                        provinceBusy[$0].nonzeroBitCount >= problem.provinces[$0].minMeetings
                    }
                    && problem.ngos.indices.allSatisfy { ngoBusy[$0].nonzeroBitCount >= problem.ngos[$0].minMeetings }
                if minimumsMet && (best == nil || value > best!) { best = value }
                return
            }
            let pair = candidates[index]
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
                    search(index + 1, value + pair.value)
                    provinceBusy[p] &= ~bit
                    ngoBusy[n] &= ~bit
                    load[slot] -= 1
                }
            }
            if !pair.mustMeet { search(index + 1, value) }
        }
        search(0, 0)
        return best
    }

    /// The fewest meetings any schedule (with every must-meet that can be seated) misses below
    /// the minimums, by trying every slot or none for every pair.
    static func leastShortfall(_ problem: PlanningProblem) -> Int {
        let candidates = problem.candidates
        var provinceBusy = [UInt64](repeating: 0, count: problem.provinces.count)
        var ngoBusy = [UInt64](repeating: 0, count: problem.ngos.count)
        var load = [Int](repeating: 0, count: problem.slotCount)
        func shortfall() -> Int {
            problem.provinces.indices.reduce(0) {
                $0 + max(0, problem.provinces[$1].minMeetings - provinceBusy[$1].nonzeroBitCount)
            }
                + problem.ngos.indices.reduce(0) {
                    $0 + max(0, problem.ngos[$1].minMeetings - ngoBusy[$1].nonzeroBitCount)
                }
        }
        var best = shortfall()
        func search(_ index: Int) {
            // Each pair still to place can lower the shortfall by two at most.
            if shortfall() - 2 * (candidates.count - index) >= best { return }
            guard index < candidates.count else {
                best = min(best, shortfall())
                return
            }
            let pair = candidates[index]
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
                    search(index + 1)
                    provinceBusy[p] &= ~bit
                    ngoBusy[n] &= ~bit
                    load[slot] -= 1
                }
            }
            search(index + 1)
        }
        search(0)
        return best
    }
}
