import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore
import Testing

/// The hostile corpus in `fixtures/hostile`, replayed: each line gets its error reply,
/// never a crash or a hang, and the session goes on serving.
@Suite(.timeLimit(.minutes(10)))
struct HostileCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/hostile")

    /// The corpus's text lines with the error code each must get.
    static func lines() throws -> [(code: Int, line: String)] {
        let text = try String(contentsOf: folder.appendingPathComponent("protocol-lines.txt"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { entry in
            guard !entry.hasPrefix("#"), let tab = entry.firstIndex(of: "\t"), let code = Int(entry[..<tab]) else {
                return nil
            }
            return (code, String(entry[entry.index(after: tab)...]))
        }
    }

    static func binaries() throws -> [(name: String, bytes: [UInt8])] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bin") }.sorted()
            .map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    @Test func everyCorpusLineGetsItsErrorAndTheSessionGoesOn() throws {
        let harness = try Harness()
        let (session, _) = harness.session()
        let corpus = try Self.lines()
        #expect(corpus.count >= 45)
        // Where the server keeps its files: no reply may tell a client.
        let serverPaths = [harness.folder.path, FileManager.default.currentDirectoryPath, NSHomeDirectory()]
        for (code, line) in corpus {
            let reply = harness.send(line, session)
            #expect(reply?.errorCode == code, "\(line.debugDescription) → \(String(describing: reply))")
            let text = reply.map { String(describing: $0) } ?? ""
            for path in serverPaths where path.count > 1 {
                #expect(!text.contains(path), "\(line.debugDescription) → a reply naming \(path): \(text)")
            }
            #expect(harness.call("ping", on: session)?["result"]?["pong"] == .bool(true))
        }
        for (name, bytes) in try Self.binaries() {
            let reply = harness.send(bytes: bytes, session)
            #expect(reply?.errorCode != nil, "\(name) → \(String(describing: reply))")
            #expect(harness.call("ping", on: session)?["result"]?["pong"] == .bool(true))
        }
        #expect(try harness.service.registry.integrityCheck() == "ok")
        #expect(try harness.service.registry.counts().needs == 32)
    }

    /// Inputs that once broke a libFuzzer target (`scripts/fuzz.sh`), kept in
    /// `fixtures/fuzz/<target>/`, and the minimised corpus of a libFuzzer run
    /// (`fixtures/fuzz/corpus/<target>/`): each is replayed as bytes on a connection.
    @Test func inputsFoundByLibFuzzerStayHarmless() throws {
        let folder = Self.folder.deletingLastPathComponent().appendingPathComponent("fuzz")
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { !$0.hasSuffix(".md") && !$0.hasPrefix(".") }
        let harness = try Harness()
        let (session, _) = harness.session()
        var replayed = 0
        for name in files.sorted() {
            var isFolder: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            var framer = LineFramer(maximumLength: 4096)
            var frames = framer.feed(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            if let last = framer.finish() { frames.append(last) }
            for frame in frames {
                guard let reply = harness.dispatcher.handle(frame, session: session) else { continue }
                #expect((try? JSONParser.parse([UInt8](reply))) != nil, "\(name): the reply is not JSON")
            }
            replayed += 1
        }
        #expect(harness.call("ping", on: session)?["result"]?["pong"] == .bool(true))
        // The kept corpus alone holds hundreds: a folder gone missing must fail, not pass on nothing.
        #expect(replayed >= 100, "only \(replayed) inputs in \(folder.path)")
        print("fuzz regressions: \(replayed) inputs replayed")
    }

    /// A property-based fuzzer: corpus lines and valid requests, mutated at random
    /// (bytes flipped, cut, repeated, spliced, special characters), into the dispatcher.
    /// Every reply must be one JSON-RPC message; the seed is printed to replay a failure.
    ///
    /// `NGOMATCH_FUZZ_RUNS=1000000 swift test --filter HostileCorpusTests` is the long run.
    @Test func mutatedLinesNeverBreakTheDispatcher() throws {
        let runs = Int(ProcessInfo.processInfo.environment["NGOMATCH_FUZZ_RUNS"] ?? "") ?? 20_000
        let seed = UInt64(ProcessInfo.processInfo.environment["NGOMATCH_FUZZ_SEED"] ?? "") ?? 20_261_122
        var random = SplitMix64(seed: seed)
        let harness = try Harness()
        let (session, _) = harness.session()
        let valid = [
            #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"needs.get","params":{"id":"cao-bang-1"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"match.suggest","params":{"need":"cao-bang-1","limit":2}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"provinces.get","params":{"name":"ha giang"}}"#,
            #"[{"jsonrpc":"2.0","id":5,"method":"ping"},{"jsonrpc":"2.0","method":"ping"}]"#,
            #"{"jsonrpc":"2.0","id":6,"method":"pairing.plan","params":{"slots":2,"provinces":[{"id":"a"}],"ngos":[{"id":"b"}],"scores":[{"province":"a","ngo":"b","score":1}]}}"#,
        ]
        let seeds = valid.map { Array($0.utf8) } + (try Self.lines()).map { Array($0.line.utf8) }
        let specials: [[UInt8]] = [
            Array("\"".utf8), Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array(",".utf8),
            Array(":".utf8), Array("\\u0000".utf8), Array("\\ud800".utf8), Array("1e999".utf8), Array("-0".utf8),
            [0xFF], [0xC3], [0x00], [0x1B], Array("null".utf8), Array("9999999999999999999999".utf8),
        ]
        var replies = 0
        for _ in 0..<runs {
            var bytes = seeds[Int(random.next() % UInt64(seeds.count))]
            for _ in 0...Int(random.next() % 4) where !bytes.isEmpty {
                let at = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 6 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(random.next() % 8)))
                case 2: bytes.insert(contentsOf: specials[Int(random.next() % UInt64(specials.count))], at: at)
                case 3: bytes = Array(bytes[..<at])
                case 4:
                    let other = seeds[Int(random.next() % UInt64(seeds.count))]
                    bytes = Array(bytes[..<at]) + other[min(other.count, at)...]
                default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 16)], at: at)
                }
            }
            bytes.removeAll { $0 == 0x0A }
            guard let reply = harness.dispatcher.handle(.line(bytes), session: session) else { continue }
            replies += 1
            let parsed = try? JSONSerialization.jsonObject(with: reply)
            let ok = (parsed as? [String: Any]).map { $0["jsonrpc"] as? String == "2.0" } ?? (parsed is [Any])
            #expect(ok, "seed \(seed): the reply to \(bytes) is not a JSON-RPC message")
        }
        #expect(harness.call("ping", on: session)?["result"]?["pong"] == .bool(true))
        #expect(try harness.service.registry.integrityCheck() == "ok")
        print("fuzz: \(runs) mutated lines (seed \(seed)), \(replies) replies, all well-formed")
    }
}
