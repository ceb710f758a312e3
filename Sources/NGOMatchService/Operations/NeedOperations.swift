import NGOMatchCore

package enum NeedRegisterOperation: ServiceOperation {
    package static let name = "needs.register"
    package static let command = "needs add"
    package static let access = Access.write("the ministry, or a province token for its own province")
    package static let summary = "Registers a need."
    package static let guidance =
        "Registers a province's need: province, title, sectors with priorities, funding gap and timeframe. Every problem is reported at once, by field, with 'did you mean'; nothing is stored until all is valid."
    package static let example =
        #"{"province":"Cao Bằng","title":"Commune health stations","sectors":"health.primary-care:5","fundingGapUSD":250000,"timeframe":{"start":"2026-03-01","end":"2027-12-31"}}"#
    package static let commandExample = [
        "needs", "add", "--province", "Cao Bằng", "--title", "Commune health stations", "--sector",
        "health.primary-care:5", "--funding-gap", "250000", "--start", "2026-03-01", "--end", "2027-12-31",
    ]
    package static func run(_ service: MatchService, _ params: RecordParams<NeedRecord>, caller: Caller) throws -> Need
    {
        try service.registerNeed(params.record, caller: caller, method: name)
    }
}

package enum NeedUpdateOperation: ServiceOperation {
    package static let name = "needs.update"
    package static let command = "needs update"
    package static let access = Access.write("the ministry, or a province token for its own needs")
    package static let summary = "Changes fields of a need."
    package static let guidance = "Changes the fields given of one need (by id); the others stay as they are."
    package static let example = #"{"id":"cao-bang-1","fundingGapUSD":300000}"#
    package static let commandExample = ["needs", "update", "cao-bang-1", "--funding-gap", "300000"]
    package static func run(_ service: MatchService, _ params: RecordChangeParams<NeedKey>, caller: Caller) throws
        -> Need
    {
        try service.updateNeed(params.target, changes: params.changes, caller: caller, method: name)
    }
}

package enum NeedCloseOperation: ServiceOperation {
    package static let name = "needs.close"
    package static let command = "needs close"
    package static let access = Access.write("the ministry, or a province token for its own needs")
    package static let summary = "Closes a need or marks it partnered."
    package static let guidance =
        "Closes a need, or marks it partnered once an NGO has taken it on; it is then no longer suggested."
    package static let example = #"{"id":"cao-bang-2","status":"partnered"}"#
    package static let commandExample = ["needs", "close", "cao-bang-2", "--status", "partnered"]
    package static func run(_ service: MatchService, _ params: NeedCloseParams, caller: Caller) throws -> Need {
        try service.closeNeed(params, caller: caller)
    }
}

package enum NeedGetOperation: ServiceOperation {
    package static let name = "needs.get"
    package static let command = "needs show"
    package static let access = Access.read
    package static let summary = "One need."
    package static let guidance = "One need with all its fields, by id."
    package static let example = #"{"id":"cao-bang-1"}"#
    package static let commandExample = ["needs", "show", "cao-bang-1"]
    package static func run(_ service: MatchService, _ params: NeedGetParams, caller: Caller) throws -> Need {
        try service.need(params)
    }
    package static func replyScope(_ params: NeedGetParams) -> ReplyScope { .need(NeedID(params.id)) }
}

package enum NeedsListOperation: ServiceOperation {
    package static let name = "needs.list"
    package static let command = "needs list"
    package static let access = Access.read
    package static let summary = "Needs, filtered."
    package static let guidance =
        "The needs provinces registered, filtered by province, sector, region and status. Use it to see what a province asked for."
    package static let example = #"{"province":"Cao Bằng","status":"open"}"#
    package static let commandExample = ["needs", "list", "--province", "Cao Bằng", "--status", "open"]
    package static func run(_ service: MatchService, _ params: NeedsListParams, caller: Caller) throws -> Page<Need> {
        try Paging.page(
            service.needs(params), list: "needs", key: \.id.rawValue, limit: params.limit, after: params.after)
    }
}
