import GRDB
import NGOMatchCore

extension Registry {
    /// Imports every record of every document in one transaction.
    /// - Parameter checkOnly: validate against the registry without writing.
    /// - Throws: `ValidationFailure` listing every invalid record; nothing is written.
    package func importDocuments(
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
    package func exportRecords() throws -> [JSONValue] {
        let (ngos, needs, partnerships) = try database.read { db in
            (try Self.fetchNGOs(db), try Self.fetchNeeds(db), try Self.fetchPartnerships(db))
        }
        return try ngos.map(ExportRecord.json) + needs.map(ExportRecord.json) + partnerships.map(ExportRecord.json)
    }
}
