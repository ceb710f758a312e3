import NGOMatchCore
import NGOMatchStore

package enum InterestExpressOperation: ServiceOperation {
    package static let name = "interest.express"
    package static let command = "interest express"
    package static let access = Access.write("an NGO for itself; a province for its own needs; the ministry")
    package static let summary = "Says one side would like to work with the other on a need."
    package static let guidance =
        "An NGO says \"we can help\" with a need; a province says \"we would like to discuss this need\" with a ranked NGO. The other side is told, with the match's explanation, and accepts or declines. When both sides have asked, they are connected at once. A request expires unanswered after the ministry's setting (default 14 days); an organisation may have a capped number open."
    package static let example =
        #"{"need":"cao-bang-1","ngo":"WWF","from":"province","message":"We would like to discuss this need."}"#
    package static let commandExample = [
        "interest", "express", "--need", "cao-bang-1", "--ngo", "WWF", "--from", "province", "--message",
        "We would like to discuss this need.",
    ]
    package static func run(_ service: MatchService, _ params: InterestExpressParams, caller: Caller) throws
        -> InterestOutcome
    {
        try service.expressInterest(params, caller: caller)
    }
}

package enum InterestAnswerOperation: ServiceOperation {
    package static let name = "interest.answer"
    package static let command = "interest answer"
    package static let access = Access.write("the side asked (accept, decline); the side that asked (withdraw)")
    package static let summary = "Accepts, declines or withdraws a request."
    package static let guidance =
        "The side asked accepts (the pair becomes interested and each side sees the other's contacts) or declines with a reason (not-a-fit, no-capacity, timing, already-covered, outside-certificate, other). The side that asked may withdraw it."
    package static let example = #"{"id":1,"answer":"accept","text":"Let us meet in March."}"#
    package static let commandExample = ["interest", "answer", "1", "--accept", "--text", "Let us meet in March."]
    package static func run(_ service: MatchService, _ params: InterestAnswerParams, caller: Caller) throws
        -> InterestRequest
    {
        try service.answerInterest(params, caller: caller)
    }
}

package enum InterestListOperation: ServiceOperation {
    package static let name = "interest.list"
    package static let command = "interest list"
    package static let access = Access.read
    package static let cost = OperationEntry.Cost.uncached
    package static let summary = "Requests of interest."
    package static let guidance =
        "Requests to and from the caller's organisation, newest first; the ministry sees all. Filter by need, NGO or status."
    package static let example = #"{"status":"open"}"#
    package static let commandExample = ["interest", "list", "--status", "open"]
    package static func run(_ service: MatchService, _ params: InterestListParams, caller: Caller) throws
        -> [InterestRequest]
    {
        try service.interestRequests(params, caller: caller)
    }
}

package enum InterestShowOperation: ServiceOperation {
    package static let name = "interest.show"
    package static let command = "interest show"
    package static let access = Access.read
    package static let cost = OperationEntry.Cost.uncached
    package static let summary = "One request with its thread."
    package static let guidance =
        "A request, its messages and the pair's stage; the other side's contact details once the two are connected. Only the two organisations and the ministry may read it."
    package static let example = #"{"id":1}"#
    package static let commandExample = ["interest", "show", "1"]
    package static func run(_ service: MatchService, _ params: InterestParams, caller: Caller) throws
        -> InterestDetails
    {
        try service.interestDetails(params, caller: caller)
    }
}

package enum InterestMessageOperation: ServiceOperation {
    package static let name = "interest.message"
    package static let command = "interest message"
    package static let access = Access.write("the two organisations of the request; the ministry")
    package static let summary = "Writes on a request's thread."
    package static let guidance = "A plain-text message on a request's thread; the other side is told."
    package static let example = #"{"id":1,"text":"Could you send your concept note?"}"#
    package static let commandExample = ["interest", "message", "1", "--text", "Could you send your concept note?"]
    package static func run(_ service: MatchService, _ params: InterestMessageParams, caller: Caller) throws
        -> InterestMessage
    {
        try service.addInterestMessage(params, caller: caller)
    }
}

package enum InterestSettingsOperation: ServiceOperation {
    package static let name = "interest.settings"
    package static let command = "interest settings"
    package static let access = Access.write("the ministry, to change them; anyone to read them")
    package static let summary = "How long requests wait, and how many may be open."
    package static let guidance =
        "Without parameters, the settings in force. The ministry sets expiryDays (default 14) and openCap (default 20 open requests per organisation)."
    package static let example = #"{"expiryDays":21}"#
    package static let commandExample = ["interest", "settings", "--expiry-days", "21"]
    package static func run(_ service: MatchService, _ params: InterestSettingsParams, caller: Caller) throws
        -> Registry.InterestSettings
    {
        try service.interestSettings(params, caller: caller)
    }
}
