import Foundation
import NGOMatchCore
import NGOMatchStore
import Synchronization
import Testing

/// SIGKILL at random moments: the registry always opens, passes SQLite's integrity
/// check, holds every write that was acknowledged, and never half an import.
///
/// CI runs a few kills; `NGOMATCH_CRASH_KILLS=100 swift test --filter CrashTests` is the nightly size.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct CrashTests {
    static let kills = Int(ProcessInfo.processInfo.environment["NGOMATCH_CRASH_KILLS"] ?? "") ?? 3

    @Test func anImportKilledAtAnyMomentIsAllOrNothing() throws {
        let cli = try CLI()
        let big = cli.folder.appendingPathComponent("big.jsonl").path
        #expect(try cli.run("generate", "--ngos", "1000", "--needs", "500", "--seed", "5", "--out", big).status == 0)
        let pristine = cli.folder.appendingPathComponent("empty.sqlite").path
        #expect(try cli.run("init", "--empty", "--db", pristine).status == 0)
        // How long a whole import takes here, so that kills land before, during and after the commit.
        let timing = cli.folder.appendingPathComponent("timing.sqlite").path
        try FileManager.default.copyItem(atPath: pristine, toPath: timing)
        let started = Date()
        #expect(try cli.run("import", big, "--db", timing).status == 0)
        let duration = Date().timeIntervalSince(started)

        var outcomes = (none: 0, all: 0)
        for kill in 0..<Self.kills {
            let path = cli.folder.appendingPathComponent("kill-\(kill).sqlite").path
            try FileManager.default.copyItem(atPath: pristine, toPath: path)
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["import", big, "--db", path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run(killedAfter: Process.childLimitSeconds)
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...(duration * 1.5)))
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let registry = try Registry.open(at: path, seeding: .referenceOnly).registry
            #expect(try registry.integrityCheck() == "ok")
            let counts = try registry.counts()
            let whole = counts.ngos == 1000 && counts.needs == 500
            let nothing = counts.ngos == 0 && counts.needs == 0
            #expect(whole || nothing, "kill \(kill): \(counts.ngos) NGOs and \(counts.needs) needs")
            if whole { outcomes.all += 1 } else if nothing { outcomes.none += 1 }
            try registry.close()
        }
        print("crash/import: \(Self.kills) kills, \(outcomes.none) before the commit, \(outcomes.all) after")
    }

    @Test func aServerKilledUnderWritesKeepsEveryAcknowledgedWrite() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let acknowledged = Acknowledged()
        for kill in 0..<Self.kills {
            let server = try ServerProcess(cli: cli)
            let port = server.port
            let writers = DispatchGroup()
            for client in 0..<4 {
                DispatchQueue.global().async(group: writers) {
                    guard let connection = try? LineClient(port: port, timeoutSeconds: 5) else { return }
                    for request in 0..<10_000 {
                        let title = "crash \(kill)-\(client)-\(request)"
                        let params =
                            #"{"province":"Cao Bằng","title":"\#(title)","sectors":[{"sector":"health","priority":3}],"fundingGapUSD":1000,"timeframe":{"start":"2026-09-01","end":"2027-08-31"}}"#
                        guard let reply = try? connection.call("needs.register", params, id: request),
                            let result = reply["result"] as? [String: Any], let id = result["id"] as? String
                        else { return }
                        acknowledged.add(id: id, title: title)
                    }
                }
            }
            Thread.sleep(forTimeInterval: Double.random(in: 0.3...1.2))
            Foundation.kill(server.process.processIdentifier, SIGKILL)
            server.process.waitUntilExit()
            writers.wait()
        }
        let registry = try Registry.open(at: cli.database).registry
        #expect(try registry.integrityCheck() == "ok")
        let stored = try registry.needs().filter { $0.title.hasPrefix("crash ") }
        let byID = Dictionary(grouping: stored, by: \.id.rawValue)
        let writes = acknowledged.all
        for (id, title) in writes {
            #expect(byID[id]?.count == 1 && byID[id]?.first?.title == title, "acknowledged \(id) lost")
        }
        #expect(writes.count > 0)
        print("crash/serve: \(Self.kills) kills, \(writes.count) acknowledged writes, all present")
    }
}

/// Writes the server confirmed, from several client threads.
final class Acknowledged: Sendable {
    private let writes = Mutex<[(id: String, title: String)]>([])

    func add(id: String, title: String) { writes.withLock { $0.append((id, title)) } }

    var all: [(id: String, title: String)] { writes.withLock { $0 } }
}
