import Foundation

/// Every rule a schedule breaks and every claim about it that is false, recomputed from the
/// event's meaning (`OracleEvent`), never from the planner's own figures.
public enum ScheduleChecker {
    static let tolerance = 1e-6

    /// Empty when the schedule keeps every rule and says only true things about itself.
    public static func problems(_ schedule: OracleSchedule, event: OracleEvent) -> [String] {
        var problems: [String] = []
        var met = Set<OracleEvent.Pair>()
        var seats = Set<[Int]>()
        var busy = Set<String>()
        var perSlot: [Int: Int] = [:]
        var provinceCount: [String: Int] = [:]
        var ngoCount: [String: Int] = [:]
        var score = 0.0
        var value = 0.0
        for meeting in schedule.meetings {
            let pair = OracleEvent.Pair(meeting.province, meeting.ngo)
            guard let province = event.province(meeting.province), let ngo = event.ngo(meeting.ngo) else {
                problems.append("\(pair): not a participant of the event")
                continue
            }
            if !met.insert(pair).inserted { problems.append("\(pair) meets twice") }
            if event.avoid.contains(pair) { problems.append("\(pair) is to be avoided but meets") }
            if let allowed = event.eligible[pair] {
                if abs(allowed - meeting.score) > tolerance {
                    problems.append("\(pair) is said to score \(meeting.score), the event gives \(allowed)")
                }
                if abs(event.value(pair) - meeting.value) > tolerance {
                    problems.append(
                        "\(pair) is said to be worth \(meeting.value), the event makes it \(event.value(pair))")
                }
            } else if !event.avoid.contains(pair) {
                problems.append("\(pair) may not meet (not scored above zero and the minimum score, not a must-meet)")
            }
            if !province.free.contains(meeting.slot) {
                problems.append("\(province.id) meets in slot \(meeting.slot), where it is not free")
            }
            if !ngo.free.contains(meeting.slot) {
                problems.append("\(ngo.id) meets in slot \(meeting.slot), where it is not free")
            }
            if !busy.insert("p \(province.id) \(meeting.slot)").inserted {
                problems.append("\(province.id) has two meetings in slot \(meeting.slot)")
            }
            if !busy.insert("n \(ngo.id) \(meeting.slot)").inserted {
                problems.append("\(ngo.id) has two meetings in slot \(meeting.slot)")
            }
            if !seats.insert([meeting.slot, meeting.table]).inserted {
                problems.append("two meetings at table \(meeting.table) in slot \(meeting.slot)")
            }
            if meeting.table < 0 || (event.tables.map { meeting.table >= $0 } ?? false) {
                problems.append("\(pair) at table \(meeting.table) of \(event.tables.map(String.init) ?? "unlimited")")
            }
            perSlot[meeting.slot, default: 0] += 1
            provinceCount[province.id, default: 0] += 1
            ngoCount[ngo.id, default: 0] += 1
            score += event.eligible[pair] ?? 0
            value += event.value(pair)
        }
        if let tables = event.tables {
            for (slot, count) in perSlot where count > tables {
                problems.append("slot \(slot) holds \(count) meetings for \(tables) tables")
            }
        }
        if abs(score - schedule.totalScore) > tolerance {
            problems.append("totalScore is \(schedule.totalScore), the meetings score \(score)")
        }
        if abs(value - schedule.totalValue) > tolerance {
            problems.append("totalValue is \(schedule.totalValue), the meetings are worth \(value)")
        }
        if schedule.upperBound < value - tolerance {
            problems.append("upperBound \(schedule.upperBound) is below this schedule's own value \(value)")
        }
        problems += minimumProblems(schedule, event: event, provinceCount: provinceCount, ngoCount: ngoCount)
        for pair in event.mustMeet.sorted(by: { "\($0)" < "\($1)" })
        where !met.contains(pair) && mustMeetExcuse(pair, event: event) == nil {
            problems.append("must-meet \(pair) does not meet, though nothing in the event rules it out")
        }
        return problems
    }

    private static func minimumProblems(
        _ schedule: OracleSchedule, event: OracleEvent, provinceCount: [String: Int], ngoCount: [String: Int]
    ) -> [String] {
        var problems: [String] = []
        var listed: [String: OracleSchedule.Shortfall] = [:]
        for shortfall in schedule.shortfalls {
            if listed.updateValue(shortfall, forKey: "\(shortfall.side) \(shortfall.party)") != nil {
                problems.append("\(shortfall.party) is listed short twice")
            }
        }
        var missing = 0
        func check(_ party: OracleEvent.Party, side: String, count: Int) {
            if count > party.maxMeetings {
                problems.append("\(party.id) has \(count) meetings, at most \(party.maxMeetings)")
            }
            let entry = listed.removeValue(forKey: "\(side) \(party.id)")
            if count < party.minMeetings {
                missing += party.minMeetings - count
                if entry?.got != count || entry?.wanted != party.minMeetings {
                    problems.append(
                        "\(party.id) has \(count) of at least \(party.minMeetings), said \(String(describing: entry))")
                }
            } else if entry != nil {
                problems.append("\(party.id) is said to be short with \(count) of at least \(party.minMeetings)")
            }
        }
        for province in event.provinces { check(province, side: "provinces", count: provinceCount[province.id] ?? 0) }
        for ngo in event.ngos { check(ngo, side: "ngos", count: ngoCount[ngo.id] ?? 0) }
        for stray in listed.values {
            problems.append("\(stray.party) is listed short but is not a \(stray.side) party")
        }
        if missing != schedule.totalShortfall {
            problems.append("totalShortfall is \(schedule.totalShortfall), the schedule misses \(missing)")
        }
        if (missing == 0) != (schedule.minimumStatus == "met") {
            problems.append("minimums are said to be '\(schedule.minimumStatus)' with \(missing) meetings missing")
        }
        return problems
    }

    /// Why the event itself rules a must-meet out, when it plainly does: the pair is also to be
    /// avoided, the two share no free slot, or one of them has more must-meets than meetings.
    public static func mustMeetExcuse(_ pair: OracleEvent.Pair, event: OracleEvent) -> String? {
        guard let province = event.province(pair.province), let ngo = event.ngo(pair.ngo) else {
            return "not a participant"
        }
        if event.avoid.contains(pair) { return "avoided" }
        if province.free.isDisjoint(with: ngo.free) { return "no common free slot" }
        let provinceMusts = event.mustMeet.filter { $0.province == province.id && !event.avoid.contains($0) }.count
        let ngoMusts = event.mustMeet.filter { $0.ngo == ngo.id && !event.avoid.contains($0) }.count
        if provinceMusts > min(province.maxMeetings, province.free.count) { return "\(province.id) has too many" }
        if ngoMusts > min(ngo.maxMeetings, ngo.free.count) { return "\(ngo.id) has too many" }
        return nil
    }
}
