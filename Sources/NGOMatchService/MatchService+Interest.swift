import Foundation
import NGOMatchCore
import NGOMatchStore

/// A request as its reader sees it: with its thread, the pair's stage, and the other side's
/// contact details once the two are connected (never before).
package struct InterestDetails: Encodable, Sendable {
    package let request: InterestRequest
    package let needTitle: String
    package let provinceName: String
    package let ngoName: String
    package let messages: [InterestMessage]
    package let stage: String?
    /// The side the reader acts for; nil for the ministry and the local user.
    package let readerSide: InterestRequest.Side?
    package let contacts: [ContactCard]
}

/// Someone to write to on the other side.
package struct ContactCard: Encodable, Sendable, Hashable {
    package let organisation: String
    package let name: String?
    package let email: String?
    package let phone: String?
}

extension MatchService {
    package func expressInterest(_ params: InterestExpressParams, caller: Caller) throws -> InterestOutcome {
        let method = InterestExpressOperation.name
        let need = try registry.need(params.need)
        let side: InterestRequest.Side
        let ngo: NGOID
        switch try caller.writer(method) {
        case .ngo(let own)?:
            side = .ngo
            ngo = try params.ngo.map { try registry.ngo(named: $0).id } ?? own
            if ngo != own {
                throw ServiceError.forbidden(.key("forbidden.ngo", method, "ngo:\(own)", ngo.rawValue))
            }
        case .province(let own)?:
            side = .province
            if need.province != own {
                throw ServiceError.forbidden(
                    .key("forbidden.needsOf", method, "province:\(own)", need.province.rawValue))
            }
            ngo = try registry.ngo(named: try required(params.ngo, "ngo")).id
        case .ministry?, nil:
            guard let from = params.from else {
                throw ServiceError.invalidParams(field: "from", expected: .key("interest.sayFrom"))
            }
            side = from
            ngo = try registry.ngo(named: try required(params.ngo, "ngo")).id
        }
        guard need.status == .open else {
            throw ServiceError.invalidParams(field: "need", expected: .key("interest.needClosed", need.id.rawValue))
        }
        let message = try plainText(params.message, field: "message")
        if let amount = params.amount, !(amount > 0 && amount.isFinite) {
            throw ServiceError.invalidParams(field: "amount", expected: .key("interest.amount"))
        }
        let draft = InterestDraft(
            need: need.id, province: need.province, ngo: ngo, from: side, by: caller.actor, message: message,
            amount: params.amount, currency: params.amount == nil ? nil : (params.currency ?? "USD").uppercased(),
            timeframe: params.timeframe.flatMap { $0.isEmpty ? nil : $0 })
        return try registry.expressInterest(
            draft, door: caller.door,
            notices: { outcome, _ in
                if let other = outcome.connectedWith {
                    return interestNotices(
                        .connected, about: NoticePair(outcome.request), to: other.from, title: need.title)
                        + interestNotices(
                            .connected, about: NoticePair(outcome.request), to: outcome.request.from, title: need.title)
                }
                return receivedNotices(outcome.request, title: need.title)
            }, audit: caller.audit(method))
    }

    package func answerInterest(_ params: InterestAnswerParams, caller: Caller) throws -> InterestRequest {
        let method = InterestAnswerOperation.name
        let request = try registry.interestRequest(params.id)
        let status: InterestRequest.Status
        let answering: InterestRequest.Side
        switch params.answer {
        case "accept": (status, answering) = (.accepted, request.from.other)
        case "decline": (status, answering) = (.declined, request.from.other)
        case "withdraw": (status, answering) = (.withdrawn, request.from)
        default:
            throw ServiceError.invalidParams(
                field: "answer", expected: .notOneOf(params.answer, ["accept", "decline", "withdraw"]))
        }
        try mayActFor(answering, of: request, caller: caller, method)
        if status == .declined, params.reason == nil {
            throw ServiceError.invalidParams(
                field: "reason",
                expected: .key(
                    "interest.reasonNeeded",
                    DeclineReason.allCases.map(\.rawValue)
                        .joined(separator: ", ")))
        }
        let answer = try params.text.map { try plainText($0, field: "text") }
        let title = (try? registry.need(request.need.rawValue).title) ?? request.need.rawValue
        return try registry.answerInterest(
            request.id, status: status, reason: status == .declined ? params.reason : nil, answer: answer,
            by: caller.actor, door: caller.door,
            notices: { answered in
                guard status != .withdrawn else { return [] }
                return interestNotices(
                    .answered(accepted: status == .accepted, reason: answered.reason, answer: answer),
                    about: NoticePair(answered), to: answered.from, title: title)
            }, audit: caller.audit(method))
    }

    package func interestRequests(_ params: InterestListParams, caller: Caller) throws -> [InterestRequest] {
        let role = try reader(caller)
        return try registry.interestRequests(
            organisation: role, need: params.need.map { try registry.need($0).id },
            ngo: try params.ngo.map { try registry.ngo(named: $0).id }, status: params.status)
    }

