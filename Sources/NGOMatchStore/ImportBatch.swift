import GRDB
import NGOMatchCore

/// The records of one import, read and checked against the registry before anything is written.
struct ImportBatch {
    var needs: [Need] = []
    var ngos: [NGO] = []
    var partnerships: [Partnership] = []

    /// Reads every record, collecting every problem of every record.
    /// - Throws: `ValidationFailure` listing all invalid records; nothing is written.
    static func read(
        _ documents: [ImportDocument], reference: ReferenceData, _ db: Database, progress: (Int) -> Void = { _ in }
    ) throws -> ImportBatch {
        let reader = RecordReader(reference: reference)
        var batch = ImportBatch()
        var failures: [RecordProblems] = []
        var needIDs = NeedIDAllocator(existing: try String.fetchAll(db, sql: "SELECT id FROM need"))
        var seenNeeds: [NeedID: Phrase] = [:]
        var seenNGOs: [NGOID: Phrase] = [:]
        let stamp = Registry.now()
        var pendingPartnerships: [ImportDocument.RawRecord] = []

        let records = documents.flatMap(\.records)
        // Reading an NGO depends on nothing but the record: the bulk of a large import, read on every core.
        let readNGOs = records.concurrentMap { record in
            ImportDocument.kind(of: record.value) == .ngo ? reader.ngo(from: record.value) : nil
        }
        for (index, record) in records.enumerated() {
            progress(index + 1)
            switch ImportDocument.kind(of: record.value) {
            case .need:
                switch reader.need(from: record.value, makeID: { needIDs.next(for: $0) }) {
                case .success(var need):
                    if let duplicate = try duplicateMessage(need.id.rawValue, "need", seenNeeds[need.id], db) {
                        failures.append(
                            RecordProblems(
                                location: record.location, record: .key("record.need", need.id),
                                problems: [FieldProblem(field: "id", duplicate)]))
                        continue
                    }
                    seenNeeds[need.id] = record.location
                    needIDs.claim(need.id)
                    need.createdAt = need.createdAt ?? stamp
                    need.updatedAt = need.updatedAt ?? need.createdAt
                    batch.needs.append(need)
                case .failure(let invalid):
                    failures.append(
                        RecordProblems(
                            location: record.location, record: label(record.value, "need"), problems: invalid.problems))
                }
            case .ngo:
                switch readNGOs[index] ?? reader.ngo(from: record.value) {
                case .success(var ngo):
                    if let duplicate = try duplicateMessage(ngo.id.rawValue, "ngo", seenNGOs[ngo.id], db) {
                        failures.append(
                            RecordProblems(
                                location: record.location, record: .key("record.ngo", ngo.id),
                                problems: [FieldProblem(field: "id", duplicate)]))
                        continue
                    }
                    seenNGOs[ngo.id] = record.location
                    ngo.createdAt = ngo.createdAt ?? stamp
                    ngo.updatedAt = ngo.updatedAt ?? ngo.createdAt
                    batch.ngos.append(ngo)
                case .failure(let invalid):
                    failures.append(
                        RecordProblems(
                            location: record.location, record: label(record.value, "NGO"), problems: invalid.problems))
                }
            case .partnership:
                pendingPartnerships.append(record)
            case nil:
                failures.append(
                    RecordProblems(
                        location: record.location, record: .verbatim(""),
                        problems: [
                            FieldProblem(field: "type", .key("problem.unknownType"))
                        ]))
            }
        }
        if !pendingPartnerships.isEmpty {
            let existingNGOs = try Registry.ngoDirectory(db)
            let batchNGOs = NGODirectory(
                batch.ngos.map { NGODirectory.Entry(id: $0.id, name: $0.name, acronym: $0.acronym) })
            let existingNeeds = Set(try String.fetchAll(db, sql: "SELECT id FROM need"))
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
                    batch.partnerships.append(partnership)
                case .failure(let invalid):
                    failures.append(
                        RecordProblems(
                            location: record.location, record: .key("record.partnership"), problems: invalid.problems))
                }
            }
        }
        guard failures.isEmpty else { throw ValidationFailure(records: failures) }
        return batch
    }

    func write(_ db: Database) throws {
        let ngoDocuments = ngos.concurrentMap { ngo in Result { try Registry.encode(ngo) } }
        for (ngo, document) in zip(ngos, ngoDocuments) { try Registry.insert(ngo, document: document.get(), db) }
        let needDocuments = needs.concurrentMap { need in Result { try Registry.encode(need) } }
        for (need, document) in zip(needs, needDocuments) { try Registry.insert(need, document: document.get(), db) }
        for partnership in partnerships { try Registry.upsert(partnership, db) }
    }

    private static func duplicateMessage(_ id: String, _ table: String, _ seenAt: Phrase?, _ db: Database) throws
        -> Phrase?
    {
        if let seenAt { return .key("problem.duplicateInImport", id, seenAt) }
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

/// Names needs that arrive without an id: `<province>-<n>`, after the highest n in use.
struct NeedIDAllocator {
    private var highest: [String: Int] = [:]

    init(existing: [String]) {
        for id in existing { claim(NeedID(id)) }
    }

    mutating func claim(_ id: NeedID) {
        guard let dash = id.rawValue.lastIndex(of: "-"),
            let number = Int(id.rawValue[id.rawValue.index(after: dash)...])
        else { return }
        let prefix = String(id.rawValue[..<dash])
        highest[prefix] = max(highest[prefix] ?? 0, number)
    }

    mutating func next(for province: ProvinceID) -> NeedID {
        let number = (highest[province.rawValue] ?? 0) + 1
        highest[province.rawValue] = number
        return NeedID("\(province.rawValue)-\(number)")
    }
}
