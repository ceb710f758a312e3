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
        // Minimums: a party below its own is listed as short with its true count, and the plan
        // does not claim every minimum met; a party at or above it is not listed.
        let short = Dictionary(
            plan.minimums.shortfalls.map { ("\($0.side)|\($0.party)", $0) }, uniquingKeysWith: { first, _ in first })
        func checkMinimum(_ participant: Event.Participant, id: String, count: Int, side: String) {
            if count > participant.maxMeetings ?? event.slots { problems.append("\(id) has \(count)") }
            let listed = short["\(side)|\(id)"]
            if count < participant.minMeetings {
                if listed?.got != count || listed?.wanted != participant.minMeetings {
                    problems.append("\(id) has \(count) of at least \(participant.minMeetings), not reported as such")
                }
                if plan.minimums.status == .met {
                    problems.append("\(id) is short but the plan says every minimum is met")
                }
            } else if listed != nil {
                problems.append("\(id) is listed as short with \(count) of \(participant.minMeetings)")
            }
        }
        for (position, participant) in event.provinces.enumerated() {
            checkMinimum(
                participant, id: provinceIDs[position], count: provinceCount[provinceIDs[position]] ?? 0,
                side: "provinces")
        }
        for (position, participant) in event.ngos.enumerated() {
            checkMinimum(participant, id: ngoIDs[position], count: ngoCount[ngoIDs[position]] ?? 0, side: "ngos")
        }
        // Every short party is named in a conflict, proven or not found.
        for shortfall in plan.minimums.shortfalls
        where !plan.conflicts.contains(where: { "\($0)".contains(shortfall.name) }) {
            problems.append("\(shortfall.party) is short but no conflict names it")
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
