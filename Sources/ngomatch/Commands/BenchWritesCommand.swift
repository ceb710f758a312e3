import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct BenchWritesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-writes",
        abstract: "Measure writes and the reads after them on a registry file, as a running server does them.",
        discussion: """
            Opens the registry, compiles its match index once (what a server's first
            ranking costs), then times --pairs write-then-read pairs through the service: a
            need's update, an NGO's update or a partnership, each followed by the ranking
            it changes. Every write changes a different record. The registry is changed:
            use a copy.

            Example (the figures in BENCHMARKS.md):
              ngomatch generate --ngos 100000 --needs 10000 --out big.jsonl
              ngomatch init --empty --db big.sqlite && ngomatch import big.jsonl \\
                --db big.sqlite
              swift run -c release ngomatch bench-writes --db big.sqlite
            """
    )

    @OptionGroup var registryOptions: RegistryOptions
    @Option(help: "Timed write-then-read pairs.") var pairs: Int = 1000
    @Option(help: "Random seed.") var seed: UInt64 = 7
    @Flag(help: "Leave WAL checkpoints inside the commits, as a one-off CLI process does (not as a server).")
    var checkpointInWrites = false

    func run() throws {
        #if DEBUG
            Terminal.note("warning: this is a debug build; measure with 'swift run -c release ngomatch bench-writes'")
        #endif
        let registry = try registryOptions.open()
        if !checkpointInWrites { try registry.checkpointBesideWrites() }
        let service = MatchService(registry: registry)
        var start = ContinuousClock.now
        let index = try service.index()
        let compiled = BenchCommand.milliseconds(ContinuousClock.now - start)
        let needs = index.needs.filter { $0.status == .open }.map(\.id.rawValue).sorted()
        // By id alone: an index loaded from its snapshot reads an NGO's record only when asked.
        let ngos = index.ngos.indices.map { index.ngoEntry(at: $0).id.rawValue }.sorted()
        guard needs.count >= 2, ngos.count >= 2 else { throw UsageError("bench.tooSmall") }
        var random = SplitMix64(seed: seed)
        let caller = Caller.local("bench")
        var writes: [String: [Double]] = [:]
        var reads: [String: [Double]] = [:]
        for pair in 0..<pairs {
            let need = needs[Int.random(in: 0..<needs.count, using: &random)]
            let ngo = ngos[Int.random(in: 0..<ngos.count, using: &random)]
            let kind = ["need", "ngo", "partnership"][pair % 3]
            start = .now
            switch kind {
            case "need":
                let gap = Double(Int.random(in: 2...80, using: &random) * 5000)
                _ = try service.updateNeed(
                    need, changes: .object(["fundingGapUSD": .number(gap)]), caller: caller, method: "needs.update")
            case "ngo":
                _ = try service.updateNGO(
                    ngo, changes: .object(["capacity": .number(Double(Int.random(in: 2...30, using: &random)))]),
                    caller: caller)
            default:
                let status = ["proposed", "active", "completed", "declined"].randomElement(using: &random)!
                _ = try service.recordPartnership(
                    PartnershipRecordParams(need: need, ngo: ngo, status: status), caller: caller)
            }
            writes[kind, default: []].append(BenchCommand.milliseconds(ContinuousClock.now - start))
            start = .now
            if kind == "ngo" {
                _ = try service.discover(DiscoverParams(ngo: ngo, ranking: RankingParams(limit: 10)))
            } else {
                _ = try service.suggest(SuggestParams(need: need, ranking: RankingParams(limit: 10)))
            }
            reads[kind, default: []].append(BenchCommand.milliseconds(ContinuousClock.now - start))
        }
        // Before the comparison compile, which holds a second index and every decoded record.
        let pairsPeak = BenchCommand.peakResidentMB()
        start = .now
        _ = try registry.revisedMatchIndex()
        let rebuilt = BenchCommand.milliseconds(ContinuousClock.now - start)
        var lines = [
            "registry: \(index.ngos.count) NGOs, \(index.needs.count) needs; \(pairs) write-then-read pairs",
            String(
                format:
                    "first index (what a server's first ranking waits for; from the snapshot when there is one): %.0f ms",
                compiled),
            String(format: "a whole compile, for comparison: %.0f ms", rebuilt),
        ]
        for kind in ["need", "ngo", "partnership"] {
            let read = kind == "ngo" ? "discover for that NGO" : "suggest for that need"
            lines.append(BenchCommand.summary("write: \(kind) update", writes[kind] ?? []))
            lines.append(BenchCommand.summary("  then read: \(read)", reads[kind] ?? []))
        }
        lines.append(BenchCommand.summary("every write", writes.values.flatMap { $0 }))
        lines.append(BenchCommand.summary("every read after a write", reads.values.flatMap { $0 }))
        lines.append("whole index compilations: \(service.indexCompilations)")
        lines.append("peak resident memory over the pairs: \(pairsPeak) MB")
        lines.append("peak resident memory with the whole compile: \(BenchCommand.peakResidentMB()) MB")
        print(lines.joined(separator: "\n"))
    }
}
