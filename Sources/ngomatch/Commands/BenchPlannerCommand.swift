import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchPlanner

struct BenchPlannerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-planner",
        abstract: "Measure the meeting planner on generated events (run it in a release build).",
        discussion: """
            For each size and seed: the median planning time over --runs, the plan's value,
            the upper bound it proves, and greedy-by-score for comparison. Events are
            generated as 'generate-event' writes them; compare with an exact solver via
            scripts/exact-plan.py.

            Example (the figures in BENCHMARKS.md):
              swift run -c release ngomatch bench-planner --size all --seeds 3
            """
    )

    enum Size: String, ExpressibleByArgument, CaseIterable {
        case small, medium, tight, large, all
    }

    enum Regime: String, ExpressibleByArgument, CaseIterable {
        case usual, planted, impossible, all
    }

    @Option(
        help: """
            small (34×60×8), medium (100×300×12), tight (50×50×12, planted and impossible \
            only: tables for a third of a side, most parties busy most of the time), large \
            (300×1000×16) or all.
            """) var size: Size = .all
    @Option(
        help: """
            usual (today's generated events), planted (50–80 % of slots unavailable, tables for a third \
            of the smaller side, minimums on 60–100 % of provinces as high as a planted schedule allows), \
            impossible (planted, plus two provinces whose minimums no schedule meets), or all.
            """) var regime: Regime = .all
    @Option(help: "Seeds 1…N for each size.") var seeds: Int = 3
    @Option(help: "Timed runs per event.") var runs: Int = 5

    func run() throws {
        #if DEBUG
            Terminal.note("warning: this is a debug build; measure with 'swift run -c release ngomatch bench-planner'")
        #endif
        let shapes: [(String, Int, Int, Int)] = [
            ("small", 34, 60, 8), ("medium", 100, 300, 12), ("tight", 50, 50, 12), ("large", 300, 1000, 16),
        ].filter { size == .all || $0.0 == size.rawValue }
        print("size    regime      seed  pairs   meetings  median ms  value       bound       of bound  minimums")
        let regimes = Regime.allCases.filter { $0 != .all && (regime == .all || $0 == regime) }
        for (name, provinces, ngos, slots) in shapes {
            // The tight shape is hard only as the planted generator makes it.
            for regime in regimes where name != "tight" || regime != .usual {
                for seed in 1...max(1, seeds) {
                    let event: Event
                    switch regime {
                    case .usual:
                        event = EventGenerator(provinces: provinces, ngos: ngos, slots: slots, seed: UInt64(seed))
                            .event()
                    case .planted, .impossible, .all:
                        event = PlantedEventGenerator(
                            provinces: provinces, ngos: ngos, slots: slots, seed: UInt64(seed),
                            impossible: regime == .impossible
                        ).event()
                    }
                    try measure(event, name: name, regime: regime, seed: seed)
                }
            }
        }
        print("peak resident memory: \(BenchCommand.peakResidentMB()) MB")
    }

    private func measure(_ event: Event, name: String, regime: Regime, seed: Int) throws {
        let resolved = try ResolvedEvent.asWritten(event)
        var times: [Double] = []
        var plan: Plan? = nil
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            let problem = PlanningProblem(resolved, scores: resolved.givenScores ?? [])
            plan = Planner.plan(problem)
            times.append(BenchCommand.milliseconds(ContinuousClock.now - start))
        }
        guard let plan else { return }
        let median = times.sorted()[times.count / 2]
        let minimums: String
        switch plan.minimums.status {
        case .met: minimums = "all met"
        case .proven: minimums = "proven short \(plan.minimums.total)"
        case .notFound: minimums = "NOT FOUND short \(plan.minimums.total)"
        }
        print(
            [
                name.padding(toLength: 7, withPad: " ", startingAt: 0),
                regime.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0),
                "\(seed)".padding(toLength: 5, withPad: " ", startingAt: 0),
                "\(plan.problem.candidates.count)".padding(toLength: 7, withPad: " ", startingAt: 0),
                "\(plan.meetings.count)".padding(toLength: 9, withPad: " ", startingAt: 0),
                String(
                    format: "%-10.1f %-11.3f %-11.3f %-9.4f", median, plan.totalValue, plan.upperBound, plan.quality),
                minimums,
            ].joined(separator: " "))
    }
}
