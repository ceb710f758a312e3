import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "The rule sets that score partnerships: list, show, check.",
        subcommands: [List.self, Show.self, Check.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the shipped rule sets.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let summaries = try registry.service().ruleSets()
            try output.emit(
                summaries,
                table: {
                    var table = Table(["name", "minimum", "weights", "description"])
                    for rules in summaries {
                        table.add([
                            rules.name, Explanation.points(rules.minimumScore),
                            rules.weights.sorted { $0.key < $1.key }.map { "\($0.key) \(Explanation.points($0.value))" }
                                .joined(separator: ", "),
                            rules.description.trimmingCharacters(in: .whitespacesAndNewlines),
                        ])
                    }
                    return table.render()
                })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a rule set's file, with its comments.",
            discussion: "Example:\n  ngomatch rules show default")
        @Argument(help: "A shipped rule set's name or a rule file.") var rules: String

        func run() throws {
            print(try RuleSetSource.text(rules).text, terminator: "")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a rule file and report every problem with its line and column.",
            discussion: """
                Example:
                  ngomatch rules show default > mine.yaml   # edit, then:
                  ngomatch rules check mine.yaml
                  ngomatch suggest --province "Cao Bằng" --rules mine.yaml
                """
        )
        @OptionGroup var registry: RegistryOptions
        @Argument(help: "A rule file (or a shipped rule set's name).") var file: String

        func run() throws {
            let rules = try RuleSetSource.load(file, taxonomy: registry.open().reference.taxonomy)
            let weights = rules.weights.map { "\($0.factor.rawValue) \(Explanation.points($0.weight))" }.joined(
                separator: ", ")
            print(
                "\(file): ok — rule set '\(rules.name)', minimum score \(Explanation.points(rules.minimumScore)); \(weights)"
            )
        }
    }
}
