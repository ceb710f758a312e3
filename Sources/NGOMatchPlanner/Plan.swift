import NGOMatchCore

/// A finished schedule: who meets whom, when and where, how good it is, and
/// what could not be done.
package struct Plan: Sendable {
    package struct Meeting: Hashable, Sendable {
        package let slot: Int
        package let table: Int
        package let candidate: Int
        package let province: Int
        package let ngo: Int
        package let score: Double
        package let value: Double
    }

    /// A valuable pair that did not get a meeting, and why.
    package struct Waiting: Hashable, Sendable {
        package let candidate: Int
        package let reason: String
    }

    package let problem: PlanningProblem
    /// By slot, then table.
    package let meetings: [Meeting]
    package let totalScore: Double
    /// The objective: scores raised by wishes. Equal to `totalScore` without wishes.
    package let totalValue: Double
    /// No schedule of those `boundCovers` names has a greater total value.
    package let upperBound: Double
    package let boundCovers: BoundCover

    /// The schedules the upper bound is over: minimums come before value, so the bound that
    /// judges a plan is over the schedules as good as it on minimums.
    package enum BoundCover: String, Sendable {
        /// Those meeting every minimum (the plan meets them all).
        case meetingEveryMinimum
        /// Those missing no more minimum meetings than the plan, which is proven to miss the fewest.
        case leastShortfall
        /// Every valid schedule, whatever it misses.
        case every
    }
    package let conflicts: [PlanConflict]
    /// Whether every minimum is met, and if not, whether that is proven or merely not found.
    package let minimums: MinimumOutcome
    package let waitlist: [Waiting]
    package let replan: ReplanReport?
    /// Candidates whose meeting was confirmed in the plan being replanned.
    package let confirmed: Set<Int>

    /// The share of the upper bound reached, 0–1.
    package var quality: Double { upperBound > 0 ? min(1, totalValue / upperBound) : 1 }

    static let waitlistLength = 20

    init(
        problem: PlanningProblem, grid: SlotGrid, upperBound: Double, boundCovers: BoundCover,
        conflicts: [PlanConflict], minimums: MinimumOutcome, replan: ReplanReport?
    ) {
        self.boundCovers = boundCovers
        self.minimums = minimums
        self.problem = problem
        var moved: [(entry: Int, table: Int)] = []
        var meetings: [Meeting] = []
        for slot in 0..<grid.slots {
            // By province, so that tables are handed out in the same order every time.
            let here = grid.members[slot].map(Int.init).sorted {
                problem.candidates[$0].province < problem.candidates[$1].province
            }
            var taken = Set<Int>()
            var table: [Int: Int] = [:]
            for candidate in here where grid.pinned[candidate] {
                if let wanted = grid.preferredTable[candidate], wanted >= 0, wanted < grid.tables,
                    taken.insert(wanted).inserted
                {
                    table[candidate] = wanted
                }
            }
            var next = 0
            for candidate in here where table[candidate] == nil {
                while taken.contains(next) { next += 1 }
                table[candidate] = next
                taken.insert(next)
                if let entry = grid.keptEntry[candidate], grid.preferredTable[candidate] != nil {
                    moved.append((entry, next))
                }
            }
            for candidate in here {
                let pair = problem.candidates[candidate]
                meetings.append(
                    Meeting(
                        slot: slot, table: table[candidate]!, candidate: candidate, province: pair.province,
                        ngo: pair.ngo, score: pair.score, value: pair.value))
            }
        }
        self.meetings = meetings.sorted { ($0.slot, $0.table) < ($1.slot, $1.table) }
        totalScore = meetings.reduce(0) { $0 + $1.score }
        totalValue = meetings.reduce(0) { $0 + $1.value }
        self.upperBound = upperBound
        self.conflicts = conflicts
        var report = replan
        if var changed = report, !moved.isEmpty {
            changed.tableChanged = moved.map { .init(meeting: changed.kept[$0.entry], table: $0.table) }
            let entries = Set(moved.map(\.entry))
            changed.kept = changed.kept.enumerated().filter { !entries.contains($0.offset) }.map(\.element)
            report = changed
        }
        self.replan = report
        confirmed = Set(grid.keptEntry.keys)
        waitlist = problem.candidates.indices.lazy.filter { !grid.isPlaced($0) }.prefix(Self.waitlistLength).map {
            candidate in
            let pair = problem.candidates[candidate]
            let province = problem.provinces[pair.province]
            let ngo = problem.ngos[pair.ngo]
            let reason: String
            if grid.provinceMeetings[pair.province] >= province.maxMeetings {
                reason = "\(province.name) already has its \(province.maxMeetings) meetings"
            } else if grid.ngoMeetings[pair.ngo] >= ngo.maxMeetings {
                reason = "\(ngo.name) already has its \(ngo.maxMeetings) meetings"
            } else {
                reason = "no slot where both are free and a table is left"
            }
            return Waiting(candidate: candidate, reason: reason)
        }
    }
}
