import NGOMatchCore
import NGOMatchStore

package struct NGOGetParams: OperationParams {
    package static let parameters = [Parameter.ngo]
    package var ngo: String
    package init(ngo: String) { self.ngo = ngo }
}

package struct NGOsListParams: OperationParams {
    package static let parameters = [
        Parameter("sector", .text, "Only NGOs offering this sector (or a subsector of it)."),
        Parameter("province", .text, "Only NGOs working in this province now (any name, former names too)."),
        Parameter("country", .text, "Only NGOs from this country (e.g. Germany)."),
        Parameter("region", .text, "Only NGOs working now in a province of this region (nationwide ones too)."),
        Parameter(
            "search", .text,
            "Words that must all appear in the NGO's id, name, acronym or country, with or without diacritics."),
        Parameter(
            "certificateExpiresWithin", .integer,
            "Only NGOs whose certificate expires within this many days from today, or has expired already."),
        Paging.limit, Paging.after,
    ]
    package var sector: String?
    package var province: String?
    package var country: String?
    package var region: String?
    package var search: String?
    package var certificateExpiresWithin: Int?
    package var limit: Int?
    package var after: String?

    package init(
        sector: String? = nil, province: String? = nil, country: String? = nil, region: String? = nil,
        search: String? = nil, certificateExpiresWithin: Int? = nil, limit: Int? = nil, after: String? = nil
    ) {
        self.sector = sector
        self.province = province
        self.country = country
        self.region = region
        self.search = search
        self.certificateExpiresWithin = certificateExpiresWithin
        self.limit = limit
        self.after = after
    }
}

extension MatchService {
    /// From the index of the registry's revision, found by id, name or acronym.
    package func ngo(_ params: NGOGetParams) throws -> NGO {
        // A new process reads the one NGO rather than compile them all.
        guard let index = try keptIndex() else { return try registry.ngo(named: params.ngo) }
        let entry = try ngoDirectory().resolve(params.ngo)
        // A write between the two reads may have changed the registry: then ask again.
        guard let position = index.ngoPosition(entry.id) else { return try ngo(params) }
        return index.ngos[position]
    }

    /// From the compiled index, kept at the registry's revision, like `needs`.
    package func ngos(_ params: NGOsListParams) throws -> [NGO] {
        let sector = try params.sector.map { try reference.taxonomy.resolve($0).id }
        let province = try params.province.map { try reference.provinces.resolve($0).province.id }
        let country = params.country.map(NameKey.fold)
        let region = try params.region.map(region(_:))
        let words = SearchWords(params.search)
        if let days = params.certificateExpiresWithin, days < 0 {
            throw ServiceError.invalidParams(
                field: "certificateExpiresWithin", expected: .key("params.days", days))
        }
        let lastDay = params.certificateExpiresWithin.map { CalendarDate(dayNumber: CalendarDate.today.dayNumber + $0) }
        let provinces = reference.provinces
        let taxonomy = reference.taxonomy
        return try index().ngos.all().filter { ngo in
            words.found(in: [ngo.id.rawValue, ngo.name, ngo.acronym ?? "", ngo.country])
                && (lastDay.map { last in ngo.registration.map { $0.expires <= last } ?? false } ?? true)
                && (region.map { wanted in
                    ngo.provinces.nationwide || ngo.provinces.current.contains { provinces[$0]?.region == wanted }
                } ?? true)
                && (sector.map { wanted in
                    ngo.sectors.contains { $0.sector == wanted || taxonomy[$0.sector]?.parent == wanted }
                } ?? true)
                && (province.map { ngo.provinces.nationwide || ngo.provinces.current.contains($0) } ?? true)
                && (country.map { NameKey.fold(ngo.country) == $0 } ?? true)
        }.sorted { $0.id.rawValue < $1.id.rawValue }
    }

    /// Registers an NGO from a record in the import format. An NGO token may
    /// only register the profile its token names.
    package func registerNGO(_ record: JSONValue, caller: Caller) throws -> NGO {
        if case .ngo(let own)? = caller.role {
            _ = try caller.writer("ngos.register")
            guard case .string(let id)? = record["id"], NGOID(id) == own else {
                throw ServiceError.forbidden(.key("forbidden.ngoRegister", own.rawValue))
            }
        } else {
            try caller.mayWriteNGO(nil, "ngos.register")
        }
        return try registry.addNGO(record, audit: caller.audit("ngos.register"))
    }

    /// Changes the fields given of the NGO `name` resolves to.
    package func updateNGO(_ name: String, changes: JSONValue, caller: Caller) throws -> NGO {
        let existing = try registry.ngo(named: name)
        try caller.mayWriteNGO(existing.id, "ngos.update")
        return try registry.updateNGO(existing.id.rawValue, changes: changes, audit: caller.audit("ngos.update"))
    }
}
