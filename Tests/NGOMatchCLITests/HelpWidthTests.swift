import ArgumentParser
import Testing

@testable import ngomatch

@Suite(.timeLimit(.minutes(10))) struct HelpWidthTests {
    /// ArgumentParser wraps each line of a discussion on its own at the terminal's width: a line
    /// of 90 columns leaves its last word alone on the next line, in every paragraph, on an
    /// 80-column terminal. Discussions are written in lines that fit, their line break included.
    @Test func everyDiscussionLineFitsEightyColumns() {
        var tooWide: [String] = []
        func visit(_ command: any ParsableCommand.Type, under parent: String) {
            let name = parent.isEmpty ? "ngomatch" : "\(parent) \(command.configuration.commandName ?? "?")"
            for line in command.configuration.discussion.split(separator: "\n") where line.count > 79 {
                tooWide.append("\(name): \(line.count) columns: \(line)")
            }
            for subcommand in command.configuration.subcommands { visit(subcommand, under: name) }
        }
        visit(NGOMatch.self, under: "")
        #expect(tooWide.isEmpty, "\(tooWide.count) lines:\n\(tooWide.joined(separator: "\n"))")
    }
}
