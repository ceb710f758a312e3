import Foundation
import Testing

/// `ngomatch mcp` as a child process, driven by the reference MCP client from PyPI.
@Suite(.timeLimit(.minutes(10)))
struct MCPClientTests {
    /// A Python with the `mcp` package, which .ci/run installs; elsewhere this test says it was not run.
    static let python = ProcessInfo.processInfo.environment["NGOMATCH_TEST_PYTHON"]

    @Test(.enabled(if: python != nil, "set NGOMATCH_TEST_PYTHON to a Python with mcp (.ci/run does)"))
    func theReferenceClientListsToolsAndAsksForCaoBang() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/checks/mcp-check.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [script, CLI.binary.path, cli.database]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run(killedAfter: Process.childLimitSeconds)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(stderr)")
        #expect(report["protocolVersion"] as? String == "2025-11-25")
        let tools = try #require(report["tools"] as? [String])
        #expect(tools.contains("match.suggest") && tools.contains("gaps.report"))
        #expect(!tools.contains("needs.register"), "writes are off without --allow-writes")

        let suggest = try #require(report["suggest"] as? [String: Any])
        #expect(suggest["isError"] as? Bool == false)
        let structured = try #require(suggest["structured"] as? [String: Any])
        let lists = try #require(structured["suggestions"] as? [[String: Any]])
        #expect(lists.allSatisfy { $0["province"] as? String == "cao-bang" })
        let ranked = try #require(lists.first?["ranked"] as? [[String: Any]])
        #expect(!ranked.isEmpty && ranked.count <= 3)
        // The text content is the same result, for clients that read text only.
        let text = try #require((suggest["text"] as? [String])?.first)
        let fromText = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((fromText["suggestions"] as? [Any])?.count == lists.count)

        let failure = try #require(report["failure"] as? [String: Any])
        #expect(failure["isError"] as? Bool == true)
        #expect((failure["text"] as? [String])?.first?.contains("no need with id 'cao-bang-9'") == true)
        #expect((report["resources"] as? [String])?.contains("ngomatch://sectors") == true)
    }
}
