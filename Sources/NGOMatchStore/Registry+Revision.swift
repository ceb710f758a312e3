import GRDB
import NGOMatchCore

/// Who changed what: written in the same transaction as the change.
package struct AuditEntry: Hashable, Sendable {
    /// `cli`, `stdio`, or `token:<id>`.
    package let actor: String
    /// The protocol method or CLI command, e.g. `needs.register`.
    package let method: String

    package init(actor: String, method: String) {
        self.actor = actor
        self.method = method
    }
}

/// Every change to the registry's records bumps a revision number, so that a
/// process holding a compiled index can tell, cheaply, that another process
/// (the CLI while a server runs, say) changed the registry; and every change
/// is recorded in the audit table.
extension Registry {
    /// The registry's revision: it grows with every committed change.
    package func revision() throws -> Int {
        try database.read { try Self.revision($0) }
    }

    static func revision(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM registry_info WHERE key = 'revision'") ?? 0
    }

    /// Runs a write transaction that changes records: bumps the revision and,
    /// with `audit`, records the change under the record's name.
    ///
    /// - Parameter revises: whether the change touches what rankings are made from (needs, NGOs,
    ///   partnerships). A meeting event's answers do not: bumping the revision for them would
    ///   make every participant's answer cost a rebuild of the match index.
    func change<T: AuditedRecord>(audit: AuditEntry? = nil, revises: Bool = true, _ body: (Database) throws -> T)
        throws -> T
    {
        do {
            return try write(audit: audit, revises: revises, body)
        } catch let error as DatabaseError {
            throw Self.refusedWrite(error, path: path) ?? error
        }
    }

