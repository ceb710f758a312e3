import Foundation
import Testing

/// `suggest --province … --diversify` through the CLI, judged by the README's rule worked out
/// from the registry's own records: each list re-ranked by score × 0.85 per earlier appearance
/// in the same answer × (1 − 0.25 × the NGO's share of demand), ties by id, scores unchanged.
@Suite(.timeLimit(.minutes(10)))
struct DiversifyCLITests {
    static let limit = 3

    /// Demand, from the exported records and the provinces seed: over the open needs in the
    /// provinces the NGO's certificate covers (by any of their names, former ones included), the
    /// top-level sectors each shares with the NGO's own sectors.
    static func demand(_ cli: CLI) throws -> [String: Int] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let seed = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: root.appendingPathComponent("seeds/provinces.json")))
                as? [String: Any])
        var province: [String: String] = [:]
        for unit in seed["provinces"] as? [[String: Any]] ?? [] {
            let id = try #require(unit["id"] as? String)
            let names = [unit["nameVi"], unit["nameEn"]].compactMap { $0 as? String }
            for name in names + (unit["otherNames"] as? [String] ?? []) + (unit["mergedFrom"] as? [String] ?? []) {
                province[name] = id
            }
        }
        let records = try cli.run("export").stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        func tops(_ record: [String: Any]) -> Set<Substring> {
            Set(
                (record["sectors"] as? [[String: Any]] ?? []).compactMap {
                    ($0["sector"] as? String)?.split(separator: ".").first
                })
        }
        let openNeeds = records.filter {
            $0["type"] as? String == "need" && ($0["status"] as? String ?? "open") == "open"
        }
        var demand: [String: Int] = [:]
        for ngo in records where ngo["type"] as? String == "ngo" {
            let id = try #require(ngo["id"] as? String)
            let areas = ((ngo["registration"] as? [String: Any])?["areas"] as? [String] ?? []).map { province[$0] }
            #expect(!areas.contains(nil), "\(id): a certificate area that names no province")
            let covered = Set(areas.compactMap { $0 })
            demand[id] = openNeeds.filter { covered.contains($0["province"] as? String ?? "") }.reduce(0) {
                $0 + tops(ngo).intersection(tops($1)).count
            }
        }
        return demand
    }

    static func lists(_ cli: CLI, _ province: String, _ extra: String...) throws -> [[String: Any]] {
        let result = try cli.run(arguments: ["suggest", "--province", province, "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(object["suggestions"] as? [[String: Any]])
    }

    @Test func eachListIsReRankedByTheReadmesRule() throws {
        let cli = try CLI()
        let demand = try Self.demand(cli)
        let most = Double(try #require(demand.values.max()))
        var reordered = 0
        for province in ["Cao Bằng", "Tuyên Quang", "dong nai"] {
            reordered += try Self.check(cli, province, demand: demand, most: most)
        }
        #expect(reordered > 0, "the spreading changed no list: nothing was checked")
    }

    /// Checks one province's answer; how many of its lists the spreading reordered.
    static func check(_ cli: CLI, _ province: String, demand: [String: Int], most: Double) throws -> Int {
        let every = try Self.lists(cli, province, "--limit", "1000")
        let spread = try Self.lists(cli, province, "--limit", "\(Self.limit)", "--diversify")
        let plain = try Self.lists(cli, province, "--limit", "\(Self.limit)")
        #expect(every.count == spread.count && !spread.isEmpty)
        var appearances: [String: Int] = [:]
        var reordered = 0
        for (all, got) in zip(every, spread) {
            #expect(all["need"] as? String == got["need"] as? String)
            let candidates = try (all["ranked"] as? [[String: Any]] ?? []).map {
                (ngo: try #require($0["ngo"] as? String), score: try #require($0["score"] as? Double))
            }
            func key(_ ngo: String, _ score: Double) -> Double {
                score * pow(0.85, Double(appearances[ngo] ?? 0)) * (1 - 0.25 * Double(demand[ngo] ?? 0) / most)
            }
            let expected = candidates.sorted {
                (key($0.ngo, $0.score), $1.ngo) > (key($1.ngo, $1.score), $0.ngo)
            }.prefix(Self.limit)
            let shown = try (got["ranked"] as? [[String: Any]] ?? []).map {
                (ngo: try #require($0["ngo"] as? String), score: try #require($0["score"] as? Double))
            }
            #expect(shown.map(\.ngo) == expected.map(\.ngo), "\(got["need"] ?? "")")
            #expect(shown.map(\.score) == expected.map(\.score), "the displayed scores do not change")
            for ngo in shown.map(\.ngo) { appearances[ngo, default: 0] += 1 }
            let before = plain.first { $0["need"] as? String == got["need"] as? String }
            let plainOrder = (before?["ranked"] as? [[String: Any]] ?? []).compactMap { $0["ngo"] as? String }
            if plainOrder != shown.map(\.ngo) { reordered += 1 }
        }
        return reordered
    }
}
