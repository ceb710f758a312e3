import GRDB
import NGOMatchCore

/// A rule set added to the registry: its YAML text, kept whole, and who added it when.
package struct StoredRuleSet: Hashable, Sendable, Encodable {
    package let name: String
    package let version: Int
    package let text: String
    package let addedBy: String
    package let addedAt: String
    /// When the name was removed; `name@version` still reads it, for old rankings.
    package let removedAt: String?

    /// `climate-2026@2`: the name a ranking under this version reports.
    package var label: String { "\(name)@\(version)" }

    init(row: Row) {
        name = row["name"]
        version = row["version"]
        text = row["text"]
        addedBy = row["added_by"]
        addedAt = row["added_at"]
        removedAt = row["removed_at"]
    }
}

extension StoredRuleSet: AuditedRecord {
    var auditName: String { "rules \(label)" }
    /// Rule sets are not what the match index is made of, but kept answers scored under them go.
    var changedRecords: RecordChanges? {
        var changes = RecordChanges()
        changes.ruleSets = true
        return changes
    }
}

extension Registry {
    /// Stores `text` as the next version of `name`. The caller has checked the text.
    package func addRuleSet(name: String, text: String, audit: AuditEntry) throws -> StoredRuleSet {
        try change(audit: audit) { db in
            let last = try Int.fetchOne(db, sql: "SELECT max(version) FROM rule_set WHERE name = ?", arguments: [name])
            try db.execute(
                sql: "INSERT INTO rule_set (name, version, text, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [name, (last ?? 0) + 1, text, audit.actor, Self.now()])
            return try Self.ruleSetRow(db, name: name, version: (last ?? 0) + 1)!
        }
    }

    /// Stops `name` resolving; its versions stay readable as `name@version`.
    /// - Throws: `RegistryError.notFound` when no rule set of that name is in use.
    package func removeRuleSet(name: String, audit: AuditEntry) throws -> StoredRuleSet {
        try change(audit: audit) { db in
            guard let latest = try Self.latestRuleSet(db, name: name) else {
                throw RegistryError.notFound(
                    kind: "rule set in the registry", id: name,
                    suggestions: Suggestions.closest(to: name, among: try Self.ruleSetNames(db)))
            }
            try db.execute(
                sql: "UPDATE rule_set SET removed_at = ? WHERE name = ? AND removed_at IS NULL",
                arguments: [Self.now(), name])
            return try Self.ruleSetRow(db, name: name, version: latest.version)!
        }
    }

    /// The newest version of `name` that is in use, or exactly `version` (removed or not).
    package func ruleSet(name: String, version: Int? = nil) throws -> StoredRuleSet? {
        try database.read { db in
            if let version { return try Self.ruleSetRow(db, name: name, version: version) }
            return try Self.latestRuleSet(db, name: name)
        }
    }

    /// Every version of every added rule set, by name then version.
    package func ruleSetVersions() throws -> [StoredRuleSet] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM rule_set ORDER BY name, version").map(StoredRuleSet.init)
        }
    }

    /// Names in use, for "did you mean".
    package func ruleSetNames() throws -> [String] { try database.read { try Self.ruleSetNames($0) } }

    private static func ruleSetNames(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT name FROM rule_set WHERE removed_at IS NULL ORDER BY name")
    }

    private static func latestRuleSet(_ db: Database, name: String) throws -> StoredRuleSet? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM rule_set WHERE name = ? AND removed_at IS NULL ORDER BY version DESC LIMIT 1",
            arguments: [name]
        ).map(StoredRuleSet.init)
    }

    private static func ruleSetRow(_ db: Database, name: String, version: Int) throws -> StoredRuleSet? {
        try Row.fetchOne(db, sql: "SELECT * FROM rule_set WHERE name = ? AND version = ?", arguments: [name, version])
            .map(StoredRuleSet.init)
    }
}
