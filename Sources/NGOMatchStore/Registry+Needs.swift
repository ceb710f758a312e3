import GRDB
import NGOMatchCore

/// Which needs to list; every condition is optional.
package struct NeedFilter: Sendable {
    package var province: ProvinceID?
    package var status: Need.Status?
    /// A sector or a top-level sector whose subsectors also count.
    package var sector: SectorID?
    package var region: RegionID?

    package init(
        province: ProvinceID? = nil, status: Need.Status? = nil, sector: SectorID? = nil, region: RegionID? = nil
    ) {
        self.province = province
        self.status = status
        self.sector = sector
        self.region = region
    }
}

extension Registry {
    package func needs(_ filter: NeedFilter = NeedFilter()) throws -> [Need] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let province = filter.province {
            conditions.append("province_id = ?")
            _ = arguments.append(contentsOf: [province.rawValue])
        }
        if let region = filter.region {
            conditions.append("province_id IN (SELECT id FROM province WHERE region = ?)")
            _ = arguments.append(contentsOf: [region.rawValue])
        }
        if let status = filter.status {
            conditions.append("status = ?")
            _ = arguments.append(contentsOf: [status.rawValue])
        }
        if let sector = filter.sector {
            conditions.append(
                "id IN (SELECT need_id FROM need_sector JOIN sector ON sector.id = sector_id WHERE sector.id = ? OR sector.parent_id = ?)"
            )
            _ = arguments.append(contentsOf: [sector.rawValue, sector.rawValue])
        }
        let condition = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        return try database.read { try Self.fetchNeeds($0, where: condition, arguments: arguments) }
    }

    /// - Throws: `RegistryError.notFound` with the closest ids.
    package func need(_ id: String) throws -> Need {
        try database.read { try Self.need(id, $0) }
    }

    /// Registers a new need from a record in the import format.
    /// - Throws: `ValidationFailure` naming every bad field; nothing is written.
    package func addNeed(_ record: JSONValue, audit: AuditEntry? = nil) throws -> Need {
        try change(audit: audit) { db in
            try ImportRun.register(Self.single(record, type: "need"), reference: reference, db).needs[0]
        }
    }

    /// Changes the fields in `changes` (same shape as a record; lists are replaced whole).
    package func updateNeed(_ id: String, changes: JSONValue, audit: AuditEntry? = nil) throws -> Need {
        try change(audit: audit) { db in
            let existing = try Self.need(id, db)
            let need = try Self.merged(existing, changes) {
                RecordReader(reference: reference).need(from: $0, makeID: { _ in existing.id })
            }
            try Self.update(need, db)
            return need
        }
    }

    static func need(_ id: String, _ db: Database) throws -> Need {
        if let need = try fetchNeeds(db, where: "id = ?", arguments: [id]).first { return need }
        let ids = try String.fetchAll(db, sql: "SELECT id FROM need")
        throw RegistryError.notFound(kind: "need", id: id, suggestions: Suggestions.closest(to: id, among: ids))
    }

    static func single(_ record: JSONValue, type: String) -> ImportDocument {
        var value = record
        if case .object(var fields) = record {
            fields["type"] = .string(type)
            value = .object(fields)
        }
        return ImportDocument(records: [ImportDocument.RawRecord(location: .verbatim(""), value: value)])
    }
}
