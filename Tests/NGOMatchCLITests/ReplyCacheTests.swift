import Foundation
import NGOMatchService
import Testing

/// Read results are kept per registry revision. A kept result must never hide a
/// change: one made through the server is seen by the very next read, one made by
/// another process (the CLI on the same file) by the first read once the server's trust in
/// the revision it last read (`MatchService.revisionTrust`, 2 ms) has run out.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ReplyCacheTests {
    private func title(_ reply: [String: Any]) -> String? {
        let suggestions = (reply["result"] as? [String: Any])?["suggestions"] as? [[String: Any]]
        return suggestions?.first?["title"] as? String
    }

    @Test func aChangeThroughTheServerIsSeenByTheNextRead() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let server = try ServerProcess(cli: cli)
        defer { _ = server.stop() }
        let reader = try LineClient(port: server.port)
        let writer = try LineClient(port: server.port)
        let suggest = #"{"need":"cao-bang-1"}"#
        let before = try reader.call("match.suggest", suggest)
        #expect(try reader.call("match.suggest", suggest, id: 2)["result"] != nil)
        for round in 1...20 {
            let renamed = "Renamed \(round)"
            let update = try writer.call("needs.update", #"{"id":"cao-bang-1","title":"\#(renamed)"}"#, id: round)
            #expect(update["result"] != nil, "\(update)")
            #expect(title(try reader.call("match.suggest", suggest, id: round)) == renamed)
            let need = try reader.call("needs.get", #"{"id":"cao-bang-1"}"#, id: round)
            #expect((need["result"] as? [String: Any])?["title"] as? String == renamed)
        }
        #expect(title(before) != "Renamed 20")
    }

    @Test func aChangeByAnotherProcessIsSeenWithinMoments() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let server = try ServerProcess(cli: cli)
        defer { _ = server.stop() }
        let reader = try LineClient(port: server.port)
        let suggest = #"{"need":"cao-bang-1"}"#
        for round in 1...3 {
            // Kept in the cache first, then changed behind the server's back.
            _ = try reader.call("match.suggest", suggest)
            let title = "Changed by the CLI \(round)"
            let result = try cli.run("needs", "update", "cao-bang-1", "--title", title)
            #expect(result.status == 0, "\(result.stderr)")
            // The server trusts the revision it last read for `revisionTrust`; the first read once
            // that has passed since the commit must see it. A slow machine only makes it later.
            let trust = MatchService.revisionTrust / .microseconds(1)
            usleep(UInt32(trust.rounded(.up)))
            #expect(self.title(try reader.call("match.suggest", suggest)) == title, "round \(round)")
        }
    }

    @Test func differentParametersAreDifferentAnswers() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let server = try ServerProcess(cli: cli)
        defer { _ = server.stop() }
        let client = try LineClient(port: server.port)
        func ranked(_ params: String) throws -> [[String: Any]] {
            let reply = try client.call("match.suggest", params)
            let lists = (reply["result"] as? [String: Any])?["suggestions"] as? [[String: Any]]
            return lists?.first?["ranked"] as? [[String: Any]] ?? []
        }
        for _ in 0..<2 {
            #expect(try ranked(#"{"need":"cao-bang-1","limit":2}"#).count == 2)
            #expect(try ranked(#"{"need":"cao-bang-1","limit":3}"#).count == 3)
            #expect(try ranked(#"{"limit":3,"need":"cao-bang-1"}"#).count == 3)
            let english = try ranked(#"{"need":"cao-bang-1","limit":1,"lang":"en"}"#).first?["reasons"]
            let vietnamese = try ranked(#"{"need":"cao-bang-1","limit":1,"lang":"vi"}"#).first?["reasons"]
            #expect("\(english ?? "")" != "\(vietnamese ?? "")")
        }
        let bad = try client.call("match.suggest", #"{"need":"cao-bang-1","limit":0}"#)
        #expect((bad["error"] as? [String: Any])?["code"] as? Int == -32602)
    }
}
