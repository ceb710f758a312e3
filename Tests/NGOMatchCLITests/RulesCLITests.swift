import Foundation
import Testing

/// Rule sets in the registry and what-if comparisons, through the CLI as a user runs them.
@Suite(.timeLimit(.minutes(10)))
struct RulesCLITests {
    static func climateVariant(_ cli: CLI) throws -> String {
        let shown = try cli.run("rules", "show", "climate")
        #expect(shown.status == 0, "\(shown.stderr)")
        // Drop the header comment `rules show` adds, keep the file.
        let text = shown.stdout.split(separator: "\n", omittingEmptySubsequences: false).drop {
            $0.hasPrefix("# climate")
        }
        .joined(separator: "\n")
        return try cli.file(
            "climate-2026.yaml",
            text.replacingOccurrences(of: "weight: 35", with: "weight: 10")
                .replacingOccurrences(of: "weight: 15", with: "weight: 40"))
    }

    @Test func addListShowCompareAndRemove() throws {
        let cli = try CLI()
        let file = try Self.climateVariant(cli)
        let added = try cli.run("rules", "add", "climate-2026", file)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("Added rule set climate-2026@1"))
        let list = try cli.run("rules", "list")
        #expect(list.stdout.contains("climate-2026  registry v1, cli, "), "\(list.stdout)")
        #expect(try cli.run("rules", "show", "climate-2026@1").stdout.contains("weight: 40"))

        let compare = try cli.run(
            "suggest", "--need", "cao-bang-1", "--compare-rules", "climate,climate-2026", "--limit", "5")
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("climate → climate-2026@1"))
        #expect(compare.stdout.contains("geography +"), "\(compare.stdout)")
        #expect(compare.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(compare.stdout)")

        let json = try cli.run(
            "suggest", "--need", "cao-bang-1", "--compare-rules", "default,climate-2026", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let comparisons = try #require(object["comparisons"] as? [[String: Any]])
        let rows = try #require(comparisons.first?["rows"] as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["before"] != nil || $0["after"] != nil })

        let discover = try cli.run(
            "discover", "--ngo", "WWF", "--compare-rules", "default,underserved", "--format", "csv")
        #expect(discover.stdout.hasPrefix("subject,candidate,name,rankBefore,rankAfter"))

        #expect(try cli.run("rules", "remove", "climate-2026").status == 0)
        let gone = try cli.run("suggest", "--need", "cao-bang-1", "--rules", "climate-2026")
        #expect(gone.status != 0)
        #expect(gone.stderr.contains("climate-2026"))
        #expect(try cli.run("suggest", "--need", "cao-bang-1", "--rules", "climate-2026@1").status == 0)
    }

    @Test func anInvalidFileIsRefusedWithEveryProblemAndNothingIsAdded() throws {
        let cli = try CLI()
        let file = try cli.file("bad.yaml", "name: bad\nminimumScore: 10\nfactors:\n  sectrFit:\n    weight: 100\n")
        let result = try cli.run("rules", "add", "bad", file)
        #expect(result.status != 0)
        #expect(result.stderr.contains("did you mean 'sectorFit'"), "\(result.stderr)")
        #expect(!(try cli.run("rules", "list").stdout.contains("registry")))
    }

    /// A file called `default` where the user stands must not replace the shipped rule set.
    @Test func shippedNamesComeBeforeFilesInTheWorkingFolder() throws {
        let cli = try CLI()
        _ = try cli.file("default", "this is not a rule set")
        let result = try cli.run(
            arguments: [],
            shell: "cd '\(cli.folder.path)' && '\(CLI.binary.path)' suggest --need cao-bang-1 --rules default")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rules: default"))
        // A path that looks like one is still read by the local user.
        let local = try cli.run(
            arguments: [],
            shell: "cd '\(cli.folder.path)' && '\(CLI.binary.path)' suggest --need cao-bang-1 --rules ./default")
        #expect(local.status != 0)
        #expect(local.stderr.contains("./default"))
    }
}
