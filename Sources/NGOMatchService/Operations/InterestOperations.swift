import NGOMatchCore
import NGOMatchStore

public enum InterestExpressOperation: ServiceOperation {
    public static let name = "interest.express"
    public static let command = "interest express"
    public static let access = Access.write("an NGO for itself; a province for its own needs; the ministry")
    public static let summary = "Says one side would like to work with the other on a need."
    public static let guidance =
        "An NGO says \"we can help\" with a need; a province says \"we would like to discuss this need\" with a ranked NGO. The other side is told, with the match's explanation, and accepts or declines. When both sides have asked, they are connected at once. A request expires unanswered after the ministry's setting (default 14 days); an organisation may have a capped number open."
    public static let example =
        #"{"need":"cao-bang-1","ngo":"WWF","from":"province","message":"We would like to discuss this need."}"#
    public static let commandExample = [
        "interest", "express", "--need", "cao-bang-1", "--ngo", "WWF", "--from", "province", "--message",
        "We would like to discuss this need.",
    ]
    public static func run(_ service: MatchService, _ params: InterestExpressParams, caller: Caller) throws
        -> InterestOutcome
    {
        try service.expressInterest(params, caller: caller)
    }
}

public enum InterestAnswerOperation: ServiceOperation {
    public static let name = "interest.answer"
    public static let command = "interest answer"
    public static let access = Access.write("the side asked (accept, decline); the side that asked (withdraw)")
    public static let summary = "Accepts, declines or withdraws a request."
    public static let guidance =
        "The side asked accepts (the pair becomes interested and each side sees the other's contacts) or declines with a reason (not-a-fit, no-capacity, timing, already-covered, outside-certificate, other). The side that asked may withdraw it."
    public static let example = #"{"id":1,"answer":"accept","text":"Let us meet in March."}"#
    public static let commandExample = ["interest", "answer", "1", "--accept", "--text", "Let us meet in March."]
    public static func run(_ service: MatchService, _ params: InterestAnswerParams, caller: Caller) throws
        -> InterestRequest
    {
        try service.answerInterest(params, caller: caller)
    }
}

public enum InterestListOperation: ServiceOperation {
    public static let name = "interest.list"
    public static let command = "interest list"
    public static let access = Access.read
    public static let cost = OperationEntry.Cost.uncached
    public static let summary = "Requests of interest."
    public static let guidance =
        "Requests to and from the caller's organisation, newest first; the ministry sees all. Filter by need, NGO or status."
    public static let example = #"{"status":"open"}"#
    public static let commandExample = ["interest", "list", "--status", "open"]
    public static func run(_ service: MatchService, _ params: InterestListParams, caller: Caller) throws
        -> [InterestRequest]
    {
        try service.interestRequests(params, caller: caller)
    }
}

public enum InterestShowOperation: ServiceOperation {
    public static let name = "interest.show"
    public static let command = "interest show"
    public static let access = Access.read
    public static let cost = OperationEntry.Cost.uncached
    public static let summary = "One request with its thread."
    public static let guidance =
        "A request, its messages and the pair's stage; the other side's contact details once the two are connected. Only the two organisations and the ministry may read it."
    public static let example = #"{"id":1}"#
    public static let commandExample = ["interest", "show", "1"]
    public static func run(_ service: MatchService, _ params: InterestParams, caller: Caller) throws
        -> InterestDetails
    {
        try service.interestDetails(params, caller: caller)
    }
}

public enum InterestMessageOperation: ServiceOperation {
    public static let name = "interest.message"
    public static let command = "interest message"
    public static let access = Access.write("the two organisations of the request; the ministry")
    public static let summary = "Writes on a request's thread."
    public static let guidance = "A plain-text message on a request's thread; the other side is told."
    public static let example = #"{"id":1,"text":"Could you send your concept note?"}"#
    public static let commandExample = ["interest", "message", "1", "--text", "Could you send your concept note?"]
    public static func run(_ service: MatchService, _ params: InterestMessageParams, caller: Caller) throws
        -> InterestMessage
    {
        try service.addInterestMessage(params, caller: caller)
    }
}

public enum InterestSettingsOperation: ServiceOperation {
    public static let name = "interest.settings"
    public static let command = "interest settings"
    public static let access = Access.write("the ministry, to change them; anyone to read them")
    public static let summary = "How long requests wait, and how many may be open."
    public static let guidance =
        "Without parameters, the settings in force. The ministry sets expiryDays (default 14) and openCap (default 20 open requests per organisation)."
    public static let example = #"{"expiryDays":21}"#
    public static let commandExample = ["interest", "settings", "--expiry-days", "21"]
    public static func run(_ service: MatchService, _ params: InterestSettingsParams, caller: Caller) throws
        -> Registry.InterestSettings
    {
        try service.interestSettings(params, caller: caller)
    }
}
