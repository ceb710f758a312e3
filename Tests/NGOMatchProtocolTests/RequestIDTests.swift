import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import Testing

/// A JSON-RPC client matches a reply to its request by id: the id must come back as sent.
@Suite(.timeLimit(.minutes(10)))
struct RequestIDTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    /// The reply's raw text, which a `Double` round trip would hide.
    func rawReply(_ line: String) -> String? {
        let (session, _) = harness.session()
        return harness.dispatcher.handle(.line(Array(line.utf8)), session: session).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    @Test(arguments: [
        "1", "0", "-1", "1000000000000000", "9007199254740993", "9223372036854775809",
        "-9223372036854775809", "123456789012345678901234567890", "1.5", "1e3", "1E+3", "-0", "0.000001",
        "2.50", "1e-7",
    ])
    func aNumberIdComesBackInTheTextItWasSentIn(id: String) throws {
        let reply = try #require(rawReply(#"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"#))
        #expect(reply.hasPrefix(#"{"jsonrpc":"2.0","id":\#(id),"result":"#), "\(reply)")
        // An error reply carries it the same way.
        let error = try #require(rawReply(#"{"jsonrpc":"2.0","id":\#(id),"method":"no.such"}"#))
        #expect(error.hasPrefix(#"{"jsonrpc":"2.0","id":\#(id),"error":"#), "\(error)")
    }

    @Test(arguments: [#""abc""#, #""""#, #""ü\u0000\"""#, "null"])
    func stringAndNullIdsComeBackEqual(id: String) throws {
        let reply = try #require(rawReply(#"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"#))
        let parsed = try JSONParser.parse(reply)
        #expect(parsed["id"] == (try JSONParser.parse(id)))
    }

    @Test func eachIdOfABatchComesBackWithItsOwnReply() throws {
        let batch =
            #"[{"jsonrpc":"2.0","id":9007199254740993,"method":"ping"},{"jsonrpc":"2.0","method":"ping"},"#
            + #"{"jsonrpc":"2.0","id":"s","method":"ping"},7,{"jsonrpc":"2.0","id":1e400,"method":"ping"}]"#
        // 1e400 is out of range for any reader: the whole line is a parse error, as JSON says.
        #expect(rawReply(batch)?.contains("-32700") == true)
        let good =
            #"[{"jsonrpc":"2.0","id":9007199254740993,"method":"ping"},{"jsonrpc":"2.0","method":"ping"},"#
            + #"{"jsonrpc":"2.0","id":"s","method":"ping"},7,{"jsonrpc":"2.0","id":12345678901234567890,"method":"x"}]"#
        let reply = try #require(rawReply(good))
        #expect(reply.contains(#""id":9007199254740993,"result""#))
        #expect(reply.contains(#""id":"s","result""#))
        #expect(reply.contains(#""id":null,"error""#))
        #expect(reply.contains(#""id":12345678901234567890,"error""#))
    }

    @Test func anIdGivenTwiceIsTheLastOne() throws {
        let reply = try #require(rawReply(#"{"jsonrpc":"2.0","id":1.0,"method":"ping","id":"two"}"#))
        #expect(reply.hasPrefix(#"{"jsonrpc":"2.0","id":"two","#))
    }

    @Test func nullParamsAreRefusedWithTheReason() throws {
        let (session, _) = harness.session()
        let reply = harness.send(#"{"jsonrpc":"2.0","id":3,"method":"sectors.list","params":null}"#, session)
        #expect(reply?.errorCode == -32600)
        #expect(reply?.errorMessage?.contains("'params' is null") == true)
        #expect(reply?["id"] == .number(3))
        // Leaving params out is fine.
        #expect(harness.send(#"{"jsonrpc":"2.0","id":4,"method":"sectors.list"}"#, session)?["result"] != nil)
    }
}
