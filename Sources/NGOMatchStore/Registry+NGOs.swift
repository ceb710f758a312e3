import GRDB
import NGOMatchCore

/// Which NGOs to list; every condition is optional.
package struct NGOFilter: Sendable {
    /// A sector or a top-level sector whose subsectors also count.
    package var sector: SectorID?
    /// NGOs working there now, or nationwide.
    package var province: ProvinceID?
    package var country: String?

    package init(sector: SectorID? = nil, province: ProvinceID? = nil, country: String? = nil) {
        self.sector = sector
        self.province = province
        self.country = country
    }
}

extension Registry {
    package func ngos(_ filter: NGOFilter = NGOFilter()) throws -> [NGO] {
        var condition = "1"
        var arguments: StatementArguments = []
        if let sector = filter.sector {
            condition =
                "id IN (SELECT ngo_id FROM ngo_sector JOIN sector ON sector.id = sector_id WHERE sector.id = ? OR sector.parent_id = ?)"
            arguments = [sector.rawValue, sector.rawValue]
        }
        let ngos = try database.read { try Self.fetchNGOs($0, where: condition, arguments: arguments) }
        return ngos.filter { ngo in
            (filter.province.map { ngo.provinces.nationwide || ngo.provinces.current.contains($0) } ?? true)
                && (filter.country.map { NameKey.fold(ngo.country) == NameKey.fold($0) } ?? true)
        }
    }

    /// Finds an NGO by id, name or acronym.
    /// - Throws: `LookupError` when none or several match.
    package func ngo(named name: String) throws -> NGO {
        try database.read { db in
            let id = try Self.resolveNGO(name, db)
            return try Self.fetchNGOs(db, where: "id = ?", arguments: [id.rawValue])[0]
        }
    }

    /// Registers a new NGO from a record in the import format.
    /// - Throws: `ValidationFailure` naming every bad field; nothing is written.
    package func addNGO(_ record: JSONValue, audit: AuditEntry? = nil) throws -> NGO {
        try change(audit: audit) { db in
            try ImportRun.register(Self.single(record, type: "ngo"), reference: reference, db).ngos[0]
        }
    }

    /// Changes the fields in `changes` of the NGO `name` resolves to.
    package func updateNGO(_ name: String, changes: JSONValue, audit: AuditEntry? = nil) throws -> NGO {
        try change(audit: audit) { db in
            let id = try Self.resolveNGO(name, db)
            let existing = try Self.fetchNGOs(db, where: "id = ?", arguments: [id.rawValue])[0]
            let ngo = try Self.merged(existing, changes) { RecordReader(reference: reference).ngo(from: $0) }
            try Self.update(ngo, db)
            return ngo
        }
    }
}
