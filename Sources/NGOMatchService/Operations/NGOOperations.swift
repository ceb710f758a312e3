import NGOMatchCore

public enum NGORegisterOperation: ServiceOperation {
    public static let name = "ngos.register"
    public static let command = "ngos add"
    public static let access = Access.write("the ministry, or an NGO token for the profile with its own id")
    public static let summary = "Registers an NGO."
    public static let guidance =
        "Registers a foreign NGO's profile: sectors with expertise, where it works, grant range, capacity and its registration certificate under Decree 58/2022/ND-CP."
    public static let example =
        #"{"name":"Green Hands","acronym":"GH","country":"Germany","sectors":"environment.forests:4"}"#
    public static let commandExample = [
        "ngos", "add", "--name", "Green Hands", "--acronym", "GH", "--country", "Germany", "--sector",
        "environment.forests:4",
    ]
    public static func run(_ service: MatchService, _ params: RecordParams<NGORecord>, caller: Caller) throws -> NGO {
        try service.registerNGO(params.record, caller: caller)
    }
}

public enum NGOUpdateOperation: ServiceOperation {
    public static let name = "ngos.update"
    public static let command = "ngos update"
    public static let access = Access.write("the ministry, or an NGO token for its own profile")
    public static let summary = "Changes fields of an NGO."
    public static let guidance = "Changes the fields given of one NGO's profile; the others stay as they are."
    public static let example = #"{"ngo":"WWF","capacity":4}"#
    public static let commandExample = ["ngos", "update", "WWF", "--capacity", "4"]
    public static func run(_ service: MatchService, _ params: RecordChangeParams<NGOKey>, caller: Caller) throws -> NGO
    {
        try service.updateNGO(params.target, changes: params.changes, caller: caller)
    }
}

public enum NGOGetOperation: ServiceOperation {
    public static let name = "ngos.get"
    public static let command = "ngos show"
    public static let access = Access.read
    public static let summary = "One NGO, by id, name or acronym."
    public static let guidance =
        "One NGO's profile: sectors and expertise, where it works, grants, capacity and certificate. Finds it by id, name or acronym (WWF, MCNV)."
    public static let example = #"{"ngo":"MCNV"}"#
    public static let commandExample = ["ngos", "show", "MCNV"]
    public static func run(_ service: MatchService, _ params: NGOGetParams, caller: Caller) throws -> NGO {
        try service.ngo(params)
    }
    public static func replyScope(_ params: Params) -> ReplyScope { .ngos }
}

public enum NGOsListOperation: ServiceOperation {
    public static let name = "ngos.list"
    public static let command = "ngos list"
    public static let access = Access.read
    public static let summary = "NGOs, filtered."
    public static let guidance = "The registered NGOs, filtered by sector, province where they work, and country."
    public static let example = #"{"sector":"health"}"#
    public static let commandExample = ["ngos", "list", "--sector", "health"]
    public static func run(_ service: MatchService, _ params: NGOsListParams, caller: Caller) throws -> Page<NGO> {
        try Paging.page(
            service.ngos(params), list: "ngos", key: \.id.rawValue, limit: params.limit, after: params.after)
    }
}
