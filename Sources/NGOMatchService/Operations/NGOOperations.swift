import NGOMatchCore

package enum NGORegisterOperation: ServiceOperation {
    package static let name = "ngos.register"
    package static let command = "ngos add"
    package static let access = Access.write("the ministry, or an NGO token for the profile with its own id")
    package static let summary = "Registers an NGO."
    package static let guidance =
        "Registers a foreign NGO's profile: sectors with expertise, where it works, grant range, capacity and its registration certificate under Decree 58/2022/ND-CP."
    package static let example =
        #"{"name":"Green Hands","acronym":"GH","country":"Germany","sectors":"environment.forests:4"}"#
    package static let commandExample = [
        "ngos", "add", "--name", "Green Hands", "--acronym", "GH", "--country", "Germany", "--sector",
        "environment.forests:4",
    ]
    package static func run(_ service: MatchService, _ params: RecordParams<NGORecord>, caller: Caller) throws -> NGO {
        try service.registerNGO(params.record, caller: caller)
    }
}

package enum NGOUpdateOperation: ServiceOperation {
    package static let name = "ngos.update"
    package static let command = "ngos update"
    package static let access = Access.write("the ministry, or an NGO token for its own profile")
    package static let summary = "Changes fields of an NGO."
    package static let guidance = "Changes the fields given of one NGO's profile; the others stay as they are."
    package static let example = #"{"ngo":"WWF","capacity":4}"#
    package static let commandExample = ["ngos", "update", "WWF", "--capacity", "4"]
    package static func run(_ service: MatchService, _ params: RecordChangeParams<NGOKey>, caller: Caller) throws -> NGO
    {
        try service.updateNGO(params.target, changes: params.changes, caller: caller)
    }
}

package enum NGOGetOperation: ServiceOperation {
    package static let name = "ngos.get"
    package static let command = "ngos show"
    package static let access = Access.read
    package static let summary = "One NGO, by id, name or acronym."
    package static let guidance =
        "One NGO's profile: sectors and expertise, where it works, grants, capacity and certificate. Finds it by id, name or acronym (WWF, MCNV)."
    package static let example = #"{"ngo":"MCNV"}"#
    package static let commandExample = ["ngos", "show", "MCNV"]
    package static func run(_ service: MatchService, _ params: NGOGetParams, caller: Caller) throws -> NGO {
        try service.ngo(params)
    }
    package static func replyScope(_ params: Params) -> ReplyScope { .ngos }
}

package enum NGOsListOperation: ServiceOperation {
    package static let name = "ngos.list"
    package static let command = "ngos list"
    package static let access = Access.read
    package static let summary = "NGOs, filtered."
    package static let guidance = "The registered NGOs, filtered by sector, province where they work, and country."
    package static let example = #"{"sector":"health"}"#
    package static let commandExample = ["ngos", "list", "--sector", "health"]
    package static func run(_ service: MatchService, _ params: NGOsListParams, caller: Caller) throws -> Page<NGO> {
        try Paging.page(
            service.ngos(params), list: "ngos", key: \.id.rawValue, limit: params.limit, after: params.after)
    }
}
