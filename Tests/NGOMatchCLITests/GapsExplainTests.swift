import Foundation
import NGOMatchCore
import Testing

/// `gaps --explain`: why the weakest needs are weak, judged against the rankings themselves:
/// the NGOs `suggest --show-excluded` keeps out of each need, and the filter most of them fail.
@Suite(.timeLimit(.minutes(10)))
struct GapsExplainTests {
    @Test func theWhyIsWhatTheRankingKeepsOut() throws {
        let cli = try CLI()
        let gaps = try cli.run("gaps", "--threshold", "60", "--explain", "3", "--format", "json")
        #expect(gaps.status == 0, "\(gaps.stderr)")
        let weak = try JSONParser.parse(gaps.stdout.trimmingCharacters(in: .whitespacesAndNewlines))["weakNeeds"]
        guard case .array(let needs)? = weak else {
            Issue.record("no weak needs in \(gaps.stdout)")
            return
        }
        let explained = needs.filter { $0["excluded"] != nil }
        #expect(explained.count == min(3, needs.count) && !explained.isEmpty)
        for need in explained {
            guard case .string(let id)? = need["need"], case .number(let excluded)? = need["excluded"] else {
                Issue.record("\(need)")
                continue
            }
            let ranking = try cli.run(
                "suggest", "--need", id, "--show-excluded", "--limit", "1000", "--format", "json")
            let list = try JSONParser.parse(ranking.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            guard case .array(let lists)? = list["suggestions"], case .array(let kept)? = lists.first?["excluded"]
            else {
                Issue.record("no ranking for \(id)")
                continue
            }
            #expect(Int(excluded) == kept.count, "\(id): the NGOs kept out")
            var counts: [String: Int] = [:]
            var reasons: [String: Set<String>] = [:]
            for entry in kept {
                guard case .array(let failed)? = entry["failedFilters"] else { continue }
                for failure in failed {
                    guard case .string(let filter)? = failure["filter"], case .string(let reason)? = failure["reason"]
                    else { continue }
                    counts[filter, default: 0] += 1
                    reasons[filter, default: []].insert(reason)
                }
            }
            let commonest = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key
            if let commonest, case .string(let said)? = need["commonestExclusion"] {
                #expect(
                    reasons[commonest]?.contains(said) == true, "\(id): '\(said)' is not why most fail \(commonest)")
            } else {
                #expect(commonest == nil && need["commonestExclusion"] == nil, "\(id)")
            }
        }
    }
}
