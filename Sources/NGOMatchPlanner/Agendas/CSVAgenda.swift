import NGOMatchCore

/// Agendas and the plan as CSV, for spreadsheets.
package enum CSVAgenda {
    package static func agenda(_ agenda: AgendaBook.Agenda, in book: AgendaBook) -> String {
        var lines = [CSVTable.line(["time", "slot", "table", "meets", "meets_id", "score", "why"])]
        for meeting in agenda.meetings {
            lines.append(
                CSVTable.line(
                    [
                        book.event.slotLabel(meeting.slot), "\(meeting.slot)", meeting.tableLabel,
                        agenda.counterpart(meeting), agenda.side == .province ? meeting.ngo : meeting.province,
                        MarkdownAgenda.score(meeting.score), ListCell.join(meeting.reasons),
                    ].map(safe)))
        }
        return lines.map { $0 + CSVTable.lineEnd }.joined()
    }

    /// Every meeting, one per row.
    package static func master(_ book: AgendaBook) -> String {
        var lines = [
            CSVTable.line([
                "slot", "time", "table", "table_label", "province", "province_name", "ngo", "ngo_name", "score",
                "value",
                "must_meet", "wish", "why",
            ])
        ]
        for meeting in book.report.meetings {
            lines.append(
                CSVTable.line(
                    [
                        "\(meeting.slot)", meeting.time, "\(meeting.table)", meeting.tableLabel, meeting.province,
                        meeting.provinceName, meeting.ngo, meeting.ngoName, MarkdownAgenda.score(meeting.score),
                        MarkdownAgenda.score(meeting.value), meeting.mustMeet ? "yes" : "",
                        meeting.wish?.rawValue ?? "",
                        ListCell.join(meeting.reasons),
                    ].map(safe)))
        }
        return lines.map { $0 + CSVTable.lineEnd }.joined()
    }

    /// No control characters: agendas are read by people. `CSVTable.line` keeps formulas from running.
    static func safe(_ text: String) -> String { PlainText.clean(text) }
}
