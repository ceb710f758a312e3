import NGOMatchCore

package struct InterestExpressParams: OperationParams {
    package static let parameters = [
        Parameter("need", .text, required: true, "The need's id."),
        Parameter("ngo", .text, "The NGO (id, name or acronym); an NGO's own people may leave it out."),
        Parameter("message", .text, required: true, "What you would like to say: plain text."),
        Parameter("amount", .number, "An amount you have in mind, if any."),
        Parameter("currency", .text, "The amount's currency (default USD)."),
        Parameter("timeframe", .text, "When, if you know (e.g. 2027–2028)."),
        Parameter(
            "from", .choice(["province", "ngo"]),
            "Which side asks; only the ministry and the local user say so, the others ask for their own side."),
    ]
    package var need: String
    package var ngo: String?
    package var message: String
    package var amount: Double?
    package var currency: String?
    package var timeframe: String?
    package var from: InterestRequest.Side?

    package init(
        need: String, ngo: String? = nil, message: String, amount: Double? = nil, currency: String? = nil,
        timeframe: String? = nil, from: InterestRequest.Side? = nil
    ) {
        self.need = need
        self.ngo = ngo
        self.message = message
        self.amount = amount
        self.currency = currency
        self.timeframe = timeframe
        self.from = from
    }
}

package struct InterestAnswerParams: OperationParams {
    package static let parameters = [
        Parameter("id", .integer, required: true, "The request's number."),
        Parameter(
            "answer", .choice(["accept", "decline", "withdraw"]), required: true,
            "accept or decline (the side asked), withdraw (the side that asked)."),
        Parameter(
            "reason", .choice(DeclineReason.allCases.map(\.rawValue)),
            "Why it is declined: required to decline."),
        Parameter("text", .text, "A few words with the answer."),
    ]
    package var id: Int
    package var answer: String
    package var reason: DeclineReason?
    package var text: String?

    package init(id: Int, answer: String, reason: DeclineReason? = nil, text: String? = nil) {
        self.id = id
        self.answer = answer
        self.reason = reason
        self.text = text
    }
}

package struct InterestListParams: OperationParams {
    package static let parameters = [
        Parameter("need", .text, "Only this need's requests."),
        Parameter("ngo", .text, "Only this NGO's requests."),
        Parameter("status", .choice(InterestRequest.Status.allCases.map(\.rawValue)), "Only requests in this state."),
    ]
    package var need: String?
    package var ngo: String?
    package var status: InterestRequest.Status?

    package init(need: String? = nil, ngo: String? = nil, status: InterestRequest.Status? = nil) {
        self.need = need
        self.ngo = ngo
        self.status = status
    }
}

package struct InterestParams: OperationParams {
    package static let parameters = [Parameter("id", .integer, required: true, "The request's number.")]
    package var id: Int

    package init(id: Int) { self.id = id }
}

package struct InterestMessageParams: OperationParams {
    package static let parameters = [
        Parameter("id", .integer, required: true, "The request's number."),
        Parameter("text", .text, required: true, "The message: plain text, at most 4,000 characters."),
    ]
    package var id: Int
    package var text: String

    package init(id: Int, text: String) {
        self.id = id
        self.text = text
    }
}

package struct InterestSettingsParams: OperationParams {
    package static let parameters = [
        Parameter("expiryDays", .integer, "Days a request waits for its answer (1–90; default 14)."),
        Parameter("openCap", .integer, "Requests an organisation may have open at once (1–500; default 20)."),
    ]
    package var expiryDays: Int?
    package var openCap: Int?

    package init(expiryDays: Int? = nil, openCap: Int? = nil) {
        self.expiryDays = expiryDays
        self.openCap = openCap
    }
}
