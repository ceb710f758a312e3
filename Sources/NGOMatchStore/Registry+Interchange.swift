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
        try importDocumentsCompiling(documents, checkOnly: checkOnly, audit: audit, progress: progress).summary
    }

    /// Imports as `importDocuments` does; an import into a registry that held no records yet,
    /// too large to be followed in place, also compiles the index from the records it decoded
    /// and writes its snapshot, so that no reader decodes them all back.
    /// - Returns: the summary, and that index with the revision it is at.
    package func importDocumentsCompiling(
        _ documents: [ImportDocument], checkOnly: Bool = false, audit: AuditEntry? = nil,
        progress: (Int) -> Void = { _ in }
    ) throws -> (summary: ImportSummary, compiled: (index: MatchIndex, revision: Int)?) {
        if checkOnly {
            let summary = try database.read { db in
                try ImportRun.run(documents, reference: reference, writes: false, db, progress: progress).summary
            }
            return (summary, nil)
        }
        var written = ImportRun.Written()
        var before = 0
        let summary = try change(audit: audit) { db in
            before = try Self.revision(db)
            let run = try ImportRun.run(documents, reference: reference, writes: true, db, progress: progress)
            written = run.written
            return run.summary
        }
        guard written.areTheWholeRegistry else {
            // The index compiled next reads the older records too, and decodes only those.
            decodedNeeds.remember(written.needs)
            decodedNGOs.remember(written.ngos)
            return (summary, nil)
        }
        // The import's own transaction bumped the revision by one.
        let revision = before + 1
        let (lineage, token, published) = try database.read { db in
            (try Self.lineage(db), try Self.token(of: revision, db), try Self.publishedActivities(db))
        }
        let needs = Self.inIDOrder(written.needs)
        let ngos = Self.inIDOrder(written.ngos)
        let partnerships = written.partnerships.sorted {
            ($0.need.rawValue, $0.ngo.rawValue) < ($1.need.rawValue, $1.ngo.rawValue)
        }
        let index = compiled(
            needs: (needs.map(\.record), needs.map(\.document)), ngos: (ngos.map(\.record), ngos.map(\.document)),
            partnerships: partnerships, published: published, revision: revision, lineage: lineage, token: token)
        return (summary, (index, revision))
    }

    /// Every NGO, then every need, then every partnership, in the import format, ordered by id.
    package func exportRecords() throws -> [JSONValue] {
        let (ngos, needs, partnerships) = try database.read { db in
            (try Self.fetchNGOs(db), try Self.fetchNeeds(db), try Self.fetchPartnerships(db))
        }
        return try ngos.map(ExportRecord.json) + needs.map(ExportRecord.json) + partnerships.map(ExportRecord.json)
    }
}

extension Registry {
    /// In the order the file lists them (`ORDER BY id`, bytewise); a generated or exported file
    /// is in that order already, and is only checked.
    static func inIDOrder<Record>(_ written: [DecodedDocuments<Record>.Written]) -> [DecodedDocuments<Record>.Written] {
        let precedes = { (a: DecodedDocuments<Record>.Written, b: DecodedDocuments<Record>.Written) in
            a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        let ordered = zip(written, written.dropFirst()).allSatisfy { precedes($0, $1) }
        return ordered ? written : written.sorted(by: precedes)
    }
}
