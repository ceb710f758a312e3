import GRDB
import NGOMatchCore

/// One import: its records read, checked against the registry and written a slice at a time,
/// all in the caller's one transaction.
///
/// A slice is parsed, read and encoded on the worker cores while the writing thread checks and
/// inserts the slice before it; then it is dropped. Holding every record of a 100,000-NGO file
/// at once (its JSON values, its NGOs, their documents) took 700 MB. Once any record is invalid nothing more is
/// written (the transaction is rolled back) but every record is still checked, so that every
/// problem is told at once.
struct ImportRun {
    static let sliceSize = 4096
    /// The most records an import names in the change log; past that, a reader compiles afresh
    /// as quickly as it would follow them (`MatchService.largestFollowedChange`).
    static let largestLoggedImport = 2_000

    private let reader: RecordReader
    private let db: Database
    private let writes: Bool
    private let stamp = Registry.now()
    private var needIDs: NeedIDAllocator
    private var seenNeeds: [NeedID: Phrase] = [:]
    private var seenNGOs: [NGOID: Phrase] = [:]
    /// Enough of the imported NGOs for the file's partnerships to name them.
    private var importedNGOs: [NGODirectory.Entry] = []
    private var pendingPartnerships: [ImportDocument.RawRecord] = []
    private var failures: [RecordProblems] = []
    private var partnerships = 0
    private var partnershipPairs: [[String]] = []
    private var done = 0
    /// What a one-record import (a registration) gives back.
    private let keeps: Bool
    private var kept: (needs: [Need], ngos: [NGO]) = ([], [])
    /// Whether the records written are kept with their documents, for the index compiled next.
    private let remembers: Bool
    private var written = Written()
    /// Whether the registry held no records when the import began: an id can then clash only
    /// with one earlier in the import, and the file need not be asked about each (110,000 queries).
    private var startedEmpty = false

    /// The records an import wrote with their documents, when it was too large to be followed in place.
    struct Written {
        var needs: [DecodedDocuments<Need>.Written] = []
        var ngos: [DecodedDocuments<NGO>.Written] = []
        var partnerships: [Partnership] = []
        /// Whether they are every record the registry holds: it held none before the import.
        var areTheWholeRegistry = false
    }

    /// - Parameter writes: false to check the records against the registry only.
    /// - Throws: `ValidationFailure` listing every invalid record; then nothing is to be committed.
    static func run(
        _ documents: [ImportDocument], reference: ReferenceData, writes: Bool, _ db: Database,
        progress: (Int) -> Void = { _ in }
    ) throws -> (summary: ImportSummary, written: Written) {
        let run = try run(documents, reference: reference, writes: writes, keeps: false, db, progress: progress)
        return (run.summary, run.written)
    }

    /// Registers one record (a need or an NGO) as an import of it would, and gives it back as written.
    static func register(_ document: ImportDocument, reference: ReferenceData, _ db: Database) throws -> (
        needs: [Need], ngos: [NGO]
    ) {
        try run([document], reference: reference, writes: true, keeps: true, db, progress: { _ in }).kept
    }

