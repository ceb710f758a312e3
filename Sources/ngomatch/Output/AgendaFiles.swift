import Foundation
import NGOMatchCore

/// Writes a plan's files into a folder: plan.json, the master grid, an agenda per
/// participant and a calendar per participant.
struct AgendaFiles {
    let book: AgendaBook
    let format: PlanFormat

    /// - Returns: how many files were written.
    func write(to folder: String) throws -> Int {
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        let agendaFormat = format == .json ? PlanFormat.md : format
        var files: [(String, String)] = [
            ("plan.json", try PairCommand.master(book, .json)),
            ("master.\(agendaFormat.rawValue)", try PairCommand.master(book, agendaFormat)),
        ]
        var provinceNames = AgendaBook.FileNames()
        var ngoNames = AgendaBook.FileNames()
        for agenda in book.everyone {
            let folder = agenda.side == .province ? "provinces" : "ngos"
            let name = agenda.side == .province ? provinceNames.claim(agenda.id) : ngoNames.claim(agenda.id)
            let text: String
            switch agendaFormat {
            case .md, .json: text = MarkdownAgenda.agenda(agenda, in: book)
            case .csv: text = CSVAgenda.agenda(agenda, in: book)
            case .html: text = HTMLAgenda.agenda(agenda, in: book)
            }
            files.append(("\(folder)/\(name).\(agendaFormat.rawValue)", text))
            if let calendar = CalendarFile.calendar(agenda, in: book) {
                files.append(("calendars/\(folder)/\(name).ics", calendar))
            }
        }
        do {
            for (path, text) in files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            }
        } catch {
            throw UsageError("cannot write into '\(folder)': \(error.localizedDescription)")
        }
        return files.count
    }
}
