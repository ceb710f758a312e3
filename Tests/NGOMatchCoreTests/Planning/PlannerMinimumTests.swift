import Foundation
import NGOMatchCore
import NGOMatchPlanner
import ScheduleOracle
import Testing

/// Minimums come before value, and "impossible" is said only with a proof (issue 11).
struct PlannerMinimumTests {
    /// A schedule meeting every minimum was planted in each event: the plan must meet them all.
    @Test(arguments: [(12, 20, 5, 8), (20, 40, 6, 6), (34, 60, 8, 3), (60, 150, 10, 2)])
    func everyMinimumIsMetWhenAPlantedScheduleShowsItCanBe(
        shape: (provinces: Int, ngos: Int, slots: Int, seeds: UInt64)
    ) throws {
        for seed in UInt64(1)...shape.seeds {
            let event = PlantedEventGenerator(
                provinces: shape.provinces, ngos: shape.ngos, slots: shape.slots, seed: seed
            ).event()
            #expect(event.provinces.contains { $0.minMeetings > 0 }, "\(shape) seed \(seed) asks for no minimum")
            let plan = try event.planned()
            #expect(ScheduleValidator.problems(plan, event: event) == [], "\(shape) seed \(seed)")
            #expect(
                plan.minimums.status == .met,
                "\(shape) seed \(seed): \(plan.minimums.shortfalls.map { "\($0.party) \($0.got)/\($0.wanted)" })")
        }
    }

    /// Two provinces need four meetings from two NGOs free in one slot each: proven impossible,
    /// with a certificate naming them, and every other minimum still met.
    @Test(arguments: [(12, 20, 5), (34, 60, 8)])
    func anImpossibleMinimumIsProvenAndTheRestAreMet(shape: (provinces: Int, ngos: Int, slots: Int)) throws {
        for seed in UInt64(1)...2 {
            let event = PlantedEventGenerator(
                provinces: shape.provinces, ngos: shape.ngos, slots: shape.slots, seed: seed, impossible: true
            ).event()
            let plan = try event.planned()
            #expect(ScheduleValidator.problems(plan, event: event) == [], "\(shape) seed \(seed)")
            #expect(plan.minimums.status == .proven, "\(shape) seed \(seed)")
            let hall = Set(PlantedEventGenerator.unsatisfiable.provinces)
            #expect(plan.minimums.shortfalls.allSatisfy { hall.contains($0.party) }, "\(plan.minimums.shortfalls)")
            let certificate = try #require(plan.minimums.certificates.first)
            #expect(Set(certificate.parties) == hall)
            #expect(certificate.needed == 4 && certificate.possible == 2)
            #expect(Set(certificate.partners) == Set(PlantedEventGenerator.unsatisfiable.ngos))
            // What the certificate claims is true: the two NGOs are free in one slot each.
            for ngo in event.ngos where Set(certificate.partners).contains(ngo.id) {
                #expect(event.slots - ngo.unavailable.count == 1)
            }
            let report = PlanReport(plan, rules: nil, language: .vi)
            #expect(report.minimums.status == .proven)
            #expect(
                report.conflicts.contains { $0.kind == "minimumImpossible" && $0.message.contains("cần tổng cộng") })
        }
    }

    /// Tiny events solved exhaustively: where a schedule meets every minimum, the plan does too
    /// and reaches the best such value; where none does, the plan says "proven" and misses
    /// exactly as few meetings as the best schedule.
    @Test func tinyEventsAgreeWithExhaustiveSearch() throws {
        var feasible = 0
        var infeasible = 0
        var leastShortfallBounds = 0
        var events: [Event] = []
        for seed in UInt64(1)...60 {
            var event = EventGenerator(provinces: 3, ngos: 4, slots: 3, seed: seed).event()
            // Harder than the usual shape: higher minimums, a table fewer, NGO minimums too.
            if seed % 2 == 0 {
                event.tables = 1
                for index in event.provinces.indices {
                    event.provinces[index].minMeetings = min(2, seed % 3 == 0 ? 2 : 1)
                }
                event.ngos[0].minMeetings = 1
            }
            events.append(event)
        }
        for seed in UInt64(1)...20 {
            events.append(PlantedEventGenerator(provinces: 3, ngos: 4, slots: 3, seed: seed).event())
        }
        for (index, event) in events.enumerated() {
            let plan = try event.planned()
            #expect(ScheduleValidator.problems(plan, event: event) == [], "event \(index)")
            // The search, not the plan, says whether every must-meet can be seated.
            guard let best = try event.exhaustively() else {
                #expect(plan.conflicts.contains { $0.kind == "mustMeetNotPlaced" }, "event \(index)")
                continue
            }
            if best.leastShortfall == 0 {
                let optimum = best.bestValue
                feasible += 1
                #expect(plan.minimums.status == .met, "event \(index): \(plan.minimums.shortfalls)")
                // Solved outright (CBC), the plan is the optimum, not merely near it.
                #expect(abs(plan.totalValue - optimum) < 1e-9, "event \(index): \(plan.totalValue) of \(optimum)")
                #expect(plan.upperBound >= optimum - 1e-9, "event \(index): bound below the optimum")
            } else {
                infeasible += 1
                // Solved outright: the shortfall is proven, and it is the least any schedule has.
                #expect(plan.minimums.status == .proven, "event \(index)")
                let least = best.leastShortfall
                // Least shortfall first, then the most value among such schedules; the bound is
                // above every schedule it says it covers.
                #expect(plan.totalValue <= best.bestValue + 1e-9, "event \(index)")
                switch plan.boundCovers {
                case .leastShortfall:
                    leastShortfallBounds += 1
                    #expect(plan.upperBound >= best.bestValue - 1e-9, "event \(index): bound below a schedule")
                case .every:
                    #expect(plan.upperBound >= best.bestValueOfAll - 1e-9, "event \(index): bound below a schedule")
                case .meetingEveryMinimum:
                    Issue.record("event \(index): a plan short of its minimums bounds only the schedules meeting them")
                }
                #expect(
                    plan.minimums.total == least, "event \(index): \(plan.minimums.total) missing, \(least) possible")
                if let proven = plan.minimums.leastMissing {
                    #expect(proven == least, "event \(index)")
                    #expect(plan.conflicts.contains { $0.kind == "minimumProvenBySearch" })
                }
            }
        }
        #expect(feasible >= 30)
        #expect(infeasible >= 3)
        #expect(leastShortfallBounds >= 3, "the plans with the least shortfall are judged among their own")
    }

    /// Hard small events are solved outright: the plan is worth its upper bound, so nothing
    /// meeting every minimum is worth more (the bound is checked against exhaustive search above).
    @Test func smallPlantedEventsArePlannedOptimally() throws {
        for seed in UInt64(1)...4 {
            let event = PlantedEventGenerator(provinces: 34, ngos: 60, slots: 8, seed: seed).event()
            let plan = try event.planned()
            #expect(ScheduleValidator.problems(plan, event: event) == [], "seed \(seed)")
            #expect(plan.minimums.status == .met, "seed \(seed)")
            #expect(plan.totalValue >= plan.upperBound - 1e-6, "seed \(seed): \(plan.totalValue) of \(plan.upperBound)")
        }
    }

    /// One slot, one table: province A and NGO Y each need a meeting, with different partners.
    /// Each side alone could be served, so the certificates (one side at a time) find nothing;
    /// only the exact search proves that one of them must go without, and the plan says so.
    @Test func aShortfallOnlyTheExactSearchCanProveIsCalledProven() throws {
        let event = Event(
            name: "one table", slots: 1, tables: 1,
            provinces: [.init(id: "A", minMeetings: 1), .init(id: "B")],
            ngos: [.init(id: "X"), .init(id: "Y", minMeetings: 1)],
            scores: [.init(province: "A", ngo: "X", score: 0.9), .init(province: "B", ngo: "Y", score: 0.4)])
        let plan = try event.planned()
        #expect(ScheduleValidator.problems(plan, event: event) == [])
        #expect(plan.minimums.certificates.isEmpty)
        #expect(plan.minimums.status == .proven)
        #expect(plan.minimums.leastMissing == 1)
        // Either may go without; the plan keeps the more valuable meeting.
        #expect(plan.minimums.shortfalls.map(\.party) == ["Y"])
        let english = PlanReport(plan, rules: nil, language: .en)
        #expect(english.minimums.leastMissing == 1)
        #expect(english.minimums.message.contains("exact search"))
        #expect(english.conflicts.contains { $0.kind == "minimumProvenBySearch" && $0.message.hasPrefix("Y wants") })
        let vietnamese = PlanReport(plan, rules: nil, language: .vi)
        #expect(vietnamese.minimums.message.contains("tìm kiếm chính xác"))
    }

    /// NGOs' minimums are kept like provinces'.
    @Test func anNGOMinimumIsMet() throws {
        let event = Event(
            name: "ngo minimum", slots: 2, tables: 1, provinces: [.init(id: "A"), .init(id: "B")],
            ngos: [.init(id: "X"), .init(id: "Y", minMeetings: 2)],
            scores: [
                .init(province: "A", ngo: "X", score: 0.9), .init(province: "B", ngo: "X", score: 0.8),
                .init(province: "A", ngo: "Y", score: 0.2), .init(province: "B", ngo: "Y", score: 0.1),
            ])
        let plan = try event.planned()
        #expect(ScheduleValidator.problems(plan, event: event) == [])
        #expect(plan.minimums.status == .met)
        #expect(plan.meetings.allSatisfy { plan.problem.ngos[$0.ngo].id == "Y" })
    }
}

