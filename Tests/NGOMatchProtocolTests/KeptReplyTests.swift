import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore
import Testing

/// A write drops the kept replies it could change and keeps the others (issue 18); a kept
/// reply is never staler than an answer computed afresh.
@Suite(.timeLimit(.minutes(10)))
struct KeptReplyTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    static let newNeed =
        #"{"province":"An Giang","title":"Flood shelters","sectors":[{"sector":"water.drinking-water","priority":5}],"fundingGapUSD":1000,"timeframe":{"start":"2027-01-01","end":"2027-12-31"}}"#

    @Test func aWriteDropsOnlyTheRepliesItCouldChange() throws {
        let (session, _) = harness.session()
        let reads = [
            ("match.suggest", #"{"need":"cao-bang-1"}"#), ("match.suggest", #"{"need":"dong-nai-1"}"#),
            ("needs.get", #"{"id":"cao-bang-1"}"#), ("sectors.list", "{}"), ("gaps.report", "{}"),
        ]
        func readAll() {
            for (method, params) in reads { #expect(harness.call(method, params, on: session)?["result"] != nil) }
        }
        readAll()
        #expect(harness.dispatcher.keptReplyCount == 5)
        // A new need in another province: the other needs' rankings stand; the gaps report goes.
        let added = harness.call("needs.register", Self.newNeed, on: session)
        let id = try #require(added?["result"]?["id"]?.string, "\(String(describing: added))")
        _ = harness.call("match.suggest", #"{"need":"cao-bang-1"}"#, on: session)
        #expect(harness.dispatcher.keptReplyCount == 4, "suggest ×2, needs.get and sectors.list kept")
        _ = harness.call("needs.update", #"{"id":"\#(id)","fundingGapUSD":2000}"#, on: session)
        _ = harness.call("sectors.list", on: session)
        #expect(harness.dispatcher.keptReplyCount == 4)
        // An NGO's change reaches every ranking, not the needs' records.
        _ = harness.call("ngos.update", #"{"ngo":"WWF","capacity":7}"#, on: session)
        _ = harness.call("sectors.list", on: session)
        #expect(harness.dispatcher.keptReplyCount == 2, "needs.get and sectors.list kept")
        // The need itself changed: its record and ranking go.
        readAll()
        _ = harness.call("needs.update", #"{"id":"cao-bang-1","fundingGapUSD":12345}"#, on: session)
        _ = harness.call("sectors.list", on: session)
        #expect(harness.dispatcher.keptReplyCount == 2, "dong-nai-1's ranking and sectors.list kept")
    }

    /// A need moved to another province carries its completed partnerships' track record with
    /// it: other needs' rankings there change though neither they nor any NGO did.
    @Test func aNeedWithACompletedPartnershipMovesTrackRecord() throws {
        let (session, _) = harness.session()
        func trackRecord() -> String? {
            let reply = harness.call("match.explain", #"{"need":"cao-bang-1","ngo":"MCNV"}"#, on: session)
            return reply?["result"]?["report"]?["factors"]?.items.first { $0["factor"]?.string == "trackRecord" }?[
                "explanation"]?.string
        }
        let recorded = harness.call(
            "partnerships.record", #"{"need":"dong-nai-1","ngo":"MCNV","status":"completed"}"#, on: session)
        #expect(recorded?["result"] != nil, "\(String(describing: recorded))")
        let before = try #require(trackRecord())
        let moved = harness.call("needs.update", #"{"id":"dong-nai-1","province":"Cao Bằng"}"#, on: session)
        #expect(moved?["result"] != nil, "\(String(describing: moved))")
        let after = try #require(trackRecord())
        #expect(before != after, "the completed partnership now counts in Cao Bằng: \(after)")
    }

    /// Random writes between reads: every read through the server's kept replies equals the
    /// same read by a server with nothing kept, on the same file.
    @Test(arguments: [5, 17])
    func keptRepliesAreNeverStale(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let (session, _) = harness.session()
        let needs = (harness.call("needs.list", on: session)?["result"]?["items"]?.items ?? []).compactMap {
            $0["id"]?.string
        }
        let ngos = (harness.call("ngos.list", on: session)?["result"]?["items"]?.items ?? []).compactMap {
            $0["id"]?.string
        }
        #expect(needs.count > 10 && ngos.count > 10)
        let asked = Array(needs.shuffled(using: &random).prefix(6))
        var reads: [(String, String)] = asked.map { ("match.suggest", #"{"need":"\#($0)","limit":5}"#) }
        reads += asked.prefix(3).map { ("match.explain", #"{"need":"\#($0)","ngo":"\#(ngos[0])"}"#) }
        reads += asked.prefix(3).map { ("needs.get", #"{"id":"\#($0)"}"#) }
        reads += [
            ("ngos.get", #"{"ngo":"\#(ngos[1])"}"#), ("rules.list", "{}"), ("sectors.list", "{}"),
            ("match.suggest", #"{"need":"\#(asked[0])","rules":"meeting-day"}"#),
            ("match.discover", #"{"ngo":"\#(ngos[2])","limit":5}"#),
        ]
        let statuses = ["proposed", "agreed", "active", "completed", "declined"]
        for step in 0..<30 {
            let need = needs.randomElement(using: &random)!
            let ngo = ngos.randomElement(using: &random)!
            let write: (String, String) =
                switch Int.random(in: 0..<6, using: &random) {
                case 0: ("needs.update", #"{"id":"\#(need)","fundingGapUSD":\#(1000 * (step + 1))}"#)
                case 1: ("needs.update", #"{"id":"\#(need)","sectors":"education:4; health.primary-care:2"}"#)
                case 2: ("ngos.update", #"{"ngo":"\#(ngo)","capacity":\#(Int.random(in: 1...9, using: &random))}"#)
                case 3:
                    (
                        "partnerships.record",
                        #"{"need":"\#(need)","ngo":"\#(ngo)","status":"\#(statuses.randomElement(using: &random)!)"}"#
                    )
                case 4: ("needs.register", Self.newNeed)
                default:
                    (
                        "rules.add",
                        #"{"name":"meeting-day","text":"name: meeting-day\nminimumScore: \#(step)\nfactors:\n  sectorFit:\n    weight: 60\n  underservedProvince:\n    weight: 40\n"}"#
                    )
                }
            let written = harness.call(write.0, write.1, on: session)
            #expect(written?["result"] != nil, "\(write) → \(String(describing: written))")
            let fresh = Dispatcher(service: MatchService(registry: harness.service.registry))
            let (freshSession, _) = harness.session()
            for (method, params) in reads {
                let line = Array(#"{"jsonrpc":"2.0","id":1,"method":"\#(method)","params":\#(params)}"#.utf8)
                // Compared as values: rule weights are a dictionary, encoded in no fixed order.
                let kept = harness.dispatcher.handle(.line(line), session: session).flatMap {
                    try? JSONDecoder().decode(JSONValue.self, from: $0)
                }
                let computed = fresh.handle(.line(line), session: freshSession).flatMap {
                    try? JSONDecoder().decode(JSONValue.self, from: $0)
                }
                #expect(kept != nil && kept == computed, "step \(step) after \(write.0): \(method) \(params) differs")
            }
        }
    }
}
