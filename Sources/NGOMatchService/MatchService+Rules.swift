import Foundation
import NGOMatchCore
import NGOMatchStore
import Synchronization

/// A rule set in brief, shipped or added to the registry.
package struct RuleSetSummary: Encodable, Sendable {
    /// What a request names it by: `default`, `climate-2026`.
    package let name: String
    /// `shipped` or `registry`.
    package let source: String
    /// For an added set: its newest version, who added it and when.
    package let version: Int?
    package let addedBy: String?
    package let addedAt: String?
    package let description: String
    package let minimumScore: Double
    package let weights: [String: Double]
}

/// One rule set whole: its text with comments, and the version a ranking names.
package struct RuleSetDetail: Encodable, Sendable {
    package let summary: RuleSetSummary
    /// `climate-2026@2` for an added set; the shipped name otherwise.
    package let label: String
    package let text: String
    package let removedAt: String?
    /// Every version of an added set, oldest first.
    package let versions: [RuleSetVersion]
}

package struct RuleSetVersion: Encodable, Sendable {
    package let version: Int
    package let addedBy: String
    package let addedAt: String
    package let removedAt: String?
}

package struct RuleSetGetParams: OperationParams {
    package static let parameters = [
        Parameter("name", .text, required: true, "A rule set's name (default, climate, …), or name@2 for one version.")
    ]
    package let name: String
    package init(name: String) { self.name = name }
}

