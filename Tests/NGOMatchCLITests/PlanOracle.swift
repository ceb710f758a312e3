import Foundation
import ScheduleOracle
import Testing

/// Holds a plan a door printed to the independent checker, with the event read from its own file.
///
/// An event without scores of its own is scored from the registry: a province's score with an
/// NGO is its best open need's score for that NGO, as the rankings show it, divided by 100
/// (README, "Scores"). Those need scores are taken from `discover`, the ranking door; the
/// ranking itself is judged by its own fixture (fixtures/scoring/expected-rankings.yaml).
enum PlanOracle {
    /// - Parameters:
    ///   - names: what a name the event file uses stands for in the registry; ids stand for themselves.
    static func problems(
        plan: [String: Any], eventFile: String, cli: CLI, names: [String: String] = [:]
    ) throws -> [String] {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: eventFile))) as? [String: Any])
        let name = { (written: String) in names[written] ?? written }
        var scores: [OracleEvent.Pair: Double]? = nil
        if json["scores"] == nil {
            scores = try registryScores(json, name: name, cli: cli)
        }
        let event = try OracleEvent(json: json, name: name, scores: scores)
        return ScheduleChecker.problems(try OracleSchedule(json: plan), event: event)
    }

    static func problems(planText: String, eventFile: String, cli: CLI, names: [String: String] = [:]) throws
        -> [String]
    {
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(planText.utf8)) as? [String: Any])
        return try problems(plan: plan, eventFile: eventFile, cli: cli, names: names)
    }

    private static func registryScores(_ json: [String: Any], name: (String) -> String, cli: CLI) throws
        -> [OracleEvent.Pair: Double]
    {
        let provinces = Set((json["provinces"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }.map(name))
        let ngos = (json["ngos"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }.map(name)
        let rules = json["rules"] as? String ?? "default"
        var best: [OracleEvent.Pair: Double] = [:]
        for ngo in ngos {
            let ranked = try cli.run("discover", "--ngo", ngo, "--rules", rules, "--limit", "1000", "--format", "json")
            #expect(ranked.status == 0, "\(ranked.stderr)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(ranked.stdout.utf8)) as? [String: Any])
            let entries = object["ranked"] as? [[String: Any]] ?? []
            #expect(entries.count < 1000, "the ranking was cut short: a pair's best need may be missing")
            for entry in entries {
                guard let province = entry["province"] as? String, provinces.contains(province),
                    let score = (entry["score"] as? NSNumber)?.doubleValue
                else { continue }
                let pair = OracleEvent.Pair(province, ngo)
                best[pair] = max(best[pair] ?? 0, score / 100)
            }
        }
        return best
    }
}
