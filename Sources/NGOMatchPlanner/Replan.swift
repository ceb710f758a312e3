import NGOMatchCore

/// A meeting confirmed in an earlier plan, to be kept when replanning.
package struct KeptMeeting: Hashable, Sendable {
    package let province: String
    package let ngo: String
    package let slot: Int
    package let table: Int?

    package init(province: String, ngo: String, slot: Int, table: Int?) {
        self.province = province
        self.ngo = ngo
        self.slot = slot
        self.table = table
    }
}

/// What a replan did to the confirmed meetings.
package struct ReplanReport: Hashable, Sendable {
    package struct Dropped: Hashable, Sendable {
        package let meeting: KeptMeeting
        package let reason: String
    }

    /// A confirmed meeting kept in its slot but at another table.
    package struct Moved: Hashable, Sendable {
        package let meeting: KeptMeeting
        package let table: Int
    }

    /// Confirmed meetings kept in their slot (and table, unless `tableChanged`).
    package var kept: [KeptMeeting] = []
    package var tableChanged: [Moved] = []
    package var dropped: [Dropped] = []
}

extension Planner {
    /// Pins every confirmed meeting that is still valid, in the order given; says why of each one that is not.
    static func pin(_ keep: [KeptMeeting], in grid: inout SlotGrid, candidateOf: [PairKey: Int]) -> ReplanReport {
        let problem = grid.problem
        let provinceAt = positions(problem.provinces)
        let ngoAt = positions(problem.ngos)
        var report = ReplanReport()
        for meeting in keep {
            func drop(_ reason: String) { report.dropped.append(.init(meeting: meeting, reason: reason)) }
            guard let province = provinceAt[meeting.province] ?? provinceAt[NameKey.fold(meeting.province)] else {
                drop("\(meeting.province) is no longer in the event")
                continue
            }
            guard let ngo = ngoAt[meeting.ngo] ?? ngoAt[NameKey.fold(meeting.ngo)] else {
                drop("\(meeting.ngo) is no longer in the event")
                continue
            }
            let provinceName = problem.provinces[province].name
            let ngoName = problem.ngos[ngo].name
            guard meeting.slot >= 0 && meeting.slot < problem.slotCount else {
                drop("slot \(meeting.slot) no longer exists (the event has \(problem.slotCount) slots)")
                continue
            }
            let bit = UInt64(1) << UInt64(meeting.slot)
            guard problem.provinces[province].available & bit != 0 else {
                drop("\(provinceName) is not available in slot \(meeting.slot)")
                continue
            }
            guard problem.ngos[ngo].available & bit != 0 else {
                drop("\(ngoName) is not available in slot \(meeting.slot)")
                continue
            }
            guard let candidate = candidateOf[PairKey(province, ngo)] else {
                drop("the pair may no longer meet (avoided, not scored, or below minScore)")
                continue
            }
            if grid.isPlaced(candidate) {
                drop("it is listed twice")
                continue
            }
            if grid.provinceMeeting(province, meeting.slot) >= 0 {
                drop("\(provinceName) already has a confirmed meeting in slot \(meeting.slot)")
                continue
            }
            if grid.ngoMeeting(ngo, meeting.slot) >= 0 {
                drop("\(ngoName) already has a confirmed meeting in slot \(meeting.slot)")
                continue
            }
            guard grid.hasRoom(candidate) else {
                drop("it would exceed the meetings \(provinceName) or \(ngoName) may have")
                continue
            }
            guard grid.load[meeting.slot] < grid.tables else {
                drop("slot \(meeting.slot) has no table left")
                continue
            }
            grid.place(candidate, meeting.slot)
            grid.pinned[candidate] = true
            grid.preferredTable[candidate] = meeting.table
            grid.keptEntry[candidate] = report.kept.count
            report.kept.append(meeting)
        }
        return report
    }

    private static func positions(_ parties: [PlanningProblem.Party]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, party) in parties.enumerated().reversed() {
            positions[NameKey.fold(party.name)] = position
            positions[NameKey.fold(party.id)] = position
        }
        for (position, party) in parties.enumerated().reversed() { positions[party.id] = position }
        return positions
    }
}
