import Foundation
import NGOMatchCore
import NGOMatchStore

/// One operation as a named method: what the protocol dispatches and the CLI's
/// commands call. Every user-visible operation is defined here once.
public struct Method: Sendable {
    /// What a call costs, which decides where a server may run it.
    public enum Cost: Sendable {
        /// Answered at once from memory (`ping`).
        case immediate
        /// A read of the registry: its result is kept per revision and served again while it holds.
        case cached
        /// A write, or a read too large to keep (`pairing.plan`).
        case uncached
    }

    public let name: String
    /// The CLI command that runs the same operation, e.g. `needs add`.
    public let command: String
    public let isWrite: Bool
    public let cost: Cost
    public let summary: String
    /// Decodes the parameters, runs the operation and encodes its result as JSON.
    public let call: @Sendable (Service, JSONValue?, Caller) throws -> Data

    static func make<Params: OperationParams, Output: Encodable & Sendable>(
        _ name: String, command: String, write: Bool = false, cost: Cost? = nil, _ summary: String,
        _ run: @escaping @Sendable (Service, Params, Caller) throws -> Output
    ) -> Method {
        let cost = cost ?? (write ? .uncached : .cached)
        return Method(name: name, command: command, isWrite: write, cost: cost, summary: summary) {
            service, params, caller in
            let compute = { try Self.encode(run(service, try Params.decode(params), caller)) }
            guard cost == .cached, let key = cacheKey(name, params) else { return try compute() }
            return try service.cachedResult(key, compute: compute)
        }
    }

    /// The result if it is at hand without waiting for the registry or the CPU: nil means "run `call`".
    public func resultWithoutWaiting(_ service: Service, _ params: JSONValue?, _ caller: Caller) throws -> Data? {
        switch cost {
        case .immediate: try call(service, params, caller)
        case .cached: Self.cacheKey(name, params).flatMap { service.cachedResultWithoutWaiting($0) }
        case .uncached: nil
        }
    }

    /// Results under a rule file are not kept: the file may change under the same name. Those
    /// under a registry rule set are, as adding a version moves the registry's revision.
    private static func cacheKey(_ name: String, _ params: JSONValue?) -> [UInt8]? {
        switch params?["rules"] {
        case .string(let rules)? where RuleSetSource.looksLikePath(rules): return nil
        case .array(let items)?
        where items.contains(where: {
            if case .string(let rules) = $0 { RuleSetSource.looksLikePath(rules) } else { false }
        }):
            return nil
        default: return ReplyCache.key(method: name, params: params)
        }
    }

    /// A method whose parameters are a record in the import format, plus `key` naming an existing one.
    static func record<Output: Encodable & Sendable>(
        _ name: String, command: String, key: String?, _ summary: String,
        _ run: @escaping @Sendable (Service, String?, JSONValue, Caller) throws -> Output
    ) -> Method {
        Method(name: name, command: command, isWrite: true, cost: .uncached, summary: summary) {
            service, params, caller in
            guard case .object(var fields)? = params else {
                throw ServiceError.invalidParams(field: "params", expected: "an object with the record's fields")
            }
            var target: String? = nil
            if let key {
                guard case .string(let value)? = fields.removeValue(forKey: key) else {
                    throw ServiceError.invalidParams(field: key, expected: "is required (text)")
                }
                target = value
            }
            return try Self.encode(run(service, target, .object(fields), caller))
        }
    }

    static func encode(_ value: some Encodable) throws -> Data {
        try StreamingJSONEncoder.encode(value)
    }
}