/// "notFound" is said when the planner neither meets a minimum nor proves it cannot be met: on an
/// event too large to solve outright, where the certificates (one side at a time) prove nothing.
@Suite(.timeLimit(.minutes(10)))
struct PlannerNotFoundTests {
    /// One slot, one table: A's only partner is X, Y's only partner is B, so one of A and Y goes
    /// without; 110 × 110 other pairs make it too large for the exact search.
    static func event() -> Event {
        let others = (1...110)
        var scores: [Event.PairScore] = [
            .init(province: "A", ngo: "X", score: 0.9), .init(province: "B", ngo: "Y", score: 0.4),
        ]
        for province in others {
            for ngo in others { scores.append(.init(province: "P\(province)", ngo: "N\(ngo)", score: 0.1)) }
        }
        return Event(
            name: "crowded", slots: 1, tables: 1,
            provinces: [.init(id: "A", minMeetings: 1), .init(id: "B")] + others.map { .init(id: "P\($0)") },
            ngos: [.init(id: "X"), .init(id: "Y", minMeetings: 1)] + others.map { .init(id: "N\($0)") },
            scores: scores)
    }

    @Test func aShortfallNeitherMetNorProvenIsCalledNotFoundInBothLanguages() throws {
        let event = Self.event()
        let plan = try event.planned()
        #expect(ScheduleValidator.problems(plan, event: event) == [])
        #expect(plan.minimums.status == .notFound)
        #expect(plan.minimums.certificates.isEmpty && plan.minimums.leastMissing == nil)
        // As small as it can be: one of the two goes without, never both.
        #expect(plan.minimums.total == 1)
        #expect(plan.meetings.count == 1)
        let english = PlanReport(plan, rules: nil, language: .en)
        #expect(english.minimums.status == .notFound)
        #expect(english.minimums.message.contains("could not prove that none exists"))
        #expect(!english.minimums.message.contains("impossible") && !english.minimums.message.contains("cannot be met"))
        let short = try #require(plan.minimums.shortfalls.first)
        #expect(
            english.conflicts.contains {
                $0.kind == "minimumNotFound"
                    && $0.message.hasPrefix("\(short.party) wants at least 1 meeting but got 0")
            }, "\(english.conflicts)")
        let vietnamese = PlanReport(plan, rules: nil, language: .vi)
        #expect(vietnamese.minimums.message.contains("không chứng minh được là không thể"))
        #expect(vietnamese.minimums.message.contains("thiếu tổng cộng 1 cuộc gặp"))
    }
}
