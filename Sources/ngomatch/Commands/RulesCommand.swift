import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: Help.text("help.rules"),
        discussion: """
            Shipped rule sets (default, underserved, climate) come with ngomatch. The
            ministry adds its own to the registry by name, so every client can use them:
            adding a name again makes a new version, and 'name@2' names one version, so an
            earlier ranking can still be explained by the rules it used.
            """,
        subcommands: [List.self, Show.self, Check.self, Add.self, Remove.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the shipped rule sets and those added to the registry.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let summaries = try RulesListOperation.run(registry.service(), NoParams(), caller: .local("cli"))
            try output.emit(
                RulesListOperation.self, summaries,
                table: {
                    var table = Table(keys: ["cli.name", "col.source", "col.minimum", "col.weights", "rec.description"])
                    for rules in summaries {
                        let source =
                            rules.version.map { "registry v\($0), \(rules.addedBy ?? ""), \(day(rules.addedAt))" }
                            ?? "shipped"
                        table.add([
                            rules.name, source, Explanation.points(rules.minimumScore),
                            rules.weights.sorted { $0.key < $1.key }.map { "\($0.key) \(Explanation.points($0.value))" }
                                .joined(separator: ", "),
                            rules.description.trimmingCharacters(in: .whitespacesAndNewlines),
                        ])
                    }
                    return table.render()
                })
        }

        private func day(_ timestamp: String?) -> String { String((timestamp ?? "").prefix(10)) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print a rule set with its comments: shipped, added (name or name@2), or a file.",
            discussion: "Examples:\n  ngomatch rules show default\n  ngomatch rules show climate-2026@1")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A rule set's name, name@version, or a rule file.") var rules: String

        func run() throws {
            let detail = try RulesGetOperation.run(
                registry.service(), RuleSetGetParams(name: rules), caller: .local("cli"))
            try output.emit(RulesGetOperation.self, detail, table: { Self.render(detail) })
        }

        /// The rule set's text under a comment naming its version, so the output is a rule file again.
        static func render(_ detail: RuleSetDetail) -> String {
            var header = "# \(detail.label)"
            if let removed = detail.removedAt { header += " (removed \(removed.prefix(10)))" }
            let versions = detail.versions.map { "#   v\($0.version): \($0.addedBy), \($0.addedAt.prefix(10))" }
            return ([header] + versions + [detail.text.trimmingCharacters(in: .newlines)]).joined(separator: "\n")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a rule file and report every problem with its line and column.",
            discussion: """
                Example:
                  ngomatch rules show default > mine.yaml   # edit, then:
                  ngomatch rules check mine.yaml
                  ngomatch suggest --province "Cao Bằng" --rules ./mine.yaml
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

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a rule file to the registry under a name, or a new version of that name.",
            discussion: """
                The file is checked as 'rules check' does; if anything is wrong, nothing is
                added. Every client can then use the name (--rules NAME, or "rules": "NAME"
                over the protocol).

                Example:
                  ngomatch rules show climate > climate-2026.yaml   # edit, then:
                  ngomatch rules add climate-2026 climate-2026.yaml
                  ngomatch suggest --need cao-bang-1 --compare-rules climate,climate-2026
                """
        )
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The name: lowercase letters, digits and '-'.") var name: String
        @Argument(help: "The rule file (YAML).") var file: String

        func run() throws {
            let text = try RuleSetSource.fileText(file)
            let detail = try RulesAddOperation.run(
                registry.service(), RuleSetAddParams(name: name, text: text), caller: .local("cli"))
            Terminal.say("cli.rulesAdded", detail.label, name)
            try output.emit(RulesAddOperation.self, detail, table: { detail.label })
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Stop a rule set's name resolving; its versions stay readable as name@version.")
        @OptionGroup var registry: RegistryOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The name of a rule set added to the registry.") var name: String

        func run() throws {
            let detail = try RulesRemoveOperation.run(
                registry.service(), RuleSetGetParams(name: name), caller: .local("cli"))
            Terminal.say("cli.rulesRemoved", name, detail.label)
            if output.format != .table { try output.emit(RulesRemoveOperation.self, detail, table: { "" }) }
        }
    }
}
