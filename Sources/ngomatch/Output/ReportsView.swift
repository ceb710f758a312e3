import NGOMatchCore
import NGOMatchService

/// Reporting duties as a terminal table.
enum ReportsView {
    static func list(_ list: ReportingList) -> String {
        let language = CommandLanguage.current
        var heading = [Messages.text("reportsLate", language, "\(list.late)")]
        if list.untrackedHidden > 0 {
            heading.append(
                Messages.text(
                    "reportsUntracked", language, LocalFormat.date(list.trackedSince, language),
                    "\(list.untrackedHidden)"))
        }
        return (heading + ["", list.duties.isEmpty ? Messages.text("reportsNone", language) : table(list.duties)])
            .joined(separator: "\n")
    }

    static func table(_ entries: [ReportingEntry]) -> String {
        let language = CommandLanguage.current
        var table = Table(keys: ["kind.NGO", "reportsReport", "reportsDue", "reportsState", "reportsFiled"])
        for entry in entries {
            let state = MatchService.reportState(entry, language)
            table.add([
                entry.ngoName, MatchService.reportName(entry.duty, provinceName: entry.provinceName, language),
                entry.duty.due.description,
                state,
                entry.duty.filedOn?.description ?? "",
            ])
        }
        return table.render()
    }
}
