import Foundation
import NGOMatchCore
import NGOMatchPlanner
import ScheduleOracle
import Testing

/// The checker the planner is judged by catches what it exists to catch: each test breaks one
/// thing in a valid schedule, as a faulty planner or exporter would, and expects it named.
struct ScheduleCheckerTests {
    /// Two slots, two tables; A wishes to meet X; B must meet Y; A–Y is avoided; B needs two meetings.
    static let event = Event(
        name: "yardstick", slots: 2, tables: 2, minScore: 0.2,
        provinces: [.init(id: "A", unavailable: [1]), .init(id: "B", minMeetings: 2)],
        ngos: [.init(id: "X"), .init(id: "Y")],
        scores: [
            .init(province: "A", ngo: "X", score: 0.5), .init(province: "A", ngo: "Y", score: 0.9),
            .init(province: "B", ngo: "X", score: 0.4), .init(province: "B", ngo: "X", score: 0.8),
            .init(province: "B", ngo: "Y", score: 0.1),
        ],
        mustMeet: [.init(province: "B", ngo: "Y")], avoid: [.init(province: "A", ngo: "Y")],
        requests: [.init(from: "A", to: "X", weight: 0.8)])

    /// Worked by hand from the README's rules: A–X scores 0.5 and, wished for by A at 0.8, is
    /// worth 0.5 × 1.2 = 0.6; B–X scores 0.4 (its first score); B–Y must meet at 0.1, below the
    /// minimum score. A is free only in slot 0, so A–X is in slot 0, B–X in slot 1.
    static let valid = OracleSchedule(
        meetings: [
            .init(province: "A", ngo: "X", slot: 0, table: 0, score: 0.5, value: 0.6),
            .init(province: "B", ngo: "Y", slot: 0, table: 1, score: 0.1, value: 0.1),
            .init(province: "B", ngo: "X", slot: 1, table: 0, score: 0.4, value: 0.4),
        ],
        totalScore: 1.0, totalValue: 1.1, upperBound: 1.1, minimumStatus: "met", shortfalls: [], totalShortfall: 0,
        conflicts: [])

    static func problems(_ change: (inout OracleSchedule) -> Void) throws -> [String] {
        var schedule = valid
        change(&schedule)
        return ScheduleChecker.problems(schedule, event: try OracleEvent(event))
    }

    @Test func theHandWorkedScheduleIsValidAndThePlannerFindsItsValue() throws {
        #expect(try Self.problems { _ in } == [])
        let plan = try Self.event.planned()
        #expect(ScheduleValidator.problems(plan, event: Self.event) == [])
        #expect(abs(plan.totalValue - 1.1) < 1e-9)
        let best = try #require(try Self.event.exhaustively())
        #expect(best.leastShortfall == 0 && abs(best.bestValue - 1.1) < 1e-9)
    }

    @Test func aScoreOffByOneIsCaught() throws {
        let found = try Self.problems {
            $0.meetings[0].score += 1
            $0.totalScore += 1
        }
        #expect(
            found == ["A–X is said to score 1.5, the event gives 0.5", "totalScore is 2.0, the meetings score 1.0"])
    }

    @Test func aValueThatIgnoresTheWishIsCaught() throws {
        let found = try Self.problems {
            $0.meetings[0].value = 0.5
            $0.totalValue = 1.0
        }
        #expect(found.contains("A–X is said to be worth 0.5, the event makes it 0.6"))
        #expect(found.contains("totalValue is 1.0, the meetings are worth 1.1"))
    }

    @Test func brokenRulesAreNamed() throws {
        #expect(try Self.problems { $0.meetings[0].slot = 1 }.contains("A meets in slot 1, where it is not free"))
        #expect(try Self.problems { $0.meetings[1].table = 0 }.contains("two meetings at table 0 in slot 0"))
        #expect(try Self.problems { $0.meetings[2].table = 2 }.contains("B–X at table 2 of 2"))
        let avoided = try Self.problems {
            $0.meetings[0] = .init(province: "A", ngo: "Y", slot: 0, table: 0, score: 0.9, value: 0.9)
        }
        #expect(avoided.contains("A–Y is to be avoided but meets"))
        let twice = try Self.problems {
            $0.meetings[2] = .init(province: "B", ngo: "Y", slot: 1, table: 0, score: 0.1, value: 0.1)
        }
        #expect(twice.contains("B–Y meets twice"))
    }

    /// A dropped meeting leaves B short and the must-meet missing; saying nothing of it is caught,
    /// and so is a plan that says it but gets the count wrong.
    @Test func aDroppedMeetingMustBeOwnedUpTo() throws {
        let silent = try Self.problems {
            $0.meetings.remove(at: 1)
            $0.totalScore = 0.9
            $0.totalValue = 1.0
        }
        #expect(silent.contains("must-meet B–Y does not meet, though nothing in the event rules it out"))
        #expect(silent.contains { $0.hasPrefix("B has 1 of at least 2") })
        #expect(silent.contains("totalShortfall is 0, the schedule misses 1"))
        #expect(silent.contains("minimums are said to be 'met' with 1 meetings missing"))
        let miscounted = try Self.problems {
            $0.meetings.remove(at: 2)
            $0.totalScore = 0.6
            $0.totalValue = 0.7
            $0.minimumStatus = "proven"
            $0.shortfalls = [.init(side: "provinces", party: "B", wanted: 2, got: 0)]
            $0.totalShortfall = 2
        }
        #expect(miscounted.contains { $0.hasPrefix("B has 1 of at least 2, said") })
        #expect(miscounted.contains("totalShortfall is 2, the schedule misses 1"))
    }

    @Test func aBoundBelowTheScheduleIsCaught() throws {
        #expect(try Self.problems { $0.upperBound = 1.0 } == ["upperBound 1.0 is below this schedule's own value 1.1"])
    }
}
