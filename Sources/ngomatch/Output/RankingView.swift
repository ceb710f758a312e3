import NGOMatchCore

/// Ranked candidates as tables and CSV.
enum RankingView {
    static func table(
        _ reports: [AssessmentReport], counterpart: KeyPath<AssessmentReport, String>,
        id: KeyPath<AssessmentReport, String>, language: Language
    ) -> String {
        // Asked with --explain summary or none: no words to show, so no column for them.
        let says = reports.allSatisfy { $0.detail == .full }
        var table = Table(
            (["cli.rank", "cli.score", "cli.id", "cli.name"] + (says ? ["cli.why"] : [])).map {
                Messages.text($0, language)
            })
        for (rank, report) in reports.enumerated() {
            table.add(
                [
                    "\(rank + 1)", LocalFormat.decimal(report.score, language), report[keyPath: id],
                    report[keyPath: counterpart],
                ] + (says ? [report.reasons.joined(separator: "; ")] : []))
        }
        return table.render()
    }

    static func excludedTable(
        _ reports: [AssessmentReport], counterpart: KeyPath<AssessmentReport, String>,
        id: KeyPath<AssessmentReport, String>, language: Language
    ) -> String {
        var table = Table(
            ["cli.score", "cli.id", "cli.name", "cli.removedBy", "cli.wouldChange"].map { Messages.text($0, language) })
        for report in reports {
            table.add([
                LocalFormat.decimal(report.score, language), report[keyPath: id], report[keyPath: counterpart],
                report.failedFilters.map { $0.reason.isEmpty ? $0.filter.rawValue : $0.reason }.joined(separator: "; "),
                report.failedFilters.compactMap(\.remedy).joined(separator: "; "),
            ])
        }
        return table.render()
    }

    static let csvHeader = CSVTable.line(["need", "ngo", "ngoName", "score", "excluded", "reasons", "failedFilters"])

    static func csvLine(_ report: AssessmentReport) -> String {
        CSVTable.line([
            report.need.rawValue, report.ngo.rawValue, report.ngoName, Explanation.points(report.score),
            report.excluded ? "true" : "false", ListCell.join(report.reasons),
            ListCell.join(report.failedFilters.map(\.filter.rawValue)),
        ])
    }
}

extension AssessmentReport {
    var ngoID: String { ngo.rawValue }
    var needID: String { need.rawValue }
}
