import NGOMatchCore

public enum PartnershipRecordOperation: ServiceOperation {
    public static let name = "partnerships.record"
    public static let command = "partnerships record"
    public static let access = Access.write(
        "the ministry; a province token for its own needs; an NGO token for itself")
    public static let summary = "Records a pair's status."
    public static let guidance =
        "Records where a need–NGO pair stands: proposed, agreed, active, completed or declined. Completed partnerships count as track record; a declined pair is not suggested again."
    public static let example = #"{"need":"cao-bang-3","ngo":"WWF","status":"proposed"}"#
    public static let commandExample = [
        "partnerships", "record", "--need", "cao-bang-3", "--ngo", "WWF", "--status", "proposed",
    ]
    public static func run(_ service: MatchService, _ params: PartnershipRecordParams, caller: Caller) throws
        -> Partnership
    {
        try service.recordPartnership(params, caller: caller)
    }
}

public enum PartnershipsListOperation: ServiceOperation {
    public static let name = "partnerships.list"
    public static let command = "partnerships list"
    public static let access = Access.read
    public static let summary = "Partnerships."
    public static let guidance = "Recorded partnerships, for a need, an NGO, or all."
    public static let example = #"{"ngo":"WWF"}"#
    public static let commandExample = ["partnerships", "list", "--ngo", "WWF"]
    public static func run(_ service: MatchService, _ params: PartnershipsListParams, caller: Caller) throws
        -> Page<Partnership>
    {
        try Paging.page(
            service.partnerships(params), list: "partnerships", key: { "\($0.need.rawValue)\t\($0.ngo.rawValue)" },
            limit: params.limit, after: params.after)
    }
}
