import NGOMatchCore

/// Every file an organiser hands out after a plan: the master grid, an agenda per participant
/// and a calendar per participant, with paths distinct per folder. The CLI writes them into a
/// folder, the web app into one zip.
package enum AgendaBundle {
    package enum Style: String, Sendable, CaseIterable {
        case md, csv, html

        func master(_ book: AgendaBook) -> String {
            switch self {
            case .md: MarkdownAgenda.master(book)
            case .csv: CSVAgenda.master(book)
            case .html: HTMLAgenda.master(book)
            }
        }

        func agenda(_ agenda: AgendaBook.Agenda, _ book: AgendaBook) -> String {
            switch self {
            case .md: MarkdownAgenda.agenda(agenda, in: book)
            case .csv: CSVAgenda.agenda(agenda, in: book)
            case .html: HTMLAgenda.agenda(agenda, in: book)
            }
        }
    }

    package struct File: Sendable, Hashable {
        /// Relative, with `/` between folders: `provinces/Cao-Bang.html`, `calendars/ngos/MCNV.ics`.
        package let path: String
        package let text: String

        package init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    package static func files(_ book: AgendaBook, style: Style) -> [File] {
        var files = [File(path: "master.\(style.rawValue)", text: style.master(book))]
        var provinceNames = AgendaBook.FileNames()
        var ngoNames = AgendaBook.FileNames()
        for agenda in book.everyone {
            let folder = agenda.side == .province ? "provinces" : "ngos"
            let name = agenda.side == .province ? provinceNames.claim(agenda.id) : ngoNames.claim(agenda.id)
            files.append(File(path: "\(folder)/\(name).\(style.rawValue)", text: style.agenda(agenda, book)))
            if let calendar = CalendarFile.calendar(agenda, in: book) {
                files.append(File(path: "calendars/\(folder)/\(name).ics", text: calendar))
            }
        }
        return files
    }
}
