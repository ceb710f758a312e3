import GRDB
import NGOMatchCore

/// What an import did, or would do with `--check`.
public struct ImportSummary: Hashable, Sendable {
    public let needs: Int
    public let ngos: Int
    public let partnerships: Int
    /// What a small import wrote, logged so that a kept index follows it in place; nil for one
    /// so large that compiling afresh is as quick.
    let changed: RecordChanges?

    /// Whether a kept index cannot follow this import in place: the next reader compiles afresh.
    public var leftAHole: Bool { changed == nil }

    /// Two imports did the same when they counted the same; what the log was told is bookkeeping.
    public static func == (a: ImportSummary, b: ImportSummary) -> Bool {
        (a.needs, a.ngos, a.partnerships) == (b.needs, b.ngos, b.partnerships)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(needs)
        hasher.combine(ngos)
        hasher.combine(partnerships)
    }
}

extension Registry {
    /// Imports every record of every document in one transaction.
    /// - Parameter checkOnly: validate against the registry without writing.
    /// - Throws: `ValidationFailure` listing every invalid record; nothing is written.
    public func importDocuments(
        _ documents: [ImportDocument], checkOnly: Bool = false, audit: AuditEntry? = nil,
        progress: (Int) -> Void = { _ in }
    ) throws -> ImportSummary {
        let run = { (db: Database) throws -> ImportSummary in
            try ImportRun.run(documents, reference: reference, writes: !checkOnly, db, progress: progress)
        }
        return checkOnly
            ? try database.read(run)
            : try change(audit: audit, run)
    }

    /// Every NGO, then every need, then every partnership, in the import format, ordered by id.
    public func exportRecords() throws -> [JSONValue] {
        let (ngos, needs, partnerships) = try database.read { db in
            (try Self.fetchNGOs(db), try Self.fetchNeeds(db), try Self.fetchPartnerships(db))
        }
        return try ngos.map(ExportRecord.json) + needs.map(ExportRecord.json) + partnerships.map(ExportRecord.json)
    }
}
