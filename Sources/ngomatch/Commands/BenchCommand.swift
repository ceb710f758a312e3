import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchStore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the scoring engine on a synthetic registry held in memory (run it in a release build).",
        discussion: """
            Example (the figures in BENCHMARKS.md):
              swift run -c release ngomatch bench --ngos 100000 --needs 10000
            """
    )

    @Option(help: "NGOs in the synthetic registry.") var ngos: Int = 100_000
    @Option(help: "Needs in the synthetic registry.") var needs: Int = 10_000
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(help: "Timed suggest and discover calls each.") var samples: Int = 2000
    @Option(help: "Timed gaps runs.") var gapsRuns: Int = 3
    @Option(help: "Rule set.") var rules: String = "default"

    func run() throws {
        #if DEBUG
            Terminal.note("warning: this is a debug build; measure with 'swift run -c release ngomatch bench'")
        #endif
        let reference = try ReferenceData.embedded()
        let ruleSet = try RuleSetSource.load(rules, taxonomy: reference.taxonomy)
        var clock = ContinuousClock.now
        let synthetic = SyntheticRegistry(reference: reference, ngos: ngos, needs: needs, seed: seed)
        let generated = ContinuousClock.now - clock
        clock = .now
        let index = MatchIndex(reference: reference, needs: synthetic.needs, ngos: synthetic.ngos)
        let built = ContinuousClock.now - clock

        var random = SplitMix64(seed: seed &+ 1)
        let openNeeds = index.needs.indices.filter { index.needs[$0].status == .open }
        let options = RankOptions(limit: 10)
        var suggestTimes: [Double] = []
        var suggestResults = 0
        for _ in 0..<samples {
            let need = openNeeds[Int.random(in: 0..<openNeeds.count, using: &random)]
            let start = ContinuousClock.now
            suggestResults += index.suggest(needPosition: need, rules: ruleSet, options: options).ranked.count
            suggestTimes.append(Self.milliseconds(ContinuousClock.now - start))
        }
        // Varied questions (need × limit × rule set × diversify), each asked of the bounded
        // ranking and of a scan of every candidate, alternately: the same lists, two costs.
        let ruleSets = try ["default", "climate", "underserved"].map {
            try RuleSetSource.load($0, taxonomy: reference.taxonomy)
        }
        var boundedTimes: [Double] = []
        var scanTimes: [Double] = []
        var differing = 0
        for sample in 0..<samples {
            let need = openNeeds[Int.random(in: 0..<openNeeds.count, using: &random)]
            var options = RankOptions(
                limit: Int.random(in: 1...20, using: &random), diversify: Bool.random(using: &random))
            let rules = ruleSets[Int.random(in: 0..<ruleSets.count, using: &random)]
            var results: [Ranking] = []
            for scans in sample.isMultiple(of: 2) ? [false, true] : [true, false] {
                options.scansEveryCandidate = scans
                let start = ContinuousClock.now
                results.append(index.suggest(needPosition: need, rules: rules, options: options))
                let time = Self.milliseconds(ContinuousClock.now - start)
                if scans { scanTimes.append(time) } else { boundedTimes.append(time) }
            }
            if results[0] != results[1] { differing += 1 }
        }
        var discoverTimes: [Double] = []
        var discoverResults = 0
        for _ in 0..<samples {
            let ngo = Int.random(in: 0..<index.ngos.count, using: &random)
            let start = ContinuousClock.now
            discoverResults += index.discover(ngoPosition: ngo, rules: ruleSet, options: options).ranked.count
            discoverTimes.append(Self.milliseconds(ContinuousClock.now - start))
        }
        var gapsTimes: [Double] = []
        var weak = 0
        for _ in 0..<max(1, gapsRuns) {
            let start = ContinuousClock.now
            weak = index.gaps(rules: ruleSet, threshold: 50, today: .today).weakNeeds.count
            gapsTimes.append(Self.milliseconds(ContinuousClock.now - start))
        }
        let lines = [
            "registry: \(ngos) NGOs, \(needs) needs (\(openNeeds.count) open), seed \(seed), rules \(ruleSet.name)",
            String(
                format: "generate: %.0f ms; build index: %.0f ms", Self.milliseconds(generated),
                Self.milliseconds(built)),
            Self.summary("suggest top-10 (one need)", suggestTimes)
                + " — avg \(suggestResults / max(1, samples)) results",
            Self.summary("suggest, varied questions", boundedTimes),
            Self.summary("suggest, varied questions, every candidate scored", scanTimes)
                + String(format: " — %.1f× the time", Self.median(scanTimes) / max(1e-9, Self.median(boundedTimes)))
                + (differing == 0 ? ", the same lists" : ", \(differing) lists DIFFER"),
            Self.summary("discover top-10 (one NGO)", discoverTimes)
                + " — avg \(discoverResults / max(1, samples)) results",
            Self.summary("gaps (whole registry)", gapsTimes) + " — \(weak) weak needs",
            "peak resident memory: \(Self.peakResidentMB()) MB",
        ]
        print(lines.joined(separator: "\n"))
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func median(_ times: [Double]) -> Double { times.sorted()[times.count / 2] }

    static func summary(_ label: String, _ times: [Double]) -> String {
        let sorted = times.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        return String(
            format: "%@: p50 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)", label, percentile(0.5), percentile(0.99),
            sorted.last ?? 0, sorted.count)
    }

    /// VmHWM from /proc: the most memory this process has held.
    static func peakResidentMB() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return "unknown" }
        return String(format: "%.0f", kilobytes / 1024)
    }
}
