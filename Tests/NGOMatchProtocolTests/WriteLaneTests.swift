import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import Testing

/// Which messages a server runs in its lane of quick writes (`TCPServer.writes`): writes that
/// would otherwise wait behind every queued read, but not one that plans an event for seconds
/// and would hold up every participant's answer behind it.
@Suite(.timeLimit(.minutes(10))) struct WriteLaneTests {
    private func message(_ line: String) throws -> JSONParser.Message {
        try JSONParser.parseMessage(Array(line.utf8), maximumDepth: 64)
    }

    @Test func quickWritesGoToTheWriteLaneAndNothingElseDoes() throws {
        let harness = try Harness()
        func lane(_ method: String) throws -> Bool {
            try harness.dispatcher.isQuickWrite(
                message(#"{"jsonrpc":"2.0","id":1,"method":"\#(method)","params":{}}"#))
        }
        for write in ["needs.update", "needs.register", "ngos.update", "partnerships.record", "events.availability"] {
            #expect(try lane(write), "\(write)")
        }
        for other in ["match.suggest", "needs.get", "gaps.report", "pairing.plan", "ping", "no.such.method"] {
            #expect(try !lane(other), "\(other)")
        }
        // Writes that compute at length before they write run beside the reads.
        #expect(try !lane("events.plan"))
        #expect(try !lane("events.import"))
        #expect(try !lane("iati.import"))
        // A batch or a message without a method is dispatched as before, in the pool.
        #expect(try !harness.dispatcher.isQuickWrite(message(#"[{"jsonrpc":"2.0","id":1,"method":"needs.update"}]"#)))
        #expect(try !harness.dispatcher.isQuickWrite(message(#"{"jsonrpc":"2.0","id":1}"#)))
    }

    @Test func everyWriteButTheLengthyOnesIsQuick() {
        for method in OperationTable.all {
            #expect(
                method.isQuickWrite
                    == (method.isWrite && !["events.plan", "events.import", "iati.import"].contains(method.name)))
        }
    }
}
