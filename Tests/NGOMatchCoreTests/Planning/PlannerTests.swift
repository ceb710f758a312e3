import Foundation
import NGOMatchCore
import NGOMatchPlanner
import ScheduleOracle
import Testing

struct PlannerTests {
    /// Greedy by score would seat A with X (0.9) and leave B with Y (0.1); the best is A–Y and B–X.
    @Test func findsTheBestPairingWhereGreedyFails() throws {
        let event = Event(
            name: "one slot", slots: 1, provinces: [.init(id: "A"), .init(id: "B")],
            ngos: [.init(id: "X"), .init(id: "Y")],
            scores: [
                .init(province: "A", ngo: "X", score: 0.9), .init(province: "A", ngo: "Y", score: 0.8),
                .init(province: "B", ngo: "X", score: 0.85), .init(province: "B", ngo: "Y", score: 0.1),
            ])
        let plan = try event.planned()
        #expect(ScheduleValidator.problems(plan, event: event).isEmpty)
        #expect(abs(plan.totalScore - 1.65) < 1e-9)
        #expect(abs(plan.upperBound - 1.65) < 1e-9)
        let pairs = Set(
            plan.meetings.map { "\(plan.problem.provinces[$0.province].id)\(plan.problem.ngos[$0.ngo].id)" })
        #expect(pairs == ["AY", "BX"])
    }

    /// Two slots, one table: four good pairs cannot all meet; the two best do, one per slot.
    @Test func respectsScarceTables() throws {
        let event = Event(
            name: "one table", slots: 2, tables: 1, provinces: [.init(id: "A"), .init(id: "B")],
            ngos: [.init(id: "X"), .init(id: "Y")],
            scores: [
                .init(province: "A", ngo: "X", score: 0.9), .init(province: "A", ngo: "Y", score: 0.8),
                .init(province: "B", ngo: "X", score: 0.7), .init(province: "B", ngo: "Y", score: 0.6),
            ])
        let plan = try event.planned()
        #expect(ScheduleValidator.problems(plan, event: event).isEmpty)
        #expect(plan.meetings.count == 2)
        #expect(abs(plan.totalScore - 1.7) < 1e-9)
        #expect(plan.meetings.allSatisfy { $0.table == 0 })
    }

    @Test func mustMeetAndAvoidAreHonoured() throws {
        let event = Event(
            name: "rules", slots: 2, provinces: [.init(id: "A"), .init(id: "B")],
            ngos: [.init(id: "X"), .init(id: "Y")],
            scores: [
                .init(province: "A", ngo: "X", score: 0.9), .init(province: "A", ngo: "Y", score: 0.2),
                .init(province: "B", ngo: "X", score: 0.8),
            ],
            mustMeet: [.init(province: "B", ngo: "Y")], avoid: [.init(province: "A", ngo: "X")])
        let plan = try event.planned()
        #expect(ScheduleValidator.problems(plan, event: event).isEmpty)
        let pairs = Set(
            plan.meetings.map { "\(plan.problem.provinces[$0.province].id)\(plan.problem.ngos[$0.ngo].id)" })
        #expect(pairs == ["AY", "BX", "BY"])
        #expect(plan.conflicts.isEmpty)
    }

    @Test func saysWhichMinimumCannotBeMetAndWhy() throws {
        let event = Event(
            name: "short", slots: 4, provinces: [.init(id: "Cao Bằng", minMeetings: 4), .init(id: "Đồng Nai")],
            ngos: [.init(id: "X"), .init(id: "Y"), .init(id: "Z")],
            scores: ["X", "Y", "Z"].map { .init(province: "Cao Bằng", ngo: $0, score: 0.5) },
            mustMeet: [.init(province: "Đồng Nai", ngo: "X")])
        let plan = try event.planned()
        #expect(ScheduleValidator.problems(plan, event: event).isEmpty)
        let messages = plan.conflicts.map(\.description)
        #expect(messages.contains("Cao Bằng wants 4 meetings but only 3 NGOs are available in its free slots"))
        // Still the best schedule keeping everything else: all three NGOs meet Cao Bằng, and Đồng Nai meets X.
        #expect(plan.meetings.count == 4)
    }

