import NGOMatchCore

/// Builds a schedule of bilateral meetings: valid by construction, close to the
/// best possible, with a proven upper bound beside it.
///
/// 1. Confirmed meetings (a replan) are pinned, must-meet pairs placed.
/// 2. The relaxation without slots picks the pairs worth meeting and bounds the value.
/// 3. Those pairs are placed best first, freeing slots by Kempe-chain swaps and
///    by moving a meeting or two; then every other pair that still fits.
/// 4. Parties (provinces and NGOs) below their minimum get meetings, at any cost to the
///    total, by ejection chains (`MinimumRepair`): minimums come before value.
///    An event small enough is then solved outright (`ExactSearch`, CBC) and, when that is
///    proven optimal, the plan is done.
/// 5. Ejection passes: an unplaced pair takes a slot from meetings worth less,
///    which then look for another slot; kept only while the total grows and no minimum is lost.
/// 6. A minimum still unmet is either proven impossible (`MinimumProof`, with a certificate)
///    or reported as not found: never called impossible without proof.
///
/// Same problem, same plan: nothing depends on time or chance.
package enum Planner {
    package static func plan(_ problem: PlanningProblem, keep: [KeptMeeting] = []) -> Plan {
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
        // The pairs the relaxation picked for parties with a minimum go in first, while slots are open.
        let owed = { (position: Int) -> Bool in
            let pair = problem.candidates[position]
            return problem.provinces[pair.province].minMeetings > 0 || problem.ngos[pair.ngo].minMeetings > 0
        }
        for position in order where relaxation.chosen[position] && owed(position) { _ = grid.insert(position) }
        for position in order where relaxation.chosen[position] && !owed(position) { _ = grid.insert(position) }
        for position in order where !relaxation.chosen[position] { _ = grid.insert(position) }
        // What no schedule can avoid missing, so that the search does not look for the impossible.
        let certificates = grid.shortfall > 0 ? MinimumProof.certificates(problem) : []
        // Within a ten-thousandth of the bound, further search cannot gain anything a planner would notice.
        let enough = (fixedValue + relaxation.bound) * (1 - 1e-4)
        // A small event is solved outright once its minimums are met; the local search below
        // is then needed only when the exact search stops short of a proof.
        var best: SlotGrid? = nil
        var exact: ExactSearch.Outcome? = nil
        if ExactSearch.isSmallEnough(problem) {
            var trial = grid
            var repair = minimumRepair(problem, seed: 0)
            repair.run(&trial, floor: MinimumProof.floor(certificates))
            exact = ExactSearch.run(&trial)
            best = trial
        }
        // Several searches from the same start with different random choices, the best kept:
        // on small events the search settles in different places and time is plentiful.
        for start in 0..<starts(problem) where exact?.provenOptimal != true {
            // More starts are for value; a shortfall the first search could not close costs
            // every start its whole patience, for little hope.
            if start > 0, let best, best.shortfall > 0 { break }
            var trial = grid
            search(&trial, order: order, certificates: certificates, enough: enough, seed: UInt64(start))
            if best == nil || (trial.shortfall, -trial.total) < (best!.shortfall, -best!.total) { best = trial }
            if trial.shortfall == 0 && trial.total >= enough { break }
        }
        grid = best ?? grid

        let outcome = minimumOutcome(
            problem, grid: grid, conflicts: conflicts, certificates: certificates, leastMissing: exact?.leastMissing)
        let (bound, covers) = upperBound(
            problem, grid: grid, fixedValue: fixedValue, relaxation: relaxation, exact: exact)
        return Plan(
            problem: problem, grid: grid, upperBound: max(bound, grid.total), boundCovers: covers,
            conflicts: conflicts + outcome.conflicts, minimums: outcome.minimums, replan: replan)
    }

    /// The bound a plan is judged by: over the schedules as good as it on minimums when that can
    /// be told. The relaxation with minimums first has the fewest missing meetings any schedule
    /// can have, or fewer; a plan missing only that many is lexicographically comparable with
    /// every schedule the relaxation's value bounds. Otherwise the bound is over every schedule.
    private static func upperBound(
        _ problem: PlanningProblem, grid: SlotGrid, fixedValue: Double, relaxation: Relaxation,
        exact: ExactSearch.Outcome?
    ) -> (bound: Double, covers: Plan.BoundCover) {
        if grid.shortfall == 0 {
            var bound = fixedValue + relaxation.bound
            if let proven = exact?.bound { bound = min(bound, proven) }
            return (bound, .meetingEveryMinimum)
        }
        if exact?.provenOptimal == true { return (grid.total, .leastShortfall) }
        let minimumsFirst = relax(problem, grid: grid, minimums: true)
        if minimumsFirst.leastShortfall == grid.shortfall { return (fixedValue + minimumsFirst.bound, .leastShortfall) }
        return (fixedValue + relax(problem, grid: grid, minimums: false).bound, .every)
    }

    /// Minimums first, then value, from the schedule filled so far.
    private static func search(
        _ grid: inout SlotGrid, order: [Int], certificates: [MinimumCertificate], enough: Double, seed: UInt64
    ) {
        let problem = grid.problem
        var repair = minimumRepair(problem, seed: seed)
        repair.run(&grid, floor: MinimumProof.floor(certificates))
        improve(&grid, order: order)
        if grid.total < enough { polish(&grid, order: order) }
        ValueSearch.run(&grid, rounds: ValueSearch.rounds(problem), bound: enough, seed: seed) { trial in
            if trial.shortfall > 0 { repair.descend(&trial, longestChain: 2) }
        }
        if grid.total < enough { polish(&grid, order: order) }
    }

    /// How many searches an event gets: each costs about as much as the first.
    private static func starts(_ problem: PlanningProblem) -> Int {
        problem.candidates.count <= 1_000 ? 3 : 1
    }

    /// The minimum repair with as many trials as enough for every short party to try each of its
    /// pairs in each slot a few times over, bounded so that large events stay within their time.
    private static func minimumRepair(_ problem: PlanningProblem, seed: UInt64) -> MinimumRepair {
        MinimumRepair(problem, budget: min(2_000_000, max(200_000, problem.candidates.count * 40)), seed: seed)
    }

    /// Which minimums the plan leaves unmet, and whether that is proven or merely not found.
    private static func minimumOutcome(
        _ problem: PlanningProblem, grid: SlotGrid, conflicts: [PlanConflict], certificates: [MinimumCertificate],
        leastMissing: Int?
    ) -> (
        minimums: MinimumOutcome, conflicts: [PlanConflict]
    ) {
        var shortfalls: [MinimumOutcome.Shortfall] = []
        for (position, party) in problem.provinces.enumerated() where grid.provinceShort(position) {
            shortfalls.append(
                .init(
                    party: party.id, name: party.name, side: .provinces, wanted: party.minMeetings,
                    got: grid.provinceMeetings[position]))
        }
        for (position, party) in problem.ngos.enumerated() where grid.ngoShort(position) {
            shortfalls.append(
                .init(
                    party: party.id, name: party.name, side: .ngos, wanted: party.minMeetings,
                    got: grid.ngoMeetings[position]))
        }
        guard !shortfalls.isEmpty else { return (MinimumOutcome(shortfalls: [], certificates: []), []) }
        // A minimum the numbers alone rule out was reported before planning.
        let counted = Set(
            conflicts.compactMap { conflict -> String? in
                if case .minimumUnreachable(let name, _, _) = conflict { return name }
                return nil
            })
        let proven = counted.union(certificates.flatMap(\.parties))
        var added: [PlanConflict] = certificates.map { .minimumImpossible($0) }
        for shortfall in shortfalls where !proven.contains(shortfall.name) {
            if let leastMissing {
                added.append(
                    .minimumProvenBySearch(
                        party: shortfall.name, wanted: shortfall.wanted, got: shortfall.got, leastMissing: leastMissing)
                )
            } else {
                added.append(.minimumNotFound(party: shortfall.name, wanted: shortfall.wanted, got: shortfall.got))
            }
        }
        var outcome = MinimumOutcome(
            shortfalls: shortfalls.map { shortfall in
                var marked = shortfall
                marked.proven = leastMissing != nil || proven.contains(shortfall.name)
                return marked
            }, certificates: certificates)
        // Said only where the certificates alone do not cover every party left short.
        if !shortfalls.allSatisfy({ proven.contains($0.name) }) { outcome.leastMissing = leastMissing }
        return (outcome, added)
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
        let ngoMinimum = problem.ngos.indices.map {
            minimums ? max(0, problem.ngos[$0].minMeetings - fixed.ngoMeetings[$0]) : 0
        }
        let placed = fixed.load.reduce(0, +)
        let total = problem.tables.map { max(0, $0 * problem.slotCount - placed) } ?? Int.max
        let open = problem.candidates.indices.filter { !fixed.isPlaced($0) }
        let candidates = open.map { problem.candidates[$0] }
        let solved = Relaxation(
            candidates: candidates, provinceCapacity: provinceCapacity,
            ngoCapacity: ngoCapacity, provinceMinimum: minimum, ngoMinimum: ngoMinimum, total: total)
        var chosen = [Bool](repeating: false, count: problem.candidates.count)
        for (offset, position) in open.enumerated() where solved.chosen[offset] { chosen[position] = true }
        return Relaxation(bound: solved.bound, chosen: chosen, leastShortfall: solved.leastShortfall)
    }

    /// Makes room for a must-meet pair by taking a slot from whatever is in the way.
    private static func forceIn(_ candidate: Int, grid: inout SlotGrid) -> Bool {
        guard let move = bestEjection(candidate, grid: &grid, protectMinimums: false, allowLoss: true) else {
            return false
        }
        apply(move, candidate: candidate, grid: &grid)
        return true
    }

    /// Slots refilled best, then single-meeting moves, while that gains more than a trace.
    private static func polish(_ grid: inout SlotGrid, order: [Int]) {
        // Each round costs about a pass over every pair: fewer rounds on large events.
        let rounds = max(2, min(10, 100_000 / max(1, grid.problem.candidates.count)))
        for _ in 0..<rounds {
            let before = grid.total
            guard SlotReoptimizer.pass(&grid) else { return }
            improve(&grid, order: order, passes: 1)
            if grid.total - before < 1e-5 * max(1, before) { return }
        }
    }

    /// Ejection passes until a pass gains nothing.
    private static func improve(_ grid: inout SlotGrid, order: [Int], passes: Int = 12) {
        for _ in 0..<passes {
            var gained = false
            for position in order where !grid.isPlaced(position) {
                if grid.insert(position) {
                    gained = true
                    continue
                }
                guard let move = bestEjection(position, grid: &grid, protectMinimums: true, allowLoss: false) else {
                    continue
                }
                let before = (shortfall: grid.shortfall, total: grid.total)
                let mark = grid.beginTrial()
                apply(move, candidate: position, grid: &grid)
                // Value never at the cost of a minimum.
                if grid.shortfall <= before.shortfall && grid.total > before.total + 1e-12 {
                    grid.commit(mark)
                    gained = true
                } else {
                    grid.rollBack(to: mark)
                }
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
            if protectMinimums && breaksMinimum(removed, for: candidate, grid: grid) { continue }
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

    /// Whether taking out these meetings would leave a party below its minimum, counting the
    /// candidate's own two parties as gaining one.
    private static func breaksMinimum(_ removed: [Int], for candidate: Int, grid: SlotGrid) -> Bool {
        let problem = grid.problem
        let pair = problem.candidates[candidate]
        var provinceLost: [Int: Int] = [pair.province: -1]
        var ngoLost: [Int: Int] = [pair.ngo: -1]
        for meeting in removed {
            provinceLost[problem.candidates[meeting].province, default: 0] += 1
            ngoLost[problem.candidates[meeting].ngo, default: 0] += 1
        }
        return provinceLost.contains { party, count in
            count > 0 && grid.provinceMeetings[party] - count < problem.provinces[party].minMeetings
        }
            || ngoLost.contains { party, count in
                count > 0 && grid.ngoMeetings[party] - count < problem.ngos[party].minMeetings
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
