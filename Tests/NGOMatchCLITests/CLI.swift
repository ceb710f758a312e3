import ChildProcessStart
import Foundation
import Synchronization

/// Runs the built `ngomatch` binary as a child process, as a user would.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ngomatch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var database: String { folder.appendingPathComponent("registry.sqlite").path }

    func file(_ name: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    func file(_ name: String, bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Runs `ngomatch arguments…` with the registry in this test's folder.
    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> Result {
        try run(arguments: arguments, environment: environment)
    }

    /// - Parameter shell: a command line for `/bin/sh` to run instead of the binary (to set limits, say).
    func run(arguments: [String], environment: [String: String] = [:], shell: String? = nil) throws -> Result {
        let process = Process()
        if let shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shell]
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["NGOMATCH_DB"] = database
        env["NGOMATCH_LANG"] = nil
        // Tables are fitted to COLUMNS when it is set; tests that want that set it themselves.
        env["COLUMNS"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.startAlone()
        // No command waits longer than this: a hang fails its test instead of running into CI's limit.
        // A cancelled work item keeps its closure until its deadline: holding the process there kept
        // its pipes open for minutes, and past ~1,300 open descriptors Foundation's Process.run()
        // crashed (SIGSEGV in memcpy) while listing them for the next child.
        let watchdog = DispatchWorkItem { [weak process] in
            if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.limitSeconds, execute: watchdog)
        defer { watchdog.cancel() }
        // Both pipes at once: a child that fills one while the other is read would wait forever.
        let errors = Mutex(Data())
        let drained = DispatchGroup()
        DispatchQueue.global().async(group: drained) {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            errors.withLock { $0 = data }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        try? out.fileHandleForReading.close()
        try? err.fileHandleForReading.close()
        let stderr = errors.withLock { $0 }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The longest any one command may run in a test (the slowest, a medium plan in a debug build
    /// on a busy machine, takes under a minute).
    static let limitSeconds: Double = 300

    /// The binary next to the test bundle, as SwiftPM builds them into one folder.
    static let binary: URL = {
        let candidates =
            [
                Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            ] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in candidates {
            let url = folder.appendingPathComponent("ngomatch")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("cannot find the ngomatch binary near \(candidates.map(\.path))")
    }()
}
