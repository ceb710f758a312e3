import NGOMatchCore

public enum PingOperation: ServiceOperation {
    public static let name = "ping"
    public static let command = ""
    public static let access = Access.read
    public static let cost = OperationEntry.Cost.immediate
    public static let summary = "Checks the connection."
    public static let guidance = "Answers {pong: true}; use it to check that the server is there."
    public static let example = "{}"
    public static let commandExample: [String] = []
    public static func run(_ service: MatchService, _ params: NoParams, caller: Caller) -> Pong { Pong() }
}

public enum SectorsListOperation: ServiceOperation {
    public static let name = "sectors.list"
    public static let command = "sectors list"
    public static let access = Access.read
    public static let summary = "The sector taxonomy."
    public static let guidance =
        "The sectors needs and NGOs are described with (health, education, climate, …), each with its subsectors, Vietnamese and English names and OECD DAC purpose codes. Use it to find the id of a sector a person names."
    public static let example = "{}"
    public static let commandExample = ["sectors", "list"]
    public static func run(_ service: MatchService, _ params: NoParams, caller: Caller) -> [Sector] {
        service.sectors()
    }
    public static func replyScope(_ params: Params) -> ReplyScope { .reference }
}

public enum ProvincesListOperation: ServiceOperation {
    public static let name = "provinces.list"
    public static let command = "provinces list"
    public static let access = Access.read
    public static let summary = "The 34 provinces and centrally-run cities."
    public static let guidance =
        "Vietnam's 34 provincial-level units since the 1 July 2025 merger, each with its region and the former provinces merged into it."
    public static let example = #"{"region":"mekong-delta"}"#
    public static let commandExample = ["provinces", "list", "--region", "mekong-delta"]
    public static func run(_ service: MatchService, _ params: ProvincesListParams, caller: Caller) throws -> [Province]
    {
        try service.provinces(params)
    }
    public static func replyScope(_ params: Params) -> ReplyScope { .reference }
}

public enum ProvinceGetOperation: ServiceOperation {
    public static let name = "provinces.get"
    public static let command = "provinces show"
    public static let access = Access.read
    public static let summary = "One province, by any name."
    public static let guidance =
        "Finds a province by any name a person types: with or without diacritics, Vietnamese or English, or a former province's name ('ha giang' is Tuyên Quang since 2025). Says which former province a name was, and how many open needs and NGOs it has."
    public static let example = #"{"name":"ha giang"}"#
    public static let commandExample = ["provinces", "show", "ha giang"]
    public static func run(_ service: MatchService, _ params: ProvinceGetParams, caller: Caller) throws -> ProvinceFound
    {
        try service.province(params)
    }
}

/// What `ping` answers.
public struct Pong: JSONWritable, Sendable {
    let pong = true
    let service = "ngomatch"

    public func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("pong", pong)
            object.member("service", service)
        }
    }
}
