import ChildProcessStart
import Foundation
import NGOMatchStore
import Synchronization
import Testing

/// Short-lived processes exit 0, never by a signal, while both cores are busy (issue 34): a
/// compile left running on a thread of its own read SQLite while the process was exiting, and
/// 3 of 742 `serve --stdio` processes died by SIGSEGV after their last reply.
///
/// CI runs `runs` processes; `NGOMATCH_EXIT_RUNS=1000` is the nightly size.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ExitUnderLoadTests {
    static let runs = Int(ProcessInfo.processInfo.environment["NGOMATCH_EXIT_RUNS"] ?? "") ?? 200

    /// A door run once: its arguments and what it is sent on standard input.
    struct Door: Sendable {
        let arguments: [String]
        let input: String
        /// Text the output must contain: the process answered before it exited.
        let answer: String
    }

    static let doors: [Door] = [
        Door(
            arguments: ["serve", "--stdio"], input: #"{"jsonrpc":"2.0","id":1,"method":"ping"}"# + "\n",
            answer: #""id":1"#),
        Door(
            arguments: ["serve", "--stdio"],
            input: #"{"jsonrpc":"2.0","id":2,"method":"match.suggest","params":{"need":"cao-bang-1","limit":1}}"#
                + "\n", answer: #""id":2"#),
        Door(
            arguments: ["mcp"],
            input:
                #"{"jsonrpc":"2.0","id":3,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#
                + "\n", answer: #""id":3"#),
        Door(arguments: ["needs", "show", "cao-bang-1"], input: "", answer: "cao-bang-1"),
        Door(arguments: ["suggest", "--need", "cao-bang-1", "--limit", "1"], input: "", answer: "cao-bang-1"),
    ]

    /// Two children that spin until they are killed: the machine as busy as the one that crashed.
    final class BusyCores {
        let spinners: [Process]

        init() throws {
            spinners = try (0..<ProcessInfo.processInfo.activeProcessorCount).map { _ in
                let spinner = Process()
                spinner.executableURL = URL(fileURLWithPath: "/bin/sh")
                spinner.arguments = ["-c", "while :; do :; done"]
                try spinner.run(killedAfter: Process.childLimitSeconds)
                return spinner
            }
        }

        deinit {
            for spinner in spinners {
                // SIGKILL: a child inherits the signals the test runner blocks, SIGTERM among them.
                kill(spinner.processIdentifier, SIGKILL)
                spinner.waitUntilExit()
            }
        }
    }

    /// Runs one process to its end, killing it after `limit` seconds.
    static func run(_ door: Door, database: String, limit: TimeInterval = 60) throws -> (
        reason: Process.TerminationReason, status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = door.arguments + ["--db", database]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.startAlone()
        let watchdog = DispatchWorkItem { [weak process] in
            if let process, process.isRunning { process.interrupt() }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        input.fileHandleForWriting.write(Data(door.input.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationReason, process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func shortLivedProcessesOnFreshRegistriesExitZeroWhileTheCoresAreBusy() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        // Each process gets a registry of its own with no compiled snapshot beside it, so that its
        // compile is still running when the answer is written; a fifth are created by the process.
        let template = cli.folder.appendingPathComponent("template.sqlite").path
        try FileManager.default.copyItem(atPath: cli.database, toPath: template)
        let busy = try BusyCores()
        let outcomes = Mutex<[String]>([])
        let next = Atomic<Int>(0)
        let workers = DispatchGroup()
        for _ in 0..<3 {
            DispatchQueue.global().async(group: workers) {
                while true {
                    let run = next.add(1, ordering: .relaxed).oldValue
                    guard run < Self.runs else { break }
                    let door = Self.doors[run % Self.doors.count]
                    let database = cli.folder.appendingPathComponent("run-\(run).sqlite").path
                    let outcome: String
                    do {
                        if run % 5 != 4 { try FileManager.default.copyItem(atPath: template, toPath: database) }
                        let ended = try Self.run(door, database: database)
                        outcome =
                            ended.reason == .exit && ended.status == 0 && ended.output.contains(door.answer)
                            ? "ok"
                            : "\(door.arguments.joined(separator: " ")): \(ended.reason == .exit ? "exit" : "signal") "
                                + "\(ended.status), output \(ended.output.prefix(120))"
                    } catch {
                        outcome = "run \(run): \(error)"
                    }
                    outcomes.withLock { $0.append(outcome) }
                    for suffix in ["", "-wal", "-shm", "-index"] {
                        try? FileManager.default.removeItem(atPath: database + suffix)
                    }
                }
            }
        }
        workers.wait()
        withExtendedLifetime(busy) {}
        let all = outcomes.withLock { $0 }
        #expect(all.count == Self.runs)
        let failures = all.filter { $0 != "ok" }
        #expect(failures.isEmpty, "\(failures.count) of \(all.count) processes: \(failures.prefix(5))")
    }

    /// The servers that answer forever end on SIGTERM with 0, their compile joined first.
    @Test func serversStoppedAtOnceExitZero() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let busy = try BusyCores()
        for attempt in 0..<16 {
            let database = cli.folder.appendingPathComponent("server-\(attempt).sqlite").path
            try FileManager.default.copyItem(atPath: cli.database, toPath: database)
            let kind = attempt % 2 == 0 ? ["serve", "--listen", "127.0.0.1:0"] : ["web", "--listen", "127.0.0.1:0"]
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = kind + ["--db", database]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = errors
            try process.startAlone()
            // Ready when it says so ("… Ctrl-C to stop"); stopped at once, its compile perhaps still running.
            var seen = ""
            let deadline = Date().addingTimeInterval(60)
            while !seen.contains("Ctrl-C to stop"), Date() < deadline {
                let data = errors.fileHandleForReading.availableData
                if data.isEmpty { break }
                seen += String(decoding: data, as: UTF8.self)
            }
            #expect(seen.contains("Ctrl-C to stop"), "\(kind[0]) did not start: \(seen.prefix(300))")
            process.terminate()
            let watchdog = DispatchWorkItem { [weak process] in
                if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
            process.waitUntilExit()
            watchdog.cancel()
            seen += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(
                process.terminationReason == .exit && process.terminationStatus == 0,
                "\(kind[0]) \(attempt): \(seen.suffix(400))")
        }
        withExtendedLifetime(busy) {}
    }

    /// SIGTERM or SIGINT in the middle of an import: it says it stopped, exits 128 + the signal,
    /// and the registry is as before, intact.
    @Test(arguments: [SIGTERM, SIGINT])
    func anImportInterruptedChangesNothing(signal: Int32) throws {
        let cli = try CLI()
        let big = cli.folder.appendingPathComponent("big.jsonl").path
        #expect(try cli.run("generate", "--ngos", "20000", "--needs", "2000", "--seed", "3", "--out", big).status == 0)
        #expect(try cli.run("init").status == 0)
        let before = try Self.counts(cli.database)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["import", big, "--db", cli.database]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run(killedAfter: Process.childLimitSeconds)
        // Under way once it has spent a second of CPU: the whole import takes about ten here.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline, process.cpuTicks < 100 {
            usleep(2_000)
        }
        #expect(process.isRunning, "the import ended before it could be interrupted")
        kill(process.processIdentifier, signal)
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + signal, "\(said)")
        #expect(said.contains("Stopped before finishing"), "\(said)")
        #expect(try Self.counts(cli.database) == before)
    }

    /// User and system time a process has used, in clock ticks (`/proc/PID/stat`, fields 14 and 15).
    static func counts(_ path: String) throws -> [Int] {
        let registry = try Registry.open(at: path, seeding: .referenceOnly).registry
        defer { try? registry.close() }
        #expect(try registry.integrityCheck() == "ok")
        let counts = try registry.counts()
        return [counts.ngos, counts.needs]
    }
}
