import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchStore

struct BenchCommunesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-communes",
        abstract: "Measure commune lookups: parsing the data once, then resolving names as people type them.",
        discussion: """
            Names are drawn from the data itself: current communes with their province, former
            communes with their district (as written, and without diacritics or prefixes).

            Example (the figures in BENCHMARKS.md):
              swift run -c release ngomatch bench-communes
            """
    )

    @Option(help: "Timed lookups.") var samples: Int = 20_000
    @Option(help: "Random seed.") var seed: UInt64 = 7

    func run() throws {
        #if DEBUG
            Terminal.note("warning: this is a debug build; measure with 'swift run -c release ngomatch bench-communes'")
        #endif
        let reference = try ReferenceData.embedded()
        let start = ContinuousClock.now
        let directory = reference.communes
        let loaded = ContinuousClock.now - start
        var random = SplitMix64(seed: seed)
        var names: [String] = []
        for _ in 0..<samples {
            if Bool.random(using: &random) {
                let commune = directory.communes.randomElement(using: &random)!
                names.append("\(commune.name), \(reference.provinces[commune.province]?.name.vi ?? "")")
            } else {
                let old = directory.former.randomElement(using: &random)!
                let written = "\(old.name), \(old.district)"
                names.append(Bool.random(using: &random) ? written : NameKey.fold(written))
            }
        }
        var times: [Double] = []
        var found = 0
        var choices = 0
        for name in names {
            let began = ContinuousClock.now
            do {
                _ = try directory.resolve(name)
                found += 1
            } catch {
                choices += 1
            }
            times.append(BenchCommand.milliseconds(ContinuousClock.now - began) * 1000)
        }
        let sorted = times.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        print(
            String(
                format:
                    "load %d communes and %d former ones: %.1f ms\nresolve: p50 %.1f µs, p99 %.1f µs (n=%d; %d found, %d answered with choices)",
                directory.communes.count, directory.former.count, BenchCommand.milliseconds(loaded), percentile(0.5),
                percentile(0.99), sorted.count, found, choices))
    }
}
