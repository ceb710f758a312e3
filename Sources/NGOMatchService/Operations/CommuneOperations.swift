import NGOMatchCore

public enum CommunesListOperation: ServiceOperation {
    public static let name = "communes.list"
    public static let command = "communes list"
    public static let access = Access.read
    public static let summary = "The communes, wards and special zones of a province."
    public static let guidance =
        "The communes, wards and special zones of one province or city since 1 July 2025 (the district level is gone), with their official codes."
    public static let example = #"{"province":"Cao Bằng"}"#
    public static let commandExample = ["communes", "list", "--province", "Cao Bằng"]
    public static func run(_ service: MatchService, _ params: CommunesListParams, caller: Caller) throws -> [Commune] {
        try service.communes(params)
    }
    public static func replyScope(_ params: Params) -> ReplyScope { .reference }
}

public enum CommuneGetOperation: ServiceOperation {
    public static let name = "communes.get"
    public static let command = "communes show"
    public static let access = Access.read
    public static let summary = "One commune, by any name, now or before 2025."
    public static let guidance =
        "Finds the commune a name means, as people still write it: 'xã Trường Hà, huyện Hà Quảng, tỉnh Cao Bằng' gives the commune it became in 2025. A name used in several places gives the choices, never a guess."
    public static let example = #"{"name":"Trường Hà, Hà Quảng, Cao Bằng"}"#
    public static let commandExample = ["communes", "show", "Trường Hà, Hà Quảng, Cao Bằng"]
    public static func run(_ service: MatchService, _ params: CommuneGetParams, caller: Caller) throws -> CommuneFound {
        try service.commune(params)
    }
    public static func replyScope(_ params: Params) -> ReplyScope { .reference }
}
