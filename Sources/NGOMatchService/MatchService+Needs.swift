import NGOMatchCore
import NGOMatchStore

package struct NeedGetParams: OperationParams {
    package static let parameters = [Parameter("id", .text, required: true, "The need's id, e.g. cao-bang-1.")]
    package var id: String
    package init(id: String) { self.id = id }
}

package struct NeedsListParams: OperationParams {
    package static let parameters = [
        Parameter.province, Parameter.sector, Parameter.region,
        Parameter("status", .choice(["open", "partnered", "closed"]), "Only needs with this status."),
        Parameter(
            "search", .text,
            "Words that must all appear in the need's id, title, description or localities, with or without diacritics."
        ),
        Paging.limit, Paging.after,
    ]
    package var province: String?
    package var sector: String?
    package var region: String?
    package var status: String?
    package var search: String?
    package var limit: Int?
    package var after: String?

    package init(
        province: String? = nil, sector: String? = nil, region: String? = nil, status: String? = nil,
        search: String? = nil, limit: Int? = nil, after: String? = nil
    ) {
        self.province = province
        self.sector = sector
        self.region = region
        self.status = status
        self.search = search
        self.limit = limit
        self.after = after
    }
}

package struct NeedCloseParams: OperationParams {
    package static let parameters = [
        Parameter("id", .text, required: true, "The need's id."),
        Parameter("status", .choice(["closed", "partnered"]), "closed (the default) or partnered."),
    ]
    package var id: String
    package var status: String?
    package init(id: String, status: String? = nil) {
        self.id = id
        self.status = status
    }
}

extension MatchService {
    /// From the index of the registry's revision; a miss asks the registry, which names the closest ids.
    package func need(_ params: NeedGetParams) throws -> Need {
        if let index = try keptIndex(), let position = index.needPosition(NeedID(params.id)) {
            return index.needs[position]
        }
        return try registry.need(params.id)
    }

    package func needs(_ params: NeedsListParams) throws -> [Need] {
        var filter = NeedFilter()
        filter.province = try params.province.map { try reference.provinces.resolve($0).province.id }
        filter.sector = try params.sector.map { try reference.taxonomy.resolve($0).id }
        filter.region = try params.region.map(region(_:))
        if let status = params.status {
            guard let parsed = Need.Status(rawValue: status) else {
                let choices = Need.Status.allCases.map(\.rawValue)
                throw ServiceError.invalidParams(
                    field: "status",
                    expected: .notOneOf(status, choices))
            }
            filter.status = parsed
        }
        // From the compiled index when one is kept at the registry's revision: a list page of
        // thousands of needs then costs a filter, not a read and decode of every document. A new
        // process reads the needs alone rather than compile the NGOs too.
        let taxonomy = reference.taxonomy
        let words = SearchWords(params.search)
        let needs = try keptIndex().map { $0.needs.all() } ?? registry.needs()
        return needs.filter { need in
            words.found(in: [need.id.rawValue, need.title, need.description] + need.localities)
                && (filter.province.map { need.province == $0 } ?? true)
                && (filter.region.map { reference.provinces[need.province]?.region == $0 } ?? true)
                && (filter.status.map { need.status == $0 } ?? true)
                && (filter.sector.map { wanted in
                    need.sectors.contains { $0.sector == wanted || taxonomy[$0.sector]?.parent == wanted }
                } ?? true)
        }.sorted { $0.id.rawValue < $1.id.rawValue }
    }

    /// Registers a need from a record in the import format.
    package func registerNeed(_ record: JSONValue, caller: Caller, method: String) throws -> Need {
        if case .string(let name)? = record["province"],
            let province = try? reference.provinces.resolve(name).province.id
        {
            try caller.mayWriteNeed(of: province, method)
        } else if case .anonymous = caller {
            // An unknown or missing province is the registry's to report, as a validation error.
            throw ServiceError.unauthorized
        }
        let need = try registry.addNeed(record, audit: caller.audit(method))
        needRegistered(need.id)
        return need
    }

    /// Changes the fields given; `id` names the need.
    package func updateNeed(_ id: String, changes: JSONValue, caller: Caller, method: String) throws
        -> Need
    {
        let existing = try registry.need(id)
        try caller.mayWriteNeed(of: existing.province, method)
        if case .string(let name)? = changes["province"], let moved = try? reference.provinces.resolve(name).province.id
        {
            try caller.mayWriteNeed(of: moved, method)
        }
        return try registry.updateNeed(id, changes: changes, audit: caller.audit(method))
    }

    package func closeNeed(_ params: NeedCloseParams, caller: Caller) throws -> Need {
        let status = params.status ?? "closed"
        guard ["closed", "partnered"].contains(status) else {
            throw ServiceError.invalidParams(field: "status", expected: .notOneOf(status, ["closed", "partnered"]))
        }
        return try updateNeed(
            params.id, changes: .object(["status": .string(status)]), caller: caller, method: "needs.close")
    }
}
