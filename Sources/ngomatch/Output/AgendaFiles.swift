import Foundation
import NGOMatchCore
import NGOMatchPlanner

/// Writes a plan's files into a folder: plan.json, then the bundle of `AgendaBundle` (the
/// master grid, an agenda and a calendar per participant).
struct AgendaFiles {
    let book: AgendaBook
    let format: PlanFormat

    /// - Returns: how many files were written.
    func write(to folder: String) throws -> Int {
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        let style = AgendaBundle.Style(rawValue: format.rawValue) ?? .md
        let files =
            [AgendaBundle.File(path: "plan.json", text: try PairCommand.master(book, .json))]
            + AgendaBundle.files(book, style: style)
        do {
            for file in files {
                let url = root.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .atomic)
            }
        } catch {
            throw UsageError("cannot write into '\(folder)': \(error.localizedDescription)")
        }
        return files.count
    }
}
