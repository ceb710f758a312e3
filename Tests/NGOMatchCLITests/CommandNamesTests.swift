import ArgumentParser
import Testing

@testable import ngomatch

@Suite(.timeLimit(.minutes(10))) struct CommandNamesTests {
    /// ArgumentParser names a command that does not name itself from its type, with
    /// `String(describing:)`, for every command in the tree on every start; each of those
    /// dynamic casts scans every protocol conformance in this large binary. Unnamed, the 30
    /// subcommands cost `ngomatch ngos show` a fifth of its time.
    @Test func everyCommandNamesItself() {
        var unnamed: [String] = []
        func visit(_ command: any ParsableCommand.Type, under parent: String) {
            let name = command.configuration.commandName ?? "\(command)"
            if command.configuration.commandName == nil { unnamed.append("\(parent) \(name)") }
            for subcommand in command.configuration.subcommands {
                visit(subcommand, under: parent.isEmpty ? name : "\(parent) \(name)")
            }
        }
        visit(NGOMatch.self, under: "")
        #expect(unnamed.isEmpty, "commands without commandName: \(unnamed)")
    }
}
