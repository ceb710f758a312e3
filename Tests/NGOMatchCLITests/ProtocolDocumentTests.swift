import Foundation
import Testing

/// The examples in docs/protocol.md, run in order against a real server.
@Suite(.timeLimit(.minutes(10)))
struct ProtocolDocumentTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/protocol.md")

    /// `→` and `←` lines of the ```jsonrpc blocks, in order.
    static func exchanges() throws -> [(send: String, expect: String?)] {
        let text = try String(contentsOf: document, encoding: .utf8)
        var result: [(send: String, expect: String?)] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock = line == "```jsonrpc"
                continue
            }
            guard inBlock else { continue }
            if line.hasPrefix("→ ") {
                result.append((String(line.dropFirst(2)), nil))
            } else if line.hasPrefix("← "), !result.isEmpty {
                result[result.count - 1].expect = String(line.dropFirst(2))
            }
        }
        return result
    }

    @Test func everyExampleGetsTheReplyTheDocumentShows() throws {
        let exchanges = try Self.exchanges()
        #expect(exchanges.count >= 18)
        let cli = try CLI()
        _ = try cli.run("init")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--stdio", "--db", cli.database]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run(killedAfter: Process.childLimitSeconds)
        var pending = Data()
        func readLine() -> String? {
            while true {
                if let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending = Data(pending[(newline + 1)...])
                    return line
                }
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return nil }
                pending.append(chunk)
            }
        }
        for exchange in exchanges {
            input.fileHandleForWriting.write(Data((exchange.send + "\n").utf8))
            guard let expected = exchange.expect else { continue }
            let reply = try #require(readLine(), "no reply to \(exchange.send)")
            let actual = try JSONSerialization.jsonObject(with: Data(reply.utf8))
            let wanted = try JSONSerialization.jsonObject(with: Data(expected.utf8))
            #expect(Self.matches(wanted, actual), "\(exchange.send)\n  expected \(expected)\n  got      \(reply)")
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// Objects: every key shown matches. Lists: the items shown are the first ones. `"*"`: anything.
    static func matches(_ expected: Any, _ actual: Any) -> Bool {
        switch (expected, actual) {
        case (let wanted as String, _) where wanted == "*": return true
        case (let wanted as [String: Any], let got as [String: Any]):
            return wanted.allSatisfy { key, value in got[key].map { matches(value, $0) } ?? false }
        case (let wanted as [Any], let got as [Any]):
            return wanted.count <= got.count && zip(wanted, got).allSatisfy { matches($0, $1) }
        case (let wanted as NSNumber, let got as NSNumber): return wanted == got
        case (let wanted as String, let got as String): return wanted == got
        case (is NSNull, is NSNull): return true
        default: return false
        }
    }
}
