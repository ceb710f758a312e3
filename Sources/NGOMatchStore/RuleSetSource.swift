import Foundation
import NGOMatchCore
import NGOMatchSeeds

/// Finds a rule set by the name of a shipped one (`default`, `climate`, …) or by a file path.
public enum RuleSetSource {
    public static var shippedNames: [String] { SeedFile.ruleSetNames }

    /// The rule file's text and a label for messages.
    /// - Throws: `LookupError` for an unknown name that is not a file either.
    public static func text(_ nameOrFile: String) throws -> (text: String, file: String) {
        if FileManager.default.fileExists(atPath: nameOrFile),
            let data = FileManager.default.contents(atPath: nameOrFile)
        {
            guard let text = String(data: data, encoding: .utf8) else {
                throw RegistryError.cannotOpen(path: nameOrFile, reason: "the rule file is not UTF-8 text")
            }
            return (text, nameOrFile)
        }
        if let text = SeedFile.ruleSet(nameOrFile) { return (text, "rules/\(nameOrFile).yaml") }
        throw LookupError(
            kind: "rule set (or rule file)", input: nameOrFile,
            problem: .unknown(suggestions: Suggestions.closest(to: nameOrFile, among: shippedNames)))
    }

    /// What identifies a rule set's content: a file's path and modification time, or a shipped name.
    public static func cacheKey(_ nameOrFile: String) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: nameOrFile),
            let modified = attributes[.modificationDate] as? Date
        else { return "shipped:" + nameOrFile }
        return "file:\(nameOrFile)@\(modified.timeIntervalSince1970)"
    }

    /// Reads and checks a rule set.
    /// - Throws: `InvalidRuleSet` listing every problem, or `LookupError`.
    public static func load(_ nameOrFile: String, taxonomy: Taxonomy) throws -> RuleSet {
        let (text, file) = try text(nameOrFile)
        return try RuleSetParser.parse(text, file: file, taxonomy: taxonomy)
    }
}
