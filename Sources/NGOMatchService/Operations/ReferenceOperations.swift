import NGOMatchCore

package enum PingOperation: ServiceOperation {
    package static let name = "ping"
    package static let command = ""
    package static let access = Access.read
    package static let cost = OperationEntry.Cost.immediate
    package static let summary = "Checks the connection."
    package static let guidance = "Answers {pong: true}; use it to check that the server is there."
    package static let example = "{}"
    package static let commandExample: [String] = []
    package static func run(_ service: MatchService, _ params: NoParams, caller: Caller) -> Pong { Pong() }
}

package enum SectorsListOperation: ServiceOperation {
    package static let name = "sectors.list"
    package static let command = "sectors list"
    package static let access = Access.read
    package static let summary = "The sector taxonomy."
    package static let guidance =
        "The sectors needs and NGOs are described with (health, education, climate, …), each with its subsectors, Vietnamese and English names and OECD DAC purpose codes. Use it to find the id of a sector a person names."
    package static let example = "{}"
    package static let commandExample = ["sectors", "list"]
    package static func run(_ service: MatchService, _ params: NoParams, caller: Caller) -> [Sector] {
        service.sectors()
    }
    package static func replyScope(_ params: Params) -> ReplyScope { .reference }
}

package enum ProvincesListOperation: ServiceOperation {
    package static let name = "provinces.list"
    package static let command = "provinces list"
    package static let access = Access.read
    package static let summary = "The 34 provinces and centrally-run cities."
    package static let guidance =
        "Vietnam's 34 provincial-level units since the 1 July 2025 merger, each with its region and the former provinces merged into it."
    package static let example = #"{"region":"mekong-delta"}"#
    package static let commandExample = ["provinces", "list", "--region", "mekong-delta"]
    package static func run(_ service: MatchService, _ params: ProvincesListParams, caller: Caller) throws -> [Province]
    {
        try service.provinces(params)
    }
    package static func replyScope(_ params: Params) -> ReplyScope { .reference }
}

package enum ProvinceGetOperation: ServiceOperation {
    package static let name = "provinces.get"
    package static let command = "provinces show"
    package static let access = Access.read
    package static let summary = "One province, by any name."
    package static let guidance =
        "Finds a province by any name a person types: with or without diacritics, Vietnamese or English, or a former province's name ('ha giang' is Tuyên Quang since 2025). Says which former province a name was, and how many open needs and NGOs it has."
    package static let example = #"{"name":"ha giang"}"#
    package static let commandExample = ["provinces", "show", "ha giang"]
    package static func run(_ service: MatchService, _ params: ProvinceGetParams, caller: Caller) throws
        -> ProvinceFound
    {
        try service.province(params)
    }
}

/// What `ping` answers.
package struct Pong: JSONWritable, Sendable {
    let pong = true
    let service = "ngomatch"

    package func writeJSON(to writer: StreamingJSONEncoder.Writer) {
        writer.object { object in
            object.member("pong", pong)
            object.member("service", service)
        }
    }
}
