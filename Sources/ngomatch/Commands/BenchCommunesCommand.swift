import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchStore

struct BenchCommunesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-communes",
        abstract: "Measure commune lookups: parsing the data once, then resolving names as people type them.",
        discussion: """
            Names are drawn from the data itself: current communes with their province,
            former communes with their district (as written, and without diacritics or
            prefixes).

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
        var foundTimes: [Double] = []
        var choiceTimes: [Double] = []
        for name in names {
            let began = ContinuousClock.now
            let resolved = (try? directory.resolve(name)) != nil
            let micros = BenchCommand.milliseconds(ContinuousClock.now - began) * 1000
            if resolved { foundTimes.append(micros) } else { choiceTimes.append(micros) }
        }
        func percentile(_ times: [Double], _ p: Double) -> Double {
            let sorted = times.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
        let all = foundTimes + choiceTimes
        print(
            String(
                format: """
                    load %d communes and %d former ones: %.1f ms
                    resolve, all %d names: p50 %.1f µs, p99 %.1f µs
                      %d found: p50 %.1f µs, p99 %.1f µs
                      %d answered with choices or suggestions: p50 %.1f µs, p99 %.1f µs
                    """,
                directory.communes.count, directory.former.count, BenchCommand.milliseconds(loaded), all.count,
                percentile(all, 0.5), percentile(all, 0.99), foundTimes.count, percentile(foundTimes, 0.5),
                percentile(foundTimes, 0.99), choiceTimes.count, percentile(choiceTimes, 0.5),
                percentile(choiceTimes, 0.99)))
    }
}
