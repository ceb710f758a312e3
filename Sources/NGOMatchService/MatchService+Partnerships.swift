import NGOMatchCore
import NGOMatchStore

package struct PartnershipRecordParams: OperationParams {
    package static let parameters = [
        Parameter("need", .text, required: true, "The need's id."), Parameter.ngo,
        Parameter(
            "status", .choice(["proposed", "agreed", "active", "completed", "declined"]), required: true,
            "Where the partnership stands."),
        Parameter("note", .text, "A short note (who was contacted, what was agreed)."),
    ]
    package var need: String
    package var ngo: String
    package var status: String
    package var note: String?

    package init(need: String, ngo: String, status: String, note: String? = nil) {
        self.need = need
        self.ngo = ngo
        self.status = status
        self.note = note
    }
}

package struct PartnershipsListParams: OperationParams {
    package static let parameters = [
        Parameter("need", .text, "Only this need's partnerships."),
        Parameter("ngo", .text, "Only this NGO's partnerships."),
        Paging.limit, Paging.after,
    ]
    package var need: String?
    package var ngo: String?
    package var limit: Int?
    package var after: String?

    package init(need: String? = nil, ngo: String? = nil, limit: Int? = nil, after: String? = nil) {
        self.need = need
        self.ngo = ngo
        self.limit = limit
        self.after = after
    }
}

extension MatchService {
    package func recordPartnership(_ params: PartnershipRecordParams, caller: Caller) throws -> Partnership {
        guard let status = Partnership.Status(rawValue: params.status) else {
            let choices = Partnership.Status.allCases.map(\.rawValue)
            throw ServiceError.invalidParams(
                field: "status",
                expected: .notOneOf(params.status, choices))
        }
        let need = try registry.need(params.need)
        let ngo = try registry.ngo(named: params.ngo)
        try caller.mayRecordPartnership(province: need.province, ngo: ngo.id, "partnerships.record")
        return try registry.recordPartnership(
            need: need.id.rawValue, ngo: ngo.id.rawValue, status: status, note: params.note,
            audit: caller.audit("partnerships.record"))
    }

    package func partnerships(_ params: PartnershipsListParams) throws -> [Partnership] {
        try registry.partnerships(need: params.need, ngo: params.ngo)
    }
}
