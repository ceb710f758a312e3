import NGOMatchCore

/// Self-contained HTML pages (no scripts, no outside files) that print well:
/// the master grid followed by every agenda, one per printed page, or one agenda alone.
package enum HTMLAgenda {
    package static func master(_ book: AgendaBook) -> String {
        let report = book.report
        var body = ["<h1>\(escape(book.event.name))</h1>"]
        var facts: [String] = []
        if let date = book.date { facts.append(date) }
        facts.append(Messages.counted("agenda.meetings", book.language, report.meetingCount))
        facts.append(
            book.say(
                "agenda.totalOfAtMost", book.score(report.totalScore), book.score(report.upperBound),
                book.percent(report.quality)))
        body.append("<p>\(escape(facts.joined(separator: " · ")))</p>")
        let grid = book.grid
        body.append("<table class=\"grid\"><thead><tr>")
        body.append(grid.header.map { "<th>\(escape($0))</th>" }.joined())
        body.append("</tr></thead><tbody>")
        for row in grid.rows {
            body.append(
                "<tr><th>\(escape(row[0]))</th>" + row.dropFirst().map { "<td>\(escape($0))</td>" }.joined() + "</tr>")
        }
        body.append("</tbody></table>")
        if report.participants.hasMinimums {
            body.append("<p>\(escape(report.minimums.message(in: book.language)))</p>")
        }
        if !report.conflicts.isEmpty {
            body.append("<h2>\(escape(book.say("agenda.conflicts")))</h2><ul>")
            body += report.conflicts.map { "<li>\(escape($0.message))</li>" }
            body.append("</ul>")
        }
        for agenda in book.everyone where !agenda.meetings.isEmpty {
            body.append("<section class=\"agenda\">" + section(agenda, book) + "</section>")
        }
        return page(title: book.event.name, body: body, language: book.language)
    }

    package static func agenda(_ agenda: AgendaBook.Agenda, in book: AgendaBook) -> String {
        page(title: "\(agenda.name) — \(book.event.name)", body: [section(agenda, book)], language: book.language)
    }

    private static func section(_ agenda: AgendaBook.Agenda, _ book: AgendaBook) -> String {
        var html = "<h2>\(escape(agenda.name))</h2><p>\(escape(MarkdownAgenda.summary(agenda, book)))</p>"
        guard !agenda.meetings.isEmpty else { return html + "<p>\(escape(book.say("agenda.none")))</p>" }
        let headings = ["agenda.time", "agenda.table", "agenda.meets", "agenda.score", "agenda.why"]
        html +=
            "<table><thead><tr>" + headings.map { "<th>\(escape(book.say($0)))</th>" }.joined() + "</tr></thead><tbody>"
        for meeting in agenda.meetings {
            let reasons = meeting.reasons.prefix(3).map { "<li>\(escape($0))</li>" }.joined()
            html +=
                "<tr><td>\(escape(book.event.slotLabel(meeting.slot)))</td><td>\(escape(meeting.tableLabel))</td>"
                + "<td>\(escape(agenda.meets(meeting, book.language)))</td><td>\(book.score(meeting.score))</td>"
                + "<td><ul>\(reasons)</ul></td></tr>"
        }
        return html + "</tbody></table>"
    }

    private static func page(title: String, body: [String], language: Language) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 2em; color: #111; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #999; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td ul { margin: 0; padding-left: 1.2em; }
        .grid td { font-size: 0.85em; }
        .agenda { page-break-before: always; }
        </style></head><body>
        \(body.joined(separator: "\n"))
        </body></html>

        """
    }

    /// Names and free text are shown as text, never run as markup.
    package static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in PlainText.clean(text).unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