    private static func run(
        _ documents: [ImportDocument], reference: ReferenceData, writes: Bool, keeps: Bool, _ db: Database,
        progress: (Int) -> Void
    ) throws -> (summary: ImportSummary, kept: (needs: [Need], ngos: [NGO]), written: Written) {
        let records = documents.reduce(0) { $0 + $1.count }
        var run = ImportRun(
            reader: RecordReader(reference: reference), db: db, writes: writes, keeps: keeps,
            remembers: writes && records > largestLoggedImport,
            needIDs: NeedIDAllocator(existing: try String.fetchAll(db, sql: "SELECT id FROM need")))
        // The default 2 MB page cache spilled a large import's growing tables to the WAL again and
        // again: 146,000 page writes for 100,000 NGOs against 113,000 with 64 MB.
        let large = writes && records > sliceSize
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        if large { try db.execute(sql: "PRAGMA cache_size = -65536") }
        defer { if large { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
        // Asked only where it saves work: a registration would pay three queries to save one.
        if run.remembers {
            run.startedEmpty =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT NOT EXISTS (SELECT 1 FROM need) AND NOT EXISTS (SELECT 1 FROM ngo)
                          AND NOT EXISTS (SELECT 1 FROM partnership)
                        """) ?? false
            run.written.areTheWholeRegistry = run.startedEmpty
        }
        for document in documents { try run.take(document, progress) }
        try run.takePartnerships()
        guard run.failures.isEmpty else { throw ValidationFailure(records: run.failures) }
        var changed: RecordChanges?
        if run.seenNeeds.count + run.seenNGOs.count + run.partnerships <= largestLoggedImport {
            var changes = RecordChanges()
            changes.needs = Set(run.seenNeeds.keys)
            changes.ngos = Set(run.seenNGOs.keys)
            changes.partnerships = Set(run.partnershipPairs)
            changed = changes
        }
        let summary = ImportSummary(
            needs: run.seenNeeds.count, ngos: run.seenNGOs.count, partnerships: run.partnerships, changed: changed)
        return (summary, run.kept, changed == nil ? run.written : Written())
    }

    private init(
        reader: RecordReader, db: Database, writes: Bool, keeps: Bool, remembers: Bool, needIDs: NeedIDAllocator
    ) {
        self.reader = reader
        self.db = db
        self.writes = writes
        self.keeps = keeps
        self.remembers = remembers
        self.needIDs = needIDs
    }

    /// A record as a worker core leaves it: parsed, read and encoded as it would be written, its
    /// JSON freed there; what depends on the other records is checked in order on the writing thread.
    private enum Read: Sendable {
        case need(Need, document: Result<String, any Error>?, location: Phrase)
        case ngo(NGO, document: Result<String, any Error>?, location: Phrase)
        case invalid(RecordProblems)
        /// A partnership, or a need without an id (named after the needs before it).
        case inOrder(ImportDocument.RawRecord, ImportDocument.Kind)
    }

    private static func read(
        _ document: ImportDocument, at index: Int, _ reader: RecordReader, stamp: String, encodes: Bool
    ) -> Read {
        let record: ImportDocument.RawRecord
        switch document.record(at: index) {
        case .failure(let unreadable): return .invalid(unreadable)
        case .success(let read): record = read
        }
        func encoded(_ value: some Encodable) -> Result<String, any Error>? {
            encodes ? Result { try Registry.encode(value) } : nil
        }
        switch ImportDocument.kind(of: record.value) {
        case .ngo:
            switch reader.ngo(from: record.value) {
            case .success(var ngo):
                ngo.createdAt = ngo.createdAt ?? stamp
                ngo.updatedAt = ngo.updatedAt ?? ngo.createdAt
                return .ngo(ngo, document: encoded(ngo), location: record.location)
            case .failure(let invalid):
                return refused(record, "NGO", invalid)
            }
        case .need:
            var namesItself = true
            let result = reader.need(
                from: record.value,
                makeID: { _ in
                    namesItself = false
                    return NeedID("")
                })
            guard namesItself else { return .inOrder(record, .need) }
            switch result {
            case .success(var need):
                need.createdAt = need.createdAt ?? stamp
                need.updatedAt = need.updatedAt ?? need.createdAt
                return .need(need, document: encoded(need), location: record.location)
            case .failure(let invalid):
                return refused(record, "need", invalid)
            }
        case .partnership:
            return .inOrder(record, .partnership)
        case nil:
            return .invalid(
                RecordProblems(
                    location: record.location, record: .verbatim(""),
                    problems: [FieldProblem(field: "type", .key("problem.unknownType"))]))
        }
    }

    private static func refused(_ record: ImportDocument.RawRecord, _ kind: String, _ invalid: InvalidRecord) -> Read {
        .invalid(
            RecordProblems(location: record.location, record: label(record.value, kind), problems: invalid.problems))
    }

    /// Reads the slices of `document` on the worker cores, each while the writing thread checks
    /// and inserts the slice before it.
    private mutating func take(_ document: ImportDocument, _ progress: (Int) -> Void) throws {
        let slices = stride(from: 0, to: document.count, by: Self.sliceSize).map {
            $0..<min(document.count, $0 + Self.sliceSize)
        }
        let reader = self.reader
        let stamp = self.stamp
        let encodes = writes
        func reading(_ slice: Range<Int>) -> SliceReading<Read> {
            SliceReading {
                Array(slice).concurrentMap { index in
                    Self.read(document, at: index, reader, stamp: stamp, encodes: encodes)
                }
            }
        }
        var following = slices.dropFirst().makeIterator()
        var pending = slices.first.map(reading)
        // A write that fails still waits for the slice being read: no work outlives the import.
        defer { _ = pending?.result() }
        while let current = pending {
            pending = following.next().map(reading)
            for read in current.result() {
                done += 1
                progress(done)
                try take(read)
            }
        }
    }

    private mutating func take(_ read: Read) throws {
        switch read {
        case .ngo(let ngo, let document, let location):
            guard try isNew(ngo.id.rawValue, "ngo", seenAt: seenNGOs[ngo.id], location) else { return }
            seenNGOs[ngo.id] = location
            importedNGOs.append(NGODirectory.Entry(id: ngo.id, name: ngo.name, acronym: ngo.acronym))
            guard writes, failures.isEmpty else { return }
            let text = try document?.get()
            try Registry.insert(ngo, document: text, db)
            if keeps { kept.ngos.append(ngo) }
            if remembers, let text { written.ngos.append(.init(id: ngo.id.rawValue, document: text, record: ngo)) }
        case .need(let need, let document, let location):
            guard try isNew(need.id.rawValue, "need", seenAt: seenNeeds[need.id], location) else { return }
            seenNeeds[need.id] = location
            needIDs.claim(need.id)
            guard writes, failures.isEmpty else { return }
            let text = try document?.get()
            try Registry.insert(need, document: text, db)
            if keeps { kept.needs.append(need) }
            if remembers, let text { written.needs.append(.init(id: need.id.rawValue, document: text, record: need)) }
        case .inOrder(let record, .need):
            switch reader.need(from: record.value, makeID: { needIDs.next(for: $0) }) {
            case .success(var need):
                need.createdAt = need.createdAt ?? stamp
                need.updatedAt = need.updatedAt ?? need.createdAt
                let document = writes ? Result { try Registry.encode(need) } : nil
                try take(.need(need, document: document, location: record.location))
            case .failure(let invalid):
                failures.append(
                    RecordProblems(
                        location: record.location, record: Self.label(record.value, "need"), problems: invalid.problems)
                )
            }
        case .inOrder(let record, _):
            pendingPartnerships.append(record)
        case .invalid(let problems):
            failures.append(problems)
        }
    }

    /// Partnerships last: they may name needs and NGOs anywhere in the import.
    private mutating func takePartnerships() throws {
        guard !pendingPartnerships.isEmpty else { return }
        let existingNGOs = try Registry.ngoDirectory(db)
        let batchNGOs = NGODirectory(importedNGOs)
        let existingNeeds = Set(try String.fetchAll(db, sql: "SELECT id FROM need"))
        let seenNeeds = self.seenNeeds
        var seenPairs: Set<String> = []
        for record in pendingPartnerships {
            let result = reader.partnership(
                from: record.value,
                resolveNeed: { id in
                    seenNeeds[NeedID(id)] != nil || existingNeeds.contains(id) ? NeedID(id) : nil
                },
                resolveNGO: { (text: String) throws(LookupError) -> NGOID in
                    if let id = try? batchNGOs.resolve(text).id { return id }
                    return try existingNGOs.resolve(text).id
                })
            switch result {
            case .success(var partnership):
                guard seenPairs.insert("\(partnership.need) \(partnership.ngo)").inserted else {
                    failures.append(
                        RecordProblems(
                            location: record.location, record: .key("record.partnership"),
                            problems: [
                                FieldProblem(
                                    field: "need", .key("problem.pairTwice", partnership.need, partnership.ngo))
                            ]))
                    continue
                }
                partnership.recordedAt = partnership.recordedAt ?? stamp
                partnerships += 1
                if partnerships <= Self.largestLoggedImport {
                    partnershipPairs.append([partnership.need.rawValue, partnership.ngo.rawValue])
                }
                if writes && failures.isEmpty { try Registry.upsert(partnership, db) }
                if remembers { written.partnerships.append(partnership) }
            case .failure(let invalid):
                failures.append(
                    RecordProblems(
                        location: record.location, record: .key("record.partnership"), problems: invalid.problems))
            }
        }
    }

    /// Whether the id is used neither earlier in the import nor in the registry; if it is, says so.
    private mutating func isNew(_ id: String, _ table: String, seenAt: Phrase?, _ location: Phrase) throws -> Bool {
        guard let duplicate = try Self.duplicateMessage(id, table, seenAt, startedEmpty ? nil : db) else { return true }
        failures.append(
            RecordProblems(
                location: location, record: .key(table == "need" ? "record.need" : "record.ngo", id),
                problems: [FieldProblem(field: "id", duplicate)]))
        return false
    }

    /// - Parameter db: nil when the registry holds no records to clash with.
    private static func duplicateMessage(_ id: String, _ table: String, _ seenAt: Phrase?, _ db: Database?) throws
        -> Phrase?
    {
        if let seenAt { return .key("problem.duplicateInImport", id, seenAt) }
        guard let db else { return nil }
        let exists = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)")
        if try Bool.fetchOne(exists, arguments: [id]) == true {
            let command = table == "need" ? "needs update" : "ngos update"
            return .key("problem.duplicateInRegistry", id, command)
        }
        return nil
    }

    /// `kind` is "need" or "NGO": the record is named by its id, name or title when it has one.
    private static func label(_ value: JSONValue, _ kind: String) -> Phrase {
        let key = kind == "need" ? "record.need" : "record.ngo"
        for field in ["id", "name", "title"] {
            if case .string(let text)? = value[field], !text.isEmpty { return .key(key, text) }
        }
        return .key("kind." + kind)
    }
}
