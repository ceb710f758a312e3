import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchPlanner

struct GenerateEventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-event",
        abstract: "Write a realistic synthetic event file for the planner (same seed, same bytes).",
        discussion: """
            Scores are sparse and clustered by sector, some NGOs are in demand, half the
            participants miss some slots, tables are scarce and most provinces ask for a
            minimum. Sizes used in BENCHMARKS.md: small 34×60×8, medium 100×300×12, large
            300×1000×16.

            Example:
              ngomatch generate-event --provinces 34 --ngos 60 --slots 8 --seed 1 \\
                --out small.json
              ngomatch pair --event small.json --format json
            """
    )

    @Option(help: "How many provinces.") var provinces: Int = 34
    @Option(help: "How many NGOs.") var ngos: Int = 60
    @Option(help: "How many time slots (1–\(Event.maximumSlots)).") var slots: Int = 8
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Write to this file instead of stdout.") var out: String?
    @Option(
        help: """
            usual, planted (a hard event built around a hidden schedule that meets every minimum) or \
            impossible (planted, plus two provinces whose minimums no schedule can meet).
            """) var regime: BenchPlannerCommand.Regime = .usual

    func validate() throws {
        guard (1...5000).contains(provinces), (1...20000).contains(ngos) else {
            throw ValidationError("--provinces must be from 1 to 5000 and --ngos from 1 to 20000")
        }
        guard (1...Event.maximumSlots).contains(slots) else {
            throw ValidationError("--slots must be from 1 to \(Event.maximumSlots)")
        }
    }

    func run() throws {
        let event =
            regime == .usual
            ? EventGenerator(provinces: provinces, ngos: ngos, slots: slots, seed: seed).event()
            : PlantedEventGenerator(
                provinces: provinces, ngos: ngos, slots: slots, seed: seed, impossible: regime == .impossible
            ).event()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(event.json) + Data("\n".utf8)
        if let out {
            do {
                try data.write(to: URL(fileURLWithPath: out))
            } catch {
                throw UsageError("usage.cannotWrite", out, error.localizedDescription)
            }
            Terminal.say("cli.wroteEvent", provinces, ngos, slots, out)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
