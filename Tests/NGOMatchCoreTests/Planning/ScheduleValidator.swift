import NGOMatchCore

/// Checks a plan against the event's rules, read from the event itself rather than
/// from the planner's compiled form, so that a mistake in compiling cannot hide one in planning.
enum ScheduleValidator {
    /// Every rule a plan breaks, in words; empty when it is valid.
    static func problems(_ plan: Plan, event: Event) -> [String] {
        var problems: [String] = []
        let problem = plan.problem
        let provinceIDs = problem.provinces.map(\.id)
        let ngoIDs = problem.ngos.map(\.id)
        var scores: [String: Double] = [:]
        for score in event.scores ?? [] where score.score > 0 && score.score >= event.minScore {
            scores["\(score.province)|\(score.ngo)"] = scores["\(score.province)|\(score.ngo)"] ?? score.score
        }
        let avoided = Set(event.avoid.map { "\($0.province)|\($0.ngo)" })
        let must = Set(event.mustMeet.map { "\($0.province)|\($0.ngo)" })
        var met = Set<String>()
        var busy = Set<String>()
        var tablesUsed = Set<String>()
        var perSlot = [Int](repeating: 0, count: event.slots)
        var provinceCount = [String: Int]()
        var ngoCount = [String: Int]()
        var total = 0.0
        for meeting in plan.meetings {
            let province = provinceIDs[meeting.province]
            let ngo = ngoIDs[meeting.ngo]
            let pair = "\(province)|\(ngo)"
            if !met.insert(pair).inserted { problems.append("\(pair) meets twice") }
            if !(0..<event.slots).contains(meeting.slot) { problems.append("\(pair) in slot \(meeting.slot)") }
            if !busy.insert("p|\(province)|\(meeting.slot)").inserted {
                problems.append("\(province) double-booked in slot \(meeting.slot)")
            }
            if !busy.insert("n|\(ngo)|\(meeting.slot)").inserted {
                problems.append("\(ngo) double-booked in slot \(meeting.slot)")
            }
            if event.provinces[meeting.province].unavailable.contains(meeting.slot) {
                problems.append("\(province) meets in unavailable slot \(meeting.slot)")
            }
            if event.ngos[meeting.ngo].unavailable.contains(meeting.slot) {
                problems.append("\(ngo) meets in unavailable slot \(meeting.slot)")
            }
            if let tables = event.tables, !(0..<tables).contains(meeting.table) {
                problems.append("\(pair) at table \(meeting.table) of \(tables)")
            }
            if !tablesUsed.insert("\(meeting.slot)|\(meeting.table)").inserted {
                problems.append("two meetings at table \(meeting.table) in slot \(meeting.slot)")
            }
            perSlot[meeting.slot] += 1
            provinceCount[province, default: 0] += 1
            ngoCount[ngo, default: 0] += 1
            if avoided.contains(pair) { problems.append("\(pair) is avoided but meets") }
            if event.scores != nil && scores[pair] == nil && !must.contains(pair) {
                problems.append("\(pair) is not a scored pair")
            }
            total += meeting.score
        }
        if let tables = event.tables {
            for (slot, count) in perSlot.enumerated() where count > tables {
                problems.append("slot \(slot) has \(count) meetings for \(tables) tables")
            }
        }
        for (position, participant) in event.provinces.enumerated() {
            let count = provinceCount[provinceIDs[position]] ?? 0
            if count > participant.maxMeetings ?? event.slots { problems.append("\(participant.id) has \(count)") }
            let reported = plan.conflicts.contains { "\($0)".contains(problem.provinces[position].name) }
            if count < participant.minMeetings && !reported {
                problems.append("\(participant.id) has \(count) of at least \(participant.minMeetings), unreported")
            }
        }
        for (position, participant) in event.ngos.enumerated() {
            let count = ngoCount[ngoIDs[position]] ?? 0
            if count > participant.maxMeetings ?? event.slots { problems.append("\(participant.id) has \(count)") }
        }
        for pair in must where !met.contains(pair) && !avoided.contains(pair) {
            let names = pair.split(separator: "|").map(String.init)
            let reported = plan.conflicts.contains { "\($0)".contains(names[0]) || "\($0)".contains(names[1]) }
            if !reported { problems.append("must-meet \(pair) missing, unreported") }
        }
        if abs(total - plan.totalScore) > 1e-6 { problems.append("totalScore \(plan.totalScore) ≠ \(total)") }
        if plan.totalValue > plan.upperBound + 1e-6 {
            problems.append("value \(plan.totalValue) above the bound \(plan.upperBound)")
        }
        return problems
    }
}

extension Event {
    func planned(keep: [KeptMeeting] = []) throws -> Plan {
        let resolved = try ResolvedEvent.asWritten(self)
        return Planner.plan(PlanningProblem(resolved, scores: resolved.givenScores ?? []), keep: keep)
    }
}
