import Foundation
import NGOMatchCore
import NGOMatchStore

/// The pipeline's figures, for the ministry: per province, sector or NGO, how many pairs are at
/// each stage, the median days from one stage to the next, and the pairs that have stalled.
package struct PipelineFigures: Encodable, Sendable {
    package struct Group: Encodable, Sendable, Hashable {
        package let key: String
        package let name: String
        package let total: Int
        /// Pairs by stage id; stages with none are left out.
        package let byStage: [String: Int]
        package let stalled: Int
    }

    package struct Step: Encodable, Sendable, Hashable {
        package let from: String
        package let to: String
        package let pairs: Int
        package let medianDays: Double
    }

    package let by: String
    package let stages: [StageDefinition]
    package let groups: [Group]
    /// Across all pairs: how long each move forward took.
    package let steps: [Step]
    package let stalled: [PipelineEntry]
}

extension MatchService {
    package func pipelineFigures(_ params: PipelineFiguresParams, caller: Caller, now: Date = Date()) throws
        -> PipelineFigures
    {
        guard caller.seesEverything else {
            if caller.role == nil { throw ServiceError.unauthorized }
            throw ServiceError.forbidden(
                .key("forbidden.figures", PipelineFiguresOperation.name, caller.role?.description ?? "—"))
        }
        let by = params.by ?? "province"
        guard ["province", "sector", "ngo"].contains(by) else {
            throw ServiceError.invalidParams(field: "by", expected: .notOneOf(by, ["province", "sector", "ngo"]))
        }
        let checklist = try checklist()
        // One read of the pairs with their moves serves the groups and the medians.
        let pairs = try registry.pipelinePairs(moves: true)
        let entries = try entries(of: pairs, checklist: checklist, now: now)
        let needs =
            by == "sector"
            ? Dictionary(
                try registry.needs(ids: Set(pairs.map(\.need))).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            : [:]
        func group(_ entry: PipelineEntry) -> (String, String) {
            switch by {
            case "sector":
                let sector = needs[entry.need]?.sectors.min { $0.priority < $1.priority }?.sector
                return (sector?.rawValue ?? "—", sector.flatMap { reference.taxonomy[$0]?.name.en } ?? "—")
            case "ngo": return (entry.ngo.rawValue, entry.ngoName)
            default: return (entry.province.rawValue, entry.provinceName)
            }
        }
        var grouped: [String: (name: String, entries: [PipelineEntry])] = [:]
        for entry in entries {
            let (key, name) = group(entry)
            grouped[key, default: (name, [])].entries.append(entry)
        }
        let groups = grouped.map { key, value in
            PipelineFigures.Group(
                key: key, name: value.name, total: value.entries.count,
                byStage: Dictionary(grouping: value.entries, by: \.stage).mapValues(\.count),
                stalled: value.entries.filter(\.stalled).count)
        }.sorted { ($0.total, $1.name) > ($1.total, $0.name) }
        return PipelineFigures(
            by: by, stages: checklist.allStages, groups: groups,
            steps: stepDurations(pairs, checklist), stalled: entries.filter(\.stalled))
    }

    /// The median days each move forward took, over every pair's history.
    private func stepDurations(_ pairs: [PipelinePair], _ checklist: ApprovalChecklist) -> [PipelineFigures.Step] {
        var days: [String: [Double]] = [:]
        for pair in pairs {
            for (before, after) in zip(pair.moves, pair.moves.dropFirst()) {
                guard let from = checklist.order(before.stage), let to = checklist.order(after.stage), to > from,
                    let start = Registry.date(before.at), let end = Registry.date(after.at)
                else { continue }
                days["\(before.stage)\t\(after.stage)", default: []].append(end.timeIntervalSince(start) / 86400)
            }
        }
        return days.map { key, values in
            let parts = key.split(separator: "\t").map(String.init)
            let sorted = values.sorted()
            let middle = sorted.count / 2
            let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            return PipelineFigures.Step(
                from: parts[0], to: parts[1], pairs: values.count, medianDays: (median * 10).rounded() / 10)
        }.sorted {
            (checklist.order($0.from) ?? 0, checklist.order($0.to) ?? 0) < (
                checklist.order($1.from) ?? 0, checklist.order($1.to) ?? 0
            )
        }
    }
}

/// The figures and the pairs as CSV rows, the same from the CLI and the web.
extension PipelineFigures {
    package var csvRows: [[String]] {
        [[by, "name", "total"] + stages.map(\.id) + ["stalled"]]
            + groups.map { group in
                [group.key, group.name, "\(group.total)"] + stages.map { "\(group.byStage[$0.id] ?? 0)" }
                    + ["\(group.stalled)"]
            }
    }
}

extension PipelineEntry {
    package static func csvRows(_ entries: [PipelineEntry]) -> [[String]] {
        [["need", "title", "province", "ngo", "stage", "since", "days_at_stage", "stalled"]]
            + entries.map {
                [
                    $0.need.rawValue, $0.needTitle, $0.province.rawValue, $0.ngo.rawValue, $0.stage, $0.since,
                    "\($0.daysAtStage)", $0.stalled ? "yes" : "no",
                ]
            }
    }
}
