import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore
import Testing

/// Every malformed message gets an error reply, and the session keeps serving.
@Suite(.timeLimit(.minutes(10)))
struct HostileInputTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    @Test(arguments: [
        ("not json at all", -32700),
        ("42", -32600),
        ("\"just a string\"", -32600),
        ("[]", -32600),
        (#"{"jsonrpc":"1.0","id":1,"method":"ping"}"#, -32600),
        (#"{"id":1,"method":"ping"}"#, -32600),
        (#"{"jsonrpc":"2.0","id":1}"#, -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":7}"#, -32600),
        (#"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#, -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":"no.such.method"}"#, -32601),
        (#"{"jsonrpc":"2.0","id":1,"method":"needs.get","params":[1,2]}"#, -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"needs.get","params":7}"#, -32600),
        (#"{"jsonrpc":"2.0","id":1,"method":"needs.get","params":{}}"#, -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"needs.get","params":{"id":5}}"#, -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"needs.get","params":{"id":"x","colour":"red"}}"#, -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"match.suggest","params":{"need":"cao-bang-1","limit":1e999}}"#, -32700),
        (#"{"jsonrpc":"2.0","id":1,"method":"match.suggest","params":{"need":"cao-bang-1","limit":NaN}}"#, -32700),
        (#"{"jsonrpc":"2.0","id":1,"method":"match.suggest","params":{"need":"cao-bang-1","limit":1e20}}"#, -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"match.suggest","params":{"need":"cao-bang-1","limit":-3}}"#, -32602),
        (#"{"jsonrpc":"2.0","id":1,"method":"needs.get","params":{"id":"nope"}}"#, -32004),
    ])
    func eachBadMessageGetsItsErrorAndTheSessionGoesOn(line: String, code: Int) {
        let (session, _) = harness.session()
        let reply = harness.send(line, session)
        #expect(reply?.errorCode == code, "\(line) → \(String(describing: reply))")
        #expect(harness.call("ping", on: session)?["result"]?["pong"] == .bool(true))
    }

    @Test func invalidParamsNameTheFieldAndWhatWasExpected() {
        let (session, _) = harness.session()
        let reply = harness.call("needs.list", #"{"provnce":"Cao Bằng"}"#, on: session)
        #expect(reply?["error"]?["data"]?["field"] == .string("provnce"))
        #expect(reply?.errorMessage?.contains("did you mean 'province'?") == true)
        let wrongType = harness.call("needs.get", #"{"id":5}"#, on: session)
        #expect(wrongType?["error"]?["data"]?["field"] == .string("id"))
        #expect(wrongType?["error"]?["data"]?["expected"] == .string("expected text"))
    }

    @Test func invalidUTF8DeepNestingAndBinaryGarbageAreParseErrors() {
        let (session, _) = harness.session()
        let invalid: [UInt8] =
            Array(#"{"jsonrpc":"2.0","id":1,"method":"ping","x":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(harness.send(bytes: invalid, session)?.errorCode == -32700)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(harness.send(deep, session)?.errorCode == -32700)
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let garbage = (0..<Int.random(in: 1...300, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            .filter { $0 != 0x0A }
            guard !garbage.isEmpty else { continue }
            #expect(harness.send(bytes: garbage, session)?.errorCode != nil)
        }
        #expect(harness.call("ping", on: session)?["result"] != nil)
    }

    @Test func aLineOverTheLimitGetsAnErrorAndTheNextLineIsServed() {
        let (session, _) = harness.session()
        var framer = LineFramer(maximumLength: 1 << 20)
        var frames = framer.feed(Array(repeating: UInt8(ascii: "a"), count: 10 << 20))
        frames += framer.feed(Array("\n{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}\n".utf8))
        #expect(frames.count == 2)
        let replies = frames.compactMap { harness.dispatcher.handle($0, session: session) }
            .compactMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
        #expect(replies.map(\.errorCode) == [-32600, nil])
        #expect(replies.last?["id"] == .number(9))
    }

    @Test func notificationsGetNoReplyAndBatchesGetArrays() {
        let (session, _) = harness.session()
        #expect(harness.send(#"{"jsonrpc":"2.0","method":"ping"}"#, session) == nil)
        #expect(harness.send(#"{"jsonrpc":"2.0","method":"no.such"}"#, session) == nil)
        let batch = harness.send(
            #"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"ping"},{"jsonrpc":"2.0","id":2,"method":"nope"},5]"#,
            session)
        guard case .array(let replies)? = batch else {
            Issue.record("a batch got \(String(describing: batch))")
            return
        }
        #expect(replies.count == 3)
        #expect(replies[0]["id"] == .number(1))
        #expect(replies[1].errorCode == -32601)
        #expect(replies[2].errorCode == -32600)
        #expect(harness.send(#"[{"jsonrpc":"2.0","method":"ping"}]"#, session) == nil)
    }

    @Test func aFailedWriteChangesNothing() throws {
        let (session, _) = harness.session()
        let before = try harness.service.registry.counts()
        let reply = harness.call(
            "needs.register", #"{"province":"Cao Bangg","title":"x","sectors":"helth:3","fundingGapUSD":-1}"#,
            on: session)
        #expect(reply?.errorCode == -32010)
        guard case .array(let records)? = reply?["error"]?["data"]?["records"] else {
            Issue.record("a validation error without its records: \(String(describing: reply))")
            return
        }
        #expect(records.count == 1)
        #expect(try harness.service.registry.counts() == before)
    }

    @Test func injectedTextIsStoredVerbatim() throws {
        let (session, _) = harness.session()
        let title = #"Robert'); DROP TABLE need;-- <script>alert(1)</script> \u001b[31mred"#
        let reply = harness.call(
            "needs.register",
            #"{"province":"Huế","title":"\#(title)","sectors":"health:3","fundingGapUSD":1000,"timeframe":{"start":"2026-01-01","end":"2026-12-31"}}"#,
            on: session)
        let id = try #require(reply?["result"]?["id"]?.string)
        let stored = harness.call("needs.get", #"{"id":"\#(id)"}"#, on: session)
        #expect(
            stored?["result"]?["title"]?.string
                == "Robert'); DROP TABLE need;-- <script>alert(1)</script> \u{1b}[31mred")
        #expect(try harness.service.registry.counts().needs > 0)
    }
}
