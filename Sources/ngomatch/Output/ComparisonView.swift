import Foundation
import NGOMatchCore
import NGOMatchService

/// A ranking under two rule sets, for a terminal and for spreadsheets.
enum ComparisonView {
    /// Two lines a candidate, so it reads at 80 columns: standing and name, then what changed.
    static func table(_ result: CompareResult) -> String {
        result.comparisons.map { comparison in
            var text = "\(comparison.subject) — \(comparison.subjectName)\n\(comparison.before) → \(comparison.after)\n"
            guard !comparison.rows.isEmpty else {
                return text + "  no candidate passes the filters under either rule set"
            }
            let columns = comparison.rows.map { row in
                ["\(rank(row.before))→\(rank(row.after))", "\(score(row.before))→\(score(row.after))", move(row)]
            }
            let widths = (0..<3).map { column in
                max(["rank", "score", "move"][column].count, columns.map { $0[column].count }.max() ?? 0)
            }
            func line(_ cells: [String]) -> String {
                zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
            }
            let indent = String(repeating: " ", count: widths.reduce(0, +) + 6)
            text += line(["rank", "score", "move"]) + "  name (id)\n"
            for (row, cells) in zip(comparison.rows, columns) {
                text += line(cells) + "  " + Table.clean("\(row.name) (\(row.id))") + "\n"
                if !row.factors.isEmpty {
                    text +=
                        indent + row.factors.map { "\($0.factor) \(signed($0.change))" }.joined(separator: ", ") + "\n"
                }
            }
            let moves = comparison.biggestMoves
            if !moves.isEmpty {
                text +=
                    "Largest moves:\n"
                    + moves.map { row in
                        let why = row.factors.first.map { ", mostly \($0.name) \(signed($0.change)) points" } ?? ""
                        return "  " + Table.clean(row.name) + " \(moveInWords(row))\(why)"
                    }.joined(separator: "\n")
            }
            return text.trimmingCharacters(in: .newlines)
        }.joined(separator: "\n\n")
    }

    private static func moveInWords(_ row: RankingComparison.Row) -> String {
        switch row.move {
        case nil: row.after?.rank == nil ? "drops out of the ranking" : "enters the ranking"
        case let places?: places > 0 ? "rises \(places)" : "falls \(-places)"
        }
    }

    static let csvHeader = CSVTable.line([
        "subject", "candidate", "name", "rankBefore", "rankAfter", "scoreBefore", "scoreAfter", "move", "factors",
    ])

    static func csv(_ result: CompareResult) -> [String] {
        [csvHeader]
            + result.comparisons.flatMap { comparison in
                comparison.rows.map { row in
                    CSVTable.line([
                        comparison.subject, row.id, row.name, row.before?.rank.map(String.init) ?? "",
                        row.after?.rank.map(String.init) ?? "", row.before.map { Explanation.points($0.score) } ?? "",
                        row.after.map { Explanation.points($0.score) } ?? "", row.move.map(String.init) ?? "",
                        ListCell.join(row.factors.map { "\($0.factor):\(signed($0.change))" }),
                    ])
                }
            }
    }

    private static func rank(_ standing: RankingComparison.Standing?) -> String {
        guard let standing else { return "–" }
        return standing.rank.map(String.init) ?? "out"
    }

    private static func score(_ standing: RankingComparison.Standing?) -> String {
        standing.map { Explanation.points($0.score) } ?? "–"
    }

    private static func move(_ row: RankingComparison.Row) -> String {
        switch row.move {
        case nil: row.after?.rank == nil ? "left" : "new"
        case 0?: "="
        case let places?: places > 0 ? "↑\(places)" : "↓\(-places)"
        }
    }

    private static func signed(_ value: Double) -> String {
        (value > 0 ? "+" : value < 0 ? "−" : "") + Explanation.points(abs(value))
    }
}
