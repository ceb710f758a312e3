import NGOMatchCore

package enum CommunesListOperation: ServiceOperation {
    package static let name = "communes.list"
    package static let command = "communes list"
    package static let access = Access.read
    package static let summary = "The communes, wards and special zones of a province."
    package static let guidance =
        "The communes, wards and special zones of one province or city since 1 July 2025 (the district level is gone), with their official codes."
    package static let example = #"{"province":"Cao Bằng"}"#
    package static let commandExample = ["communes", "list", "--province", "Cao Bằng"]
    package static func run(_ service: MatchService, _ params: CommunesListParams, caller: Caller) throws -> [Commune] {
        try service.communes(params)
    }
    package static func replyScope(_ params: Params) -> ReplyScope { .reference }
}

package enum CommuneGetOperation: ServiceOperation {
    package static let name = "communes.get"
    package static let command = "communes show"
    package static let access = Access.read
    package static let summary = "One commune, by any name, now or before 2025."
    package static let guidance =
        "Finds the commune a name means, as people still write it: 'xã Trường Hà, huyện Hà Quảng, tỉnh Cao Bằng' gives the commune it became in 2025. A name used in several places gives the choices, never a guess."
    package static let example = #"{"name":"Trường Hà, Hà Quảng, Cao Bằng"}"#
    package static let commandExample = ["communes", "show", "Trường Hà, Hà Quảng, Cao Bằng"]
    package static func run(_ service: MatchService, _ params: CommuneGetParams, caller: Caller) throws -> CommuneFound
    {
        try service.commune(params)
    }
    package static func replyScope(_ params: Params) -> ReplyScope { .reference }
}
