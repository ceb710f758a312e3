import Foundation
import NGOMatchCore
import NGOMatchSeeds

/// Where a rule set named in a request comes from: a shipped one, one added to the
/// registry (`rules add`), or, for the CLI only, a file.
package enum RuleSetSource {
    package static var shippedNames: [String] { SeedFile.ruleSetNames }

    /// What a `rules` value names. Shipped names come first and a path must look like
    /// one, so a file called `default` in the working directory never replaces the shipped set.
    package enum Reference: Hashable, Sendable {
        case shipped(String)
        /// `name`, or `name@2` for one version.
        case registry(name: String, version: Int?)
        case file(String)

        package init(_ input: String) {
            if RuleSetSource.shippedNames.contains(input) {
                self = .shipped(input)
            } else if RuleSetSource.looksLikePath(input) {
                self = .file(input)
            } else if let at = input.lastIndex(of: "@") {
                let number = input[input.index(after: at)...].drop { $0 == "v" }
                self = .registry(name: String(input[..<at]), version: Int(number))
            } else {
                self = .registry(name: input, version: nil)
            }
        }
    }

    /// `./mine.yaml`, `/etc/x.yaml`, `rules/mine.yml`, `mine.yaml`: not a name.
    package static func looksLikePath(_ input: String) -> Bool {
        input.contains("/") || input.contains("\\") || input.hasPrefix("~") || input.hasSuffix(".yaml")
            || input.hasSuffix(".yml")
    }

    /// A name the registry may give a rule set: lowercase letters, digits and `-`, not a shipped name.
    package static func problemWithName(_ name: String) -> Phrase? {
        if shippedNames.contains(name) {
            return .key("rules.nameShipped", name, "\(name)-2026")
        }
        guard (1...64).contains(name.count), name.first != "-",
            name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else {
            return .key("rules.nameInvalid", name, Slug.make(from: name))
        }
        return nil
    }

    /// A shipped rule set's text.
    package static func shippedText(_ name: String) -> String? { SeedFile.ruleSet(name) }

    /// A rule file's text, read by the local user.
    /// - Throws: `LookupError` when there is no such file.
    package static func fileText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LookupError(
                kind: "rule file", input: path,
                problem: .unknown(suggestions: Suggestions.closest(to: path, among: shippedNames)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RegistryError.cannotOpen(path: path, reason: "the rule file is not UTF-8 text")
        }
        return text
    }

    /// What identifies a file's content: its path and modification time.
    package static func fileCacheKey(_ path: String) -> String {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        return "file:\(path)@\(modified?.timeIntervalSince1970 ?? 0)"
    }

    /// Reads and checks a shipped rule set or a rule file (for `rules check`).
    /// - Throws: `InvalidRuleSet` listing every problem, or `LookupError`.
    package static func load(_ nameOrFile: String, taxonomy: Taxonomy) throws -> RuleSet {
        if let text = shippedText(nameOrFile) {
            return try RuleSetParser.parse(text, file: "rules/\(nameOrFile).yaml", taxonomy: taxonomy)
        }
        return try RuleSetParser.parse(fileText(nameOrFile), file: nameOrFile, taxonomy: taxonomy)
    }
}
