import NGOMatchCore

package enum PartnershipRecordOperation: ServiceOperation {
    package static let name = "partnerships.record"
    package static let command = "partnerships record"
    package static let access = Access.write(
        "the ministry; a province token for its own needs; an NGO token for itself")
    package static let summary = "Records a pair's status."
    package static let guidance =
        "Records where a need–NGO pair stands: proposed, agreed, active, completed or declined. Completed partnerships count as track record; a declined pair is not suggested again."
    package static let example = #"{"need":"cao-bang-3","ngo":"WWF","status":"proposed"}"#
    package static let commandExample = [
        "partnerships", "record", "--need", "cao-bang-3", "--ngo", "WWF", "--status", "proposed",
    ]
    package static func run(_ service: MatchService, _ params: PartnershipRecordParams, caller: Caller) throws
        -> Partnership
    {
        try service.recordPartnership(params, caller: caller)
    }
}

package enum PartnershipsListOperation: ServiceOperation {
    package static let name = "partnerships.list"
    package static let command = "partnerships list"
    package static let access = Access.read
    package static let summary = "Partnerships."
    package static let guidance = "Recorded partnerships, for a need, an NGO, or all."
    package static let example = #"{"ngo":"WWF"}"#
    package static let commandExample = ["partnerships", "list", "--ngo", "WWF"]
    package static func run(_ service: MatchService, _ params: PartnershipsListParams, caller: Caller) throws
        -> Page<Partnership>
    {
        try Paging.page(
            service.partnerships(params), list: "partnerships", key: { "\($0.need.rawValue)\t\($0.ngo.rawValue)" },
            limit: params.limit, after: params.after)
    }
}
