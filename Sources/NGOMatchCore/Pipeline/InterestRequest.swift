/// One side's request to the other about a need: an NGO's "we can help", or a province's
/// "we would like to discuss this need".
package struct InterestRequest: Hashable, Sendable, Codable {
    package enum Side: String, Hashable, Sendable, Codable, CaseIterable {
        case province
        case ngo

        package var other: Side { self == .province ? .ngo : .province }
    }

    package enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Waiting for the other side's answer.
        case open
        case accepted
        case declined
        /// Both sides asked: connected without an answer.
        case mutual
        /// Not answered in time.
        case expired
        /// Taken back by the side that asked.
        case withdrawn

        package var connects: Bool { self == .accepted || self == .mutual }
    }

    package let id: Int
    package let need: NeedID
    package let province: ProvinceID
    package let ngo: NGOID
    package let from: Side
    /// The person or token that asked, as the audit names them.
    package let by: String
    package let message: String
    package let amount: Double?
    package let currency: String?
    package let timeframe: String?
    package var status: Status
    package let createdAt: String
    package let expiresAt: String
    package var answeredAt: String?
    package var answeredBy: String?
    package var reason: DeclineReason?
    package var answer: String?

    package init(
        id: Int, need: NeedID, province: ProvinceID, ngo: NGOID, from: Side, by: String, message: String,
        amount: Double?, currency: String?, timeframe: String?, status: Status, createdAt: String, expiresAt: String,
        answeredAt: String?, answeredBy: String?, reason: DeclineReason?, answer: String?
    ) {
        self.id = id
        self.need = need
        self.province = province
        self.ngo = ngo
        self.from = from
        self.by = by
        self.message = message
        self.amount = amount
        self.currency = currency
        self.timeframe = timeframe
        self.status = status
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.answeredAt = answeredAt
        self.answeredBy = answeredBy
        self.reason = reason
        self.answer = answer
    }

    /// The organisation on `side`, as a role names it (`province:cao-bang`, `ngo:WWF`).
    package func organisation(_ side: Side) -> String {
        side == .province ? "province:\(province.rawValue)" : "ngo:\(ngo.rawValue)"
    }
}

/// Why a request was declined: a short list a ministry can count, with the answer's own words beside.
package enum DeclineReason: String, Hashable, Sendable, Codable, CaseIterable {
    case notAFit = "not-a-fit"
    case noCapacity = "no-capacity"
    case timing
    case alreadyCovered = "already-covered"
    case outsideCertificate = "outside-certificate"
    case other
}

/// A plain-text message on a request's thread.
package struct InterestMessage: Hashable, Sendable, Codable {
    package let id: Int
    package let request: Int
    package let side: InterestRequest.Side?
    package let by: String
    package let text: String
    package let at: String

    package init(id: Int, request: Int, side: InterestRequest.Side?, by: String, text: String, at: String) {
        self.id = id
        self.request = request
        self.side = side
        self.by = by
        self.text = text
        self.at = at
    }
}

/// A request as written, and the other side's request when the two met: then both are connected.
package struct InterestOutcome: Sendable, Codable {
    package let request: InterestRequest
    package let connectedWith: InterestRequest?

    package init(request: InterestRequest, connectedWith: InterestRequest?) {
        self.request = request
        self.connectedWith = connectedWith
    }
}