    package func interestDetails(_ params: InterestParams, caller: Caller) throws -> InterestDetails {
        let request = try registry.interestRequest(params.id)
        let side = try readerSide(of: request, caller: caller, InterestShowOperation.name)
        let need = try registry.need(request.need.rawValue)
        let ngo = try registry.ngo(named: request.ngo.rawValue)
        let connected = try registry.interestRequests(need: request.need, ngo: request.ngo).contains {
            $0.status.connects
        }
        var contacts: [ContactCard] = []
        if connected {
            let sides: [InterestRequest.Side] = side.map { [$0.other] } ?? [.province, .ngo]
            for shown in sides { contacts += try contactCards(request.organisation(shown), ngo: ngo) }
        }
        return InterestDetails(
            request: request, needTitle: need.title,
            provinceName: reference.provinces[request.province]?.name.vi ?? request.province.rawValue,
            ngoName: ngo.name, messages: try registry.interestMessages(request.id),
            stage: try registry.pipelinePair(need: request.need, ngo: request.ngo)?.stage, readerSide: side,
            contacts: contacts)
    }

    package func addInterestMessage(_ params: InterestMessageParams, caller: Caller) throws -> InterestMessage {
        let method = InterestMessageOperation.name
        let request = try registry.interestRequest(params.id)
        _ = try caller.writer(method)
        let side = try readerSide(of: request, caller: caller, method)
        let text = try plainText(params.text, field: "text", limit: 4000)
        let title = (try? registry.need(request.need.rawValue).title) ?? request.need.rawValue
        return try registry.addInterestMessage(
            request.id, side: side, by: caller.actor, text: text,
            notices: { request, message in
                let told: [InterestRequest.Side] = side.map { [$0.other] } ?? [.province, .ngo]
                return told.flatMap {
                    interestNotices(.message(message.text), about: NoticePair(request), to: $0, title: title)
                }
            }, audit: caller.audit(method))
    }

    package func interestSettings(_ params: InterestSettingsParams, caller: Caller) throws
        -> Registry.InterestSettings
    {
        var settings = try registry.interestSettings()
        guard params.expiryDays != nil || params.openCap != nil else { return settings }
        try caller.mayHandle(.interestSettings, InterestSettingsOperation.name)
        if let days = params.expiryDays {
            guard (1...90).contains(days) else {
                throw ServiceError.invalidParams(field: "expiryDays", expected: .key("params.between", "1", "90"))
            }
            settings.expiryDays = days
        }
        if let cap = params.openCap {
            guard (1...500).contains(cap) else {
                throw ServiceError.invalidParams(field: "openCap", expected: .key("params.between", "1", "500"))
            }
            settings.openCap = cap
        }
        return try registry.setInterestSettings(settings, audit: caller.audit(InterestSettingsOperation.name))
    }

    /// A need's title and an NGO's name as a list of requests shows them; the id when unknown.
    package func title(ofNeed id: NeedID) -> String { (try? registry.need(id.rawValue).title) ?? id.rawValue }
    package func name(ofNGO id: NGOID) -> String { (try? registry.ngo(named: id.rawValue).name) ?? id.rawValue }

    /// The organisation whose requests and pairs the caller may read; nil when they see everything.
    /// - Throws: `unauthorized` before signing in.
    func reader(_ caller: Caller) throws -> Role? {
        if caller.seesEverything { return nil }
        guard let role = caller.role else { throw ServiceError.unauthorized }
        return role
    }

    /// The side of the request the caller reads it as; nil for the ministry.
    /// - Throws: `forbidden` for anyone not of either side.
    func readerSide(of request: InterestRequest, caller: Caller, _ method: String) throws -> InterestRequest.Side? {
        guard let role = try reader(caller) else { return nil }
        if role.description == request.organisation(.province) { return .province }
        if role.description == request.organisation(.ngo) { return .ngo }
        throw ServiceError.forbidden(.key("forbidden.interest", method, role.description, "\(request.id)"))
    }

    /// - Throws: `forbidden` unless the caller writes for `side` of the request (or for the ministry).
    func mayActFor(_ side: InterestRequest.Side, of request: InterestRequest, caller: Caller, _ method: String) throws {
        guard let role = try caller.writer(method), role != .ministry else { return }
        guard role.description == request.organisation(side) else {
            throw ServiceError.forbidden(.key("forbidden.interestSide", method, role.description, "\(request.id)"))
        }
    }

    func required(_ value: String?, _ field: String) throws -> String {
        guard let value, !value.isEmpty else {
            throw ServiceError.invalidParams(field: field, expected: .key("params.required"))
        }
        return value
    }

    /// Text people write to each other: kept as typed, within a length, never empty.
    func plainText(_ text: String, field: String, limit: Int = 4000) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw ServiceError.invalidParams(field: field, expected: .key("params.required"))
        }
        guard trimmed.count <= limit else {
            throw ServiceError.invalidParams(field: field, expected: .key("interest.tooLong", "\(limit)"))
        }
        return trimmed
    }

    /// The people of an organisation and, for an NGO, the contact on its profile.
    func contactCards(_ organisation: String, ngo: NGO) throws -> [ContactCard] {
        let role = Role(organisation)
        let name = role.map { organisationName($0, .vi) } ?? organisation
        var cards = try registry.people(organisation: organisation, includingLeft: false).map {
            ContactCard(organisation: name, name: $0.name, email: $0.email, phone: nil)
        }
        if organisation.hasPrefix("ngo:"), let contact = ngo.contact, !contact.isEmpty,
            !cards.contains(where: { $0.email == contact.email })
        {
            cards.append(
                ContactCard(organisation: name, name: contact.name, email: contact.email, phone: contact.phone))
        }
        return cards
    }
}