    @Test func mustMeetWithNoCommonSlotIsReported() throws {
        let event = Event(
            name: "apart", slots: 2, provinces: [.init(id: "A", unavailable: [0])],
            ngos: [.init(id: "X", unavailable: [1])], scores: [.init(province: "A", ngo: "X", score: 0.5)],
            mustMeet: [.init(province: "A", ngo: "X")])
        let plan = try event.planned()
        #expect(plan.meetings.isEmpty)
        #expect(plan.conflicts.map(\.description) == ["A and X must meet, but they are never free in the same slot"])
    }

    @Test func mutualWishesWeighMoreThanOneSided() throws {
        let event = Event(
            name: "wishes", slots: 1, provinces: [.init(id: "A")], ngos: [.init(id: "X"), .init(id: "Y")],
            scores: [.init(province: "A", ngo: "X", score: 0.6), .init(province: "A", ngo: "Y", score: 0.5)],
            requests: [.init(from: "A", to: "Y"), .init(from: "Y", to: "A")])
        let plan = try event.planned()
        #expect(plan.meetings.count == 1)
        #expect(plan.problem.ngos[plan.meetings[0].ngo].id == "Y")
        #expect(abs(plan.totalValue - 1.0) < 1e-9)  // 0.5 doubled by a mutual wish of weight 1
        #expect(abs(plan.totalScore - 0.5) < 1e-9)
        #expect(Wishes([.init(province: 0, ngo: 0, fromProvince: true, weight: 1)]).factor(province: 0, ngo: 0) == 1.25)
    }

    /// Tiny events of every kind, solved exhaustively: the plan is valid, the bound is
    /// never below the optimum, and the plan reaches the optimum on every one.
    @Test func matchesExhaustiveSearchOnTinyEvents() throws {
        var reached = 0
        var total = 0
        for seed in UInt64(1)...60 {
            let event = EventGenerator(provinces: 3, ngos: 4, slots: 3, seed: seed).event()
            let plan = try event.planned()
            #expect(ScheduleValidator.problems(plan, event: event) == [], "seed \(seed)")
            guard let best = try event.exhaustively(), best.leastShortfall == 0 else {
                continue
            }
            let optimum = best.bestValue
            total += 1
            #expect(plan.upperBound >= optimum - 1e-9, "seed \(seed): bound below the optimum")
            #expect(plan.totalValue <= optimum + 1e-9, "seed \(seed)")
            #expect(plan.totalValue >= 0.95 * optimum, "seed \(seed)")
            if plan.totalValue >= optimum - 1e-9 { reached += 1 }
        }
        #expect(total >= 30)
        #expect(reached == total, "optimum reached on \(reached) of \(total)")
    }

    /// Generated events of many shapes, tight and loose, feasible or not: every plan is valid.
    @Test(arguments: [(8, 15, 4), (20, 40, 6), (34, 60, 8), (10, 10, 12), (40, 12, 5)])
    func everyPlanIsValid(shape: (provinces: Int, ngos: Int, slots: Int)) throws {
        for seed in UInt64(1)...8 {
            var event = EventGenerator(provinces: shape.provinces, ngos: shape.ngos, slots: shape.slots, seed: seed)
                .event()
            if seed % 2 == 0 {
                // Scarcer tables and higher minimums, to force conflicts.
                event.tables = max(1, (event.tables ?? 1) / 3)
                for index in event.provinces.indices where index % 3 == 0 {
                    event.provinces[index].minMeetings = min(shape.slots, 3)
                    event.provinces[index].maxMeetings = nil
                }
            }
            let plan = try event.planned()
            #expect(ScheduleValidator.problems(plan, event: event) == [], "\(shape) seed \(seed)")
            // The slot-free bound is loose when slots are few; this only catches a planner gone badly wrong.
            if seed % 2 == 1 { #expect(plan.quality > 0.88, "\(shape) seed \(seed): \(plan.quality)") }
        }
    }

    @Test func sameEventSamePlan() throws {
        let event = EventGenerator(provinces: 20, ngos: 40, slots: 6, seed: 9).event()
        let first = try event.planned()
        let second = try event.planned()
        #expect(first.meetings == second.meetings)
    }
}
