import Foundation
import NGOMatchCore
import Synchronization
import Testing

/// A running server follows writes in place while clients read and write at once (issue 18);
/// afterwards it must answer every question as a server compiling the same file afresh does.
@Suite(.timeLimit(.minutes(10)))
struct ServerFollowingTests {
    @Test func aServerFollowingConcurrentWritesAnswersAsAFreshCompile() throws {
        let cli = try CLI()
        let generated = try cli.run("generate", "--ngos", "300", "--needs", "60", "--seed", "18")
        #expect(try cli.run("init", "--empty").status == 0)
        #expect(try cli.run("import", try cli.file("synthetic.jsonl", generated.stdout)).status == 0)
        let needs = try Self.ids(cli.run("needs", "list", "--all", "--format", "jsonl").stdout)
        let ngos = try Self.ids(cli.run("ngos", "list", "--all", "--format", "jsonl").stdout)
        #expect(needs.count == 60 && ngos.count == 300)

        let server = try ServerProcess(cli: cli)
        let port = server.port
        let problems = Mutex<[String]>([])
        // Two writers and two readers at once; every write changes what some ranking shows.
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            do {
                let client = try LineClient(port: port)
                var random = SplitMix64(seed: UInt64(worker) + 18)
                for step in 0..<60 {
                    let need = needs.randomElement(using: &random)!
                    let ngo = ngos.randomElement(using: &random)!
                    let (method, params): (String, String)
                    switch (worker, step % 3) {
                    case (0...1, 0):
                        (method, params) = (
                            "needs.update", #"{"id":"\#(need)","fundingGapUSD":\#(step * 7_000 + 1_000)}"#
                        )
                    case (0...1, 1):
                        (method, params) = ("ngos.update", #"{"ngo":"\#(ngo)","capacity":\#(step % 9 + 1)}"#)
                    case (0...1, _):
                        let status = ["proposed", "active", "completed", "declined"][step % 4]
                        (method, params) = (
                            "partnerships.record", #"{"need":"\#(need)","ngo":"\#(ngo)","status":"\#(status)"}"#
                        )
                    case (_, 0): (method, params) = ("match.discover", #"{"ngo":"\#(ngo)"}"#)
                    default: (method, params) = ("match.suggest", #"{"need":"\#(need)","limit":10}"#)
                    }
                    let reply = try client.call(method, params, id: step)
                    if reply["result"] == nil { problems.withLock { $0.append("\(method) \(params): \(reply)") } }
                }
            } catch {
                problems.withLock { $0.append("worker \(worker): \(error)") }
            }
        }
        #expect(problems.withLock { $0 }.isEmpty, "\(problems.withLock { $0 })")
        let followed = try Self.answers(port: server.port, needs: needs, ngos: ngos)
        #expect(server.stop() == 0)

        // The snapshot beside the file is the followed index's; without it the next server compiles.
        try? FileManager.default.removeItem(atPath: cli.database + "-index")
        let fresh = try ServerProcess(cli: cli)
        let compiled = try Self.answers(port: fresh.port, needs: needs, ngos: ngos)
        #expect(fresh.stop() == 0)
        #expect(followed.count == needs.count + ngos.count + 1)
        for (question, answer) in followed where compiled[question] != answer {
            Issue.record("\(question): followed \(answer)\ncompiled afresh \(compiled[question] ?? "nothing")")
        }
    }

    /// Every need's ranking, every NGO's, and the gaps report, each as its result's JSON text.
    static func answers(port: Int, needs: [String], ngos: [String]) throws -> [String: String] {
        let client = try LineClient(port: port)
        var answers: [String: String] = [:]
        let questions =
            needs.map { ("match.suggest", #"{"need":"\#($0)","limit":20,"showExcluded":true}"#) }
            + ngos.map { ("match.discover", #"{"ngo":"\#($0)","limit":20}"#) } + [("gaps.report", "{}")]
        for (method, params) in questions {
            let reply = try client.call(method, params)
            let result = try #require(reply["result"], "\(method) \(params): \(reply)")
            let text = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
            answers["\(method) \(params)"] = String(decoding: text, as: UTF8.self)
        }
        return answers
    }

    static func ids(_ jsonl: String) throws -> [String] {
        try jsonl.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object?["id"] as? String)
        }
    }
}
