import NGOMatchCore

public enum NeedRegisterOperation: ServiceOperation {
    public static let name = "needs.register"
    public static let command = "needs add"
    public static let access = Access.write("the ministry, or a province token for its own province")
    public static let summary = "Registers a need."
    public static let guidance =
        "Registers a province's need: province, title, sectors with priorities, funding gap and timeframe. Every problem is reported at once, by field, with 'did you mean'; nothing is stored until all is valid."
    public static let example =
        #"{"province":"Cao Bằng","title":"Commune health stations","sectors":"health.primary-care:5","fundingGapUSD":250000,"timeframe":{"start":"2026-03-01","end":"2027-12-31"}}"#
    public static let commandExample = [
        "needs", "add", "--province", "Cao Bằng", "--title", "Commune health stations", "--sector",
        "health.primary-care:5", "--funding-gap", "250000", "--start", "2026-03-01", "--end", "2027-12-31",
    ]
    public static func run(_ service: MatchService, _ params: RecordParams<NeedRecord>, caller: Caller) throws -> Need {
        try service.registerNeed(params.record, caller: caller, method: name)
    }
}

public enum NeedUpdateOperation: ServiceOperation {
    public static let name = "needs.update"
    public static let command = "needs update"
    public static let access = Access.write("the ministry, or a province token for its own needs")
    public static let summary = "Changes fields of a need."
    public static let guidance = "Changes the fields given of one need (by id); the others stay as they are."
    public static let example = #"{"id":"cao-bang-1","fundingGapUSD":300000}"#
    public static let commandExample = ["needs", "update", "cao-bang-1", "--funding-gap", "300000"]
    public static func run(_ service: MatchService, _ params: RecordChangeParams<NeedKey>, caller: Caller) throws
        -> Need
    {
        try service.updateNeed(params.target, changes: params.changes, caller: caller, method: name)
    }
}

public enum NeedCloseOperation: ServiceOperation {
    public static let name = "needs.close"
    public static let command = "needs close"
    public static let access = Access.write("the ministry, or a province token for its own needs")
    public static let summary = "Closes a need or marks it partnered."
    public static let guidance =
        "Closes a need, or marks it partnered once an NGO has taken it on; it is then no longer suggested."
    public static let example = #"{"id":"cao-bang-2","status":"partnered"}"#
    public static let commandExample = ["needs", "close", "cao-bang-2", "--status", "partnered"]
    public static func run(_ service: MatchService, _ params: NeedCloseParams, caller: Caller) throws -> Need {
        try service.closeNeed(params, caller: caller)
    }
}

public enum NeedGetOperation: ServiceOperation {
    public static let name = "needs.get"
    public static let command = "needs show"
    public static let access = Access.read
    public static let summary = "One need."
    public static let guidance = "One need with all its fields, by id."
    public static let example = #"{"id":"cao-bang-1"}"#
    public static let commandExample = ["needs", "show", "cao-bang-1"]
    public static func run(_ service: MatchService, _ params: NeedGetParams, caller: Caller) throws -> Need {
        try service.need(params)
    }
    public static func replyScope(_ params: NeedGetParams) -> ReplyScope { .need(NeedID(params.id)) }
}

public enum NeedsListOperation: ServiceOperation {
    public static let name = "needs.list"
    public static let command = "needs list"
    public static let access = Access.read
    public static let summary = "Needs, filtered."
    public static let guidance =
        "The needs provinces registered, filtered by province, sector, region and status. Use it to see what a province asked for."
    public static let example = #"{"province":"Cao Bằng","status":"open"}"#
    public static let commandExample = ["needs", "list", "--province", "Cao Bằng", "--status", "open"]
    public static func run(_ service: MatchService, _ params: NeedsListParams, caller: Caller) throws -> Page<Need> {
        try Paging.page(
            service.needs(params), list: "needs", key: \.id.rawValue, limit: params.limit, after: params.after)
    }
}
