/// Agendas and the plan as CSV, for spreadsheets.
public enum CSVAgenda {
    public static func agenda(_ agenda: AgendaBook.Agenda, in book: AgendaBook) -> String {
        var lines = [CSVTable.line(["time", "slot", "table", "meets", "meets_id", "score", "why"])]
        for meeting in agenda.meetings {
            lines.append(
                CSVTable.line(
                    [
                        book.event.slotLabel(meeting.slot), "\(meeting.slot)", meeting.tableLabel,
                        agenda.counterpart(meeting), agenda.side == .province ? meeting.ngo : meeting.province,
                        MarkdownAgenda.score(meeting.score), meeting.reasons.joined(separator: "; "),
                    ].map(safe)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every meeting, one per row.
    public static func master(_ book: AgendaBook) -> String {
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
                        meeting.reasons.joined(separator: "; "),
                    ].map(safe)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// No control characters, and no leading `=`, `+`, `-` or `@` that a spreadsheet would run as a formula.
    static func safe(_ text: String) -> String {
        let clean = PlainText.clean(text)
        guard let first = clean.first, "=+-@".contains(first), Double(clean) == nil else { return clean }
        return "'" + clean
    }
}