package struct RuleSetAddParams: OperationParams {
    package static let parameters = [
        Parameter("name", .text, required: true, "The name: lowercase letters, digits and '-', not a shipped name."),
        Parameter("text", .text, required: true, "The rule set as YAML, as rules.get returns a shipped one's text."),
    ]
    package let name: String
    /// The rule set as YAML, as `rules show default` prints it.
    package let text: String
    package init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

extension MatchService {
    /// A rule set by shipped name, registry name (`name` or `name@2`), or, for the CLI, a file.
    package func rules(_ input: String?) throws -> RuleSet {
        let input = input ?? "default"
        switch RuleSetSource.Reference(input) {
        case .shipped(let name):
            return try parsedRules("shipped:\(name)") {
                try RuleSetParser.parse(
                    RuleSetSource.shippedText(name)!, file: "rules/\(name).yaml", taxonomy: reference.taxonomy)
            }
        case .file(let path):
            guard ruleFiles == .readable else {
                throw ServiceError.invalidParams(
                    field: "rules",
                    expected: .key("params.rulesPath", input))
            }
            return try parsedRules(RuleSetSource.fileCacheKey(path)) {
                try RuleSetParser.parse(RuleSetSource.fileText(path), file: path, taxonomy: reference.taxonomy)
            }
        case .registry(let name, let version):
            let stored = try storedRuleSet(name, version: version, input: input)
            return try parsedRules("registry:\(stored.label)") {
                var rules = try RuleSetParser.parse(
                    stored.text, file: "rule set '\(stored.label)'", taxonomy: reference.taxonomy)
                // The registry's name wins over the file's, with the version a ranking reports.
                rules.name = stored.label
                return rules
            }
        }
    }

    private func parsedRules(_ key: String, parse: () throws -> RuleSet) throws -> RuleSet {
        if let cached = ruleCache.withLock({ $0[key] }) { return cached }
        let rules = try parse()
        ruleCache.withLock { $0[key] = rules }
        return rules
    }

    /// The stored version a name stands for, read from the file once per registry revision.
    private func storedRuleSet(_ name: String, version: Int?, input: String) throws -> StoredRuleSet {
        if version == nil, let known = knownVersion(name), let stored = try registry.ruleSet(name: name, version: known)
        {
            return stored
        }
        let revision = try self.revision()
        guard let stored = try registry.ruleSet(name: name, version: version) else {
            if version != nil, try registry.ruleSet(name: name) != nil {
                throw LookupError(
                    kind: "rule set version", input: input,
                    problem: .unknown(
                        suggestions: try registry.ruleSetVersions().filter { $0.name == name }.map(\.label))
                )
            }
            let known = RuleSetSource.shippedNames + (try registry.ruleSetNames())
            throw LookupError(
                kind: "rule set", input: input,
                problem: .unknown(suggestions: Suggestions.closest(to: name, among: known)))
        }
        if version == nil {
            ruleVersions.withLock {
                if $0.revision != revision { $0 = (revision, [:]) }
                $0.versions[name] = stored.version
            }
        }
        return stored
    }

    private func knownVersion(_ name: String) -> Int? {
        guard let revision = trustedRevision() else { return nil }
        return ruleVersions.withLock { $0.revision == revision ? $0.versions[name] : nil }
    }

    /// The shipped rule sets, then those added to the registry.
    package func ruleSets() throws -> [RuleSetSummary] {
        let shipped = try RuleSetSource.shippedNames.map { try summary(rules($0), stored: nil) }
        let added = try Dictionary(grouping: registry.ruleSetVersions().filter { $0.removedAt == nil }, by: \.name)
            .compactMap { $0.value.max { $0.version < $1.version } }
            .sorted { $0.name < $1.name }
            .map { try summary(rules($0.label), stored: $0) }
        return shipped + added
    }

    private func summary(_ rules: RuleSet, stored: StoredRuleSet?) -> RuleSetSummary {
        RuleSetSummary(
            name: stored?.name ?? rules.name, source: stored == nil ? "shipped" : "registry", version: stored?.version,
            addedBy: stored?.addedBy, addedAt: stored?.addedAt, description: rules.description,
            minimumScore: rules.minimumScore, weights: RuleParameters(rules).weights)
    }

    /// One rule set with its text; for an added set, `name@2` gives that version.
    package func ruleSet(_ params: RuleSetGetParams) throws -> RuleSetDetail {
        switch RuleSetSource.Reference(params.name) {
        case .shipped(let name):
            return RuleSetDetail(
                summary: summary(try rules(name), stored: nil), label: name, text: RuleSetSource.shippedText(name)!,
                removedAt: nil, versions: [])
        case .file:
            _ = try rules(params.name)
            return RuleSetDetail(
                summary: summary(try rules(params.name), stored: nil), label: params.name,
                text: try RuleSetSource.fileText(params.name), removedAt: nil, versions: [])
        case .registry(let name, let version):
            let stored = try storedRuleSet(name, version: version, input: params.name)
            let versions = try registry.ruleSetVersions().filter { $0.name == name }.map {
                RuleSetVersion(version: $0.version, addedBy: $0.addedBy, addedAt: $0.addedAt, removedAt: $0.removedAt)
            }
            return RuleSetDetail(
                summary: summary(try rules(stored.label), stored: stored), label: stored.label, text: stored.text,
                removedAt: stored.removedAt, versions: versions)
        }
    }

    /// Checks `text` as `rules check` does and stores it as the next version of `name`.
    /// - Throws: `InvalidRuleSet` with every problem, and nothing is stored.
    package func addRuleSet(_ params: RuleSetAddParams, caller: Caller) throws -> RuleSetDetail {
        try caller.mayHandle(.ruleSets, "rules.add")
        if let problem = RuleSetSource.problemWithName(params.name) {
            throw ServiceError.invalidParams(field: "name", expected: problem)
        }
        _ = try RuleSetParser.parse(params.text, file: "rule set '\(params.name)'", taxonomy: reference.taxonomy)
        let stored = try registry.addRuleSet(
            name: params.name, text: params.text, audit: caller.audit("rules.add"))
        return try ruleSet(RuleSetGetParams(name: stored.label))
    }

    /// Stops a name resolving; rankings that named a version can still be explained by it.
    package func removeRuleSet(_ params: RuleSetGetParams, caller: Caller) throws -> RuleSetDetail {
        try caller.mayHandle(.ruleSets, "rules.remove")
        if RuleSetSource.shippedNames.contains(params.name) {
            throw ServiceError.invalidParams(field: "name", expected: .key("params.shippedRules", params.name))
        }
        let stored = try registry.removeRuleSet(name: params.name, audit: caller.audit("rules.remove"))
        return try ruleSet(RuleSetGetParams(name: stored.label))
    }
}