/// Every method, by name.
public enum Methods {
    public static let all: [Method] = [
        .make("ping", command: "", cost: .immediate, "Checks the connection.") { (_, _: NoParams, _) in Pong() },
        .make("sectors.list", command: "sectors list", "The sector taxonomy.") { (service, _: NoParams, _) in
            service.sectors()
        },
        .make("provinces.list", command: "provinces list", "The 34 provinces.") {
            (service, params: ProvincesListParams, _) in
            try service.provinces(params)
        },
        .make("provinces.get", command: "provinces show", "One province, by any name.") {
            (service, params: ProvinceGetParams, _) in try service.province(params)
        },
        .record("needs.register", command: "needs add", key: nil, "Registers a need.") { service, _, record, caller in
            try service.registerNeed(record, caller: caller)
        },
        .record("needs.update", command: "needs update", key: "id", "Changes fields of a need.") {
            service, id, changes, caller in
            try service.updateNeed(id!, changes: changes, caller: caller)
        },
        .make("needs.close", command: "needs close", write: true, "Closes a need or marks it partnered.") {
            (service, params: NeedCloseParams, caller) in try service.closeNeed(params, caller: caller)
        },
        .make("needs.get", command: "needs show", "One need.") { (service, params: NeedGetParams, _) in
            try service.need(params)
        },
        .make("needs.list", command: "needs list", "Needs, filtered.") { (service, params: NeedsListParams, _) in
            try service.needs(params)
        },
        .record("ngos.register", command: "ngos add", key: nil, "Registers an NGO.") { service, _, record, caller in
            try service.registerNGO(record, caller: caller)
        },
        .record("ngos.update", command: "ngos update", key: "ngo", "Changes fields of an NGO.") {
            service, ngo, changes, caller in
            try service.updateNGO(ngo!, changes: changes, caller: caller)
        },
        .make("ngos.get", command: "ngos show", "One NGO, by id, name or acronym.") {
            (service, params: NGOGetParams, _) in
            try service.ngo(params)
        },
        .make("ngos.list", command: "ngos list", "NGOs, filtered.") { (service, params: NGOsListParams, _) in
            try service.ngos(params)
        },
        .make("match.suggest", command: "suggest", "NGOs ranked for a need or a province's open needs.") {
            (service, params: SuggestParams, _) in try service.suggest(params)
        },
        .make("match.discover", command: "discover", "Open needs ranked for an NGO.") {
            (service, params: DiscoverParams, _) in
            try service.discover(params)
        },
        .make("match.explain", command: "explain", "A pair's full score breakdown.") {
            (service, params: ExplainParams, _) in
            try service.explain(params)
        },
        .make("partnerships.record", command: "partnerships record", write: true, "Records a pair's status.") {
            (service, params: PartnershipRecordParams, caller) in try service.recordPartnership(params, caller: caller)
        },
        .make("partnerships.list", command: "partnerships list", "Partnerships.") {
            (service, params: PartnershipsListParams, _) in try service.partnerships(params)
        },
        .make("gaps.report", command: "gaps", "Weak needs, short sectors, provinces with few partners.") {
            (service, params: GapsParams, _) in try service.gaps(params)
        },
        .make("rules.list", command: "rules list", "The shipped rule sets and those added to the registry.") {
            (service, _: NoParams, _) in try service.ruleSets()
        },
        .make("rules.get", command: "rules show", "One rule set with its text; name@2 for a version.") {
            (service, params: RuleSetGetParams, _) in try service.ruleSet(params)
        },
        .make("rules.add", command: "rules add", write: true, "Adds a rule set, or a new version of one (ministry).") {
            (service, params: RuleSetAddParams, caller) in try service.addRuleSet(params, caller: caller)
        },
        .make("rules.remove", command: "rules remove", write: true, "Stops a rule set name resolving (ministry).") {
            (service, params: RuleSetGetParams, caller) in try service.removeRuleSet(params, caller: caller)
        },
        .make("match.compare", command: "suggest --compare-rules", "A ranking under two rule sets, side by side.") {
            (service, params: CompareParams, _) in try service.compare(params)
        },
        Method(
            name: "pairing.plan", command: "pair", isWrite: false, cost: .uncached,
            summary: "A schedule of bilateral meetings for an event."
        ) { service, params, _ in
            let request = try PlanRequest.read(params)
            return try Method.encode(PlanReport(service.plan(request), rules: request.scoringRules))
        },
    ]

    public static let byName: [String: Method] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}

struct Pong: JSONWritable, Sendable {
    let pong = true
    let service = "ngomatch"

    func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("pong", pong)
            object.member("service", service)
        }
    }
}
