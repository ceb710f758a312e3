import NGOMatchCore
import NGOMatchPlanner

/// The master grid as table rows: one row a slot, one cell a table, each meeting with its
/// number, both parties and the strongest reason it was proposed, so an organiser can
/// question a meeting without opening anything.
enum MasterGrid {
    static func rows(_ book: AgendaBook) -> String {
        let tables = book.grid.header.count - 1
        let bySlot = Dictionary(grouping: book.report.meetings, by: \.slot)
        var rows = HTMLRows()
        for slot in 0..<book.event.slots {
            var cells = [HTMLRows.Cell](repeating: .text(""), count: tables)
            for meeting in bySlot[slot] ?? [] where meeting.table < tables {
                let number = meeting.number.map { "\($0). " } ?? ""
                var markup = HTMLText.escape("\(number)\(meeting.provinceName) — \(meeting.ngoName)")
                if let reason = meeting.reasons.first {
                    markup += "<br><small class=\"why\">\(HTMLText.escape(reason))</small>"
                }
                cells[meeting.table] = .html(markup)
            }
            rows.row([.text(book.event.slotLabel(slot))] + cells)
        }
        return rows.html
    }
}
