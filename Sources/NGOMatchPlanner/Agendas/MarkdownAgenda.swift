import NGOMatchCore

/// Agendas and the master grid as Markdown, for printing or pasting into a message.
package enum MarkdownAgenda {
    package static func agenda(_ agenda: AgendaBook.Agenda, in book: AgendaBook) -> String {
        var lines = ["# \(cell(agenda.name)) — \(cell(book.event.name))", ""]
        lines.append(summary(agenda, book))
        lines.append("")
        guard !agenda.meetings.isEmpty else {
            return (lines + [book.say("agenda.none"), ""]).joined(separator: "\n")
        }
        lines.append(
            "| "
                + ["agenda.time", "agenda.table", "agenda.meets", "agenda.score", "agenda.why"].map { book.say($0) }
                .joined(separator: " | ") + " |")
        lines.append("|---|---|---|---|---|")
        for meeting in agenda.meetings {
            let why = meeting.reasons.prefix(3).joined(separator: "; ")
            lines.append(
                "| \(book.event.slotLabel(meeting.slot)) | \(cell(meeting.tableLabel)) "
                    + "| \(cell(agenda.meets(meeting, book.language))) | \(book.score(meeting.score)) | \(cell(why)) |")
        }
        return (lines + [""]).joined(separator: "\n")
    }

    package static func master(_ book: AgendaBook) -> String {
        let report = book.report
        var lines = ["# \(cell(book.event.name)) — \(book.say("agenda.allMeetings"))", ""]
        if let date = book.date { lines.append(book.say("agenda.date", date)) }
        lines.append(
            book.say(
                "agenda.masterSummary", report.meetingCount, book.score(report.totalScore),
                book.score(report.upperBound),
                book.percent(report.quality)))
        if report.participants.hasMinimums { lines += ["", cell(report.minimums.message(in: book.language))] }
        lines.append("")
        let grid = book.grid
        lines.append("| " + grid.header.map(cell).joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: "---|", count: grid.header.count))
        for row in grid.rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
        if !report.conflicts.isEmpty {
            lines += ["", "## " + book.say("agenda.conflicts"), ""]
            lines += report.conflicts.map { "- " + cell($0.message) }
        }
        if !report.waitlist.isEmpty {
            lines += ["", "## " + book.say("agenda.waitlist"), ""]
            lines += report.waitlist.map {
                "- \(cell($0.province)) — \(cell($0.ngo)) (\(book.score($0.score))): \(cell($0.reason))"
            }
        }
        return (lines + [""]).joined(separator: "\n")
    }

    static func summary(_ agenda: AgendaBook.Agenda, _ book: AgendaBook) -> String {
        var parts: [String] = []
        if let date = book.date { parts.append(date) }
        var meetings = Messages.counted("agenda.meetings", book.language, agenda.meetings.count)
        if agenda.minMeetings > 0 { meetings += book.say("agenda.minimum", agenda.minMeetings) }
        parts.append(meetings)
        return parts.joined(separator: " · ")
    }

    package static func score(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let digits = String(abs(thousandths) % 1000)
        return (thousandths < 0 ? "-" : "") + "\(abs(thousandths) / 1000)."
            + String(repeating: "0", count: 3 - digits.count) + digits
    }

    package static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded(.down))
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// A table cell's text: no control characters, and no `|` to break the table.
    static func cell(_ text: String) -> String {
        PlainText.clean(text).replacingAll("|", with: "\\|")
    }
}
