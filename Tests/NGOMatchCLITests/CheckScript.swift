import Foundation

/// The independent programs in scripts/checks/, run with the Python of the environment
/// .ci/run makes (`NGOMATCH_TEST_PYTHON`).
enum CheckScript {
    static let python = ProcessInfo.processInfo.environment["NGOMATCH_TEST_PYTHON"]

    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/checks/\(name)").path
    }

    /// Runs a checker to its end: its exit status and what it printed.
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [path(name)] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run(killedAfter: Process.childLimitSeconds)
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