    /// The user-facing error for a write the disk or the file refused, or nil for any other failure.
    static func refusedWrite(_ error: DatabaseError, path: String) -> RegistryError? {
        let sqlite = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_FULL, .SQLITE_IOERR:
            return .cannotWrite(
                path: path,
                reason: "the disk is full or the file may not grow (SQLite: \(sqlite)); free some space and try again")
        case .SQLITE_READONLY:
            return .cannotWrite(path: path, reason: readOnlyReason(error))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .cannotWrite(
                path: path, reason: "another program kept the registry busy for over 10 seconds; try again")
        default:
            return nil
        }
    }

    /// One explanation whether a read-only file stops the registry opening or a write: SQLite in
    /// WAL mode writes beside the file even to read, so the folder matters as much as the file.
    static func readOnlyReason(_ error: DatabaseError) -> String {
        "the file or its folder is read-only for this user (SQLite: \(error.message ?? "read-only"));"
            + " ngomatch needs to write to the file and to its folder (for its -wal and -shm files):"
            + " check their permissions, or work on a copy"
    }

    private func write<T: AuditedRecord>(audit: AuditEntry?, revises: Bool, _ body: (Database) throws -> T) throws
        -> T
    {
        defer { if revises { changesHere.increment() } }
        var revision: Int?
        do {
            let committed = try database.write { db in
                let result = try body(db)
                if revises, result.changedRankings {
                    try db.execute(
                        sql: """
                            INSERT INTO registry_info (key, value) VALUES ('revision', '1')
                            ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
                            """)
                    revision = try Self.revision(db)
                    let token = try Self.stampRevision(db)
                    // Logged before the commit: a reader that sees the new revision must find its
                    // changes, or it compiles the whole index again.
                    changeLog.record(result.changedRecords, at: revision!)
                    try Self.log(result.changedRecords, at: revision!, token: token, db)
                }
                if let audit {
                    try db.execute(
                        sql: "INSERT INTO audit (at, actor, method, record) VALUES (?, ?, ?, ?)",
                        arguments: [Self.now(), audit.actor, audit.method, result.auditName])
                }
                return result
            }
            checkpointer.committed()
            return committed
        } catch {
            // Rolled back: the revision was never seen, and must not be followed if another
            // process commits it.
            if let revision { changeLog.record(nil, at: revision) }
            throw error
        }
    }

    /// The records changed between two revisions, when every change between says which (an
    /// import or a restored backup does not); nil when one does not.
    package func changes(after start: Int, through end: Int) -> RecordChanges? {
        if let changes = changeLog.changes(after: start, through: end) { return changes }
        // Made by another process, or before this one opened the file: the log kept in the file.
        return try? database.read { db in try Self.loggedChanges(after: start, through: end, db) }
    }

    /// The records named, as they are now, read in one snapshot with its revision: what an index
    /// following `changes` needs. A record no longer there is left out.
    package func records(_ changes: RecordChanges) throws -> (
        needs: [Need], ngos: [NGO], partnerships: [Partnership], revision: Int
    ) {
        try database.read { db in
            let needs = try changes.needs.sorted().compactMap { id in
                try String.fetchOne(
                    db.cachedStatement(sql: "SELECT document FROM need WHERE id = ?"), arguments: [id.rawValue]
                ).map { try Self.decode(Need.self, $0) }
            }
            let ngos = try changes.ngos.sorted().compactMap { id in
                try String.fetchOne(
                    db.cachedStatement(sql: "SELECT document FROM ngo WHERE id = ?"), arguments: [id.rawValue]
                ).map { try Self.decode(NGO.self, $0) }
            }
            let partnerships = try changes.partnerships.sorted { $0.lexicographicallyPrecedes($1) }.flatMap { pair in
                try Self.fetchPartnerships(db, where: "need_id = ? AND ngo_id = ?", arguments: [pair[0], pair[1]])
            }
            return (needs, ngos, partnerships, try Self.revision(db))
        }
    }

    /// A page of the audit trail, newest first: lines older than `before` (an id), whose actor,
    /// method or record contain the texts given; and how many lines match in all.
    package func auditLines(limit: Int, before: Int? = nil, actor: String? = nil, method: String? = nil) throws
        -> (lines: [AuditLine], total: Int)
    {
        var conditions = ["1"]
        var arguments: [any DatabaseValueConvertible] = []
        if let actor, !actor.isEmpty {
            conditions.append("instr(actor, ?) > 0")
            arguments.append(actor)
        }
        if let method, !method.isEmpty {
            conditions.append("(instr(method, ?) > 0 OR instr(record, ?) > 0)")
            arguments += [method, method]
        }
        let matching = conditions.joined(separator: " AND ")
        let filters = arguments
        if let before {
            conditions.append("id < ?")
            arguments.append(before)
        }
        arguments.append(limit)
        return try database.read { db in
            let total =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM audit WHERE \(matching)", arguments: StatementArguments(filters))
                ?? 0
            let lines = try Row.fetchAll(
                db,
                sql: "SELECT * FROM audit WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT ?",
                arguments: StatementArguments(arguments)
            ).map {
                AuditLine(id: $0["id"], at: $0["at"], actor: $0["actor"], method: $0["method"], record: $0["record"])
            }
            return (lines, total)
        }
    }

    /// The audit trail, newest first.
    package func auditTrail(limit: Int = 100) throws -> [(at: String, actor: String, method: String, record: String)] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT at, actor, method, record FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit]
            )
            .map { ($0["at"], $0["actor"], $0["method"], $0["record"]) }
        }
    }
}

/// A record that a change produces, named in the audit trail.
protocol AuditedRecord {
    var auditName: String { get }
    /// The records the change touched, when this result says; nil when it cannot (an import).
    var changedRecords: RecordChanges? { get }
    /// Whether the write, allowed to revise, did change what rankings are made from: one that
    /// found everything as it was leaves the revision, and every kept index, alone.
    var changedRankings: Bool { get }
}

extension AuditedRecord {
    var changedRecords: RecordChanges? { nil }
    var changedRankings: Bool { true }
}

extension Need: AuditedRecord {
    var auditName: String { id.rawValue }
    var changedRecords: RecordChanges? {
        var changes = RecordChanges()
        changes.needs = [id]
        return changes
    }
}

extension NGO: AuditedRecord {
    var auditName: String { id.rawValue }
    var changedRecords: RecordChanges? {
        var changes = RecordChanges()
        changes.ngos = [id]
        return changes
    }
}

extension Partnership: AuditedRecord {
    var auditName: String { "\(need) \(ngo)" }
    var changedRecords: RecordChanges? {
        var changes = RecordChanges()
        changes.partnerships = [[need.rawValue, ngo.rawValue]]
        return changes
    }
}

extension ImportSummary: AuditedRecord {
    var auditName: String { "\(ngos) NGOs, \(needs) needs, \(partnerships) partnerships" }
    var changedRecords: RecordChanges? { changed }
}
