import Foundation
import NGOMatchCore
import NGOMatchPlanner
import ScheduleOracle

/// Holds the core's plans to the independent checker: the event is handed over field by field
/// as its file would say it, and the plan as a door would print it (ids, slots, tables, claims).
enum ScheduleValidator {
    static func problems(_ plan: Plan, event: Event) -> [String] {
        do {
            return ScheduleChecker.problems(OracleSchedule(plan, event: event), event: try OracleEvent(event))
        } catch {
            return ["the event could not be read: \(error)"]
        }
    }
}

extension OracleEvent {
    /// The event as its JSON file would carry it.
    init(_ event: Event) throws {
        func number(_ value: Int) -> NSNumber { NSNumber(value: value) }
        func party(_ participant: Event.Participant) -> [String: Any] {
            var object: [String: Any] = [
                "id": participant.id, "minMeetings": number(participant.minMeetings),
                "unavailable": participant.unavailable.map(number),
            ]
            if let most = participant.maxMeetings { object["maxMeetings"] = number(most) }
            return object
        }
        func pair(_ pair: Event.Pair) -> [String: Any] { ["province": pair.province, "ngo": pair.ngo] }
        var json: [String: Any] = [
            "slots": number(event.slots), "breaks": event.breaks.map(number),
            "minScore": NSNumber(value: event.minScore), "provinces": event.provinces.map(party),
            "ngos": event.ngos.map(party), "mustMeet": event.mustMeet.map(pair), "avoid": event.avoid.map(pair),
            "requests": event.requests.map {
                ["from": $0.from, "to": $0.to, "weight": NSNumber(value: $0.weight)] as [String: Any]
            },
        ]
        if let tables = event.tables { json["tables"] = number(tables) }
        if let scores = event.scores {
            json["scores"] = scores.map {
                ["province": $0.province, "ngo": $0.ngo, "score": NSNumber(value: $0.score)] as [String: Any]
            }
        }
        try self.init(json: json)
    }
}

extension OracleSchedule {
    /// The plan as a door prints it: each meeting by the event's own ids, in the event's order.
    init(_ plan: Plan, event: Event) {
        self.init(
            meetings: plan.meetings.map {
                Meeting(
                    province: event.provinces[$0.province].id, ngo: event.ngos[$0.ngo].id, slot: $0.slot,
                    table: $0.table, score: $0.score, value: $0.value)
            },
            totalScore: plan.totalScore, totalValue: plan.totalValue, upperBound: plan.upperBound,
            minimumStatus: plan.minimums.status.rawValue,
            shortfalls: plan.minimums.shortfalls.map {
                Shortfall(side: $0.side.rawValue, party: $0.party, wanted: $0.wanted, got: $0.got)
            },
            totalShortfall: plan.minimums.total, conflicts: plan.conflicts.map(\.description))
    }
}

extension Event {
    func planned(keep: [KeptMeeting] = []) throws -> Plan {
        let resolved = try ResolvedEvent.asWritten(self)
        return Planner.plan(PlanningProblem(resolved, scores: resolved.givenScores ?? []), keep: keep)
    }

    /// The event's best schedules by exhaustive search over the event itself.
    func exhaustively() throws -> ExhaustiveSchedules? { ExhaustiveSchedules(try OracleEvent(self)) }
}
