/// The best schedules of a tiny event, found by trying every free slot (or none) for every pair
/// that may meet, from the event's meaning alone: the yardstick for "optimal" and "proven".
public struct ExhaustiveSchedules: Sendable {
    /// The fewest meetings below the minimums that any schedule with every must-meet misses.
    public let leastShortfall: Int
    /// The most value among the schedules missing only `leastShortfall`.
    public let bestValue: Double
    /// The most value of any schedule with every must-meet, minimums or not.
    public let bestValueOfAll: Double

    /// nil when no schedule seats every must-meet the event does not plainly rule out.
    public init?(_ event: OracleEvent) {
        let search = Search(event)
        guard let (shortfall, value) = search.best(lexicographic: true) else { return nil }
        leastShortfall = shortfall
        bestValue = value
        bestValueOfAll = search.best(lexicographic: false)?.value ?? value
    }

    private struct Search {
        struct Choice {
            let province: Int
            let ngo: Int
            let value: Double
            let slots: [Int]
            let forced: Bool
        }
        let event: OracleEvent
        let choices: [Choice]
        /// The value still to come from choice `i` on.
        let remaining: [Double]

        init(_ event: OracleEvent) {
            self.event = event
            var choices: [Choice] = []
            for (p, province) in event.provinces.enumerated() {
                for (n, ngo) in event.ngos.enumerated() {
                    let pair = OracleEvent.Pair(province.id, ngo.id)
                    guard event.eligible[pair] != nil else { continue }
                    let forced =
                        event.mustMeet.contains(pair) && ScheduleChecker.mustMeetExcuse(pair, event: event) == nil
                    choices.append(
                        Choice(
                            province: p, ngo: n, value: event.value(pair),
                            slots: province.free.intersection(ngo.free).sorted(), forced: forced))
                }
            }
            self.choices = choices.sorted { ($0.forced ? 1 : 0, $0.value) > ($1.forced ? 1 : 0, $1.value) }
            var tail = [Double](repeating: 0, count: choices.count + 1)
            for index in self.choices.indices.reversed() { tail[index] = tail[index + 1] + self.choices[index].value }
            remaining = tail
        }

        /// The best (shortfall, value) in lexicographic order, or the best value alone.
        func best(lexicographic: Bool) -> (shortfall: Int, value: Double)? {
            var provinceSlots = [Set<Int>](repeating: [], count: event.provinces.count)
            var ngoSlots = [Set<Int>](repeating: [], count: event.ngos.count)
            var load: [Int: Int] = [:]
            var best: (shortfall: Int, value: Double)? = nil
            let tables = event.tables ?? Int.max

            func shortfall() -> Int {
                var missing = 0
                for (p, province) in event.provinces.enumerated() {
                    missing += max(0, province.minMeetings - provinceSlots[p].count)
                }
                for (n, ngo) in event.ngos.enumerated() { missing += max(0, ngo.minMeetings - ngoSlots[n].count) }
                return missing
            }
            func better(_ shortfall: Int, _ value: Double) -> Bool {
                guard let best else { return true }
                if lexicographic && shortfall != best.shortfall { return shortfall < best.shortfall }
                return value > best.value + 1e-12
            }
            func visit(_ index: Int, _ value: Double) {
                if let best {
                    // Each meeting still to place lowers the shortfall by two at most.
                    let floor = max(0, shortfall() - 2 * (choices.count - index))
                    let ceiling = value + remaining[index]
                    if lexicographic && floor > best.shortfall { return }
                    if (!lexicographic || floor == best.shortfall) && ceiling <= best.value + 1e-12 { return }
                }
                guard index < choices.count else {
                    let missing = lexicographic ? shortfall() : 0
                    if better(missing, value) { best = (missing, value) }
                    return
                }
                let choice = choices[index]
                let province = event.provinces[choice.province]
                let ngo = event.ngos[choice.ngo]
                if provinceSlots[choice.province].count < province.maxMeetings
                    && ngoSlots[choice.ngo].count < ngo.maxMeetings
                {
                    for slot in choice.slots
                    where !provinceSlots[choice.province].contains(slot) && !ngoSlots[choice.ngo].contains(slot)
                        && load[slot, default: 0] < tables
                    {
                        provinceSlots[choice.province].insert(slot)
                        ngoSlots[choice.ngo].insert(slot)
                        load[slot, default: 0] += 1
                        visit(index + 1, value + choice.value)
                        provinceSlots[choice.province].remove(slot)
                        ngoSlots[choice.ngo].remove(slot)
                        load[slot, default: 0] -= 1
                    }
                }
                if !choice.forced { visit(index + 1, value) }
            }
            visit(0, 0)
            return best
        }
    }
}
