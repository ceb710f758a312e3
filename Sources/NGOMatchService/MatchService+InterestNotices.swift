import Foundation
import NGOMatchCore
import NGOMatchStore

/// What interest and the pipeline tell, before it is put in each reader's words.
enum InterestTelling {
    case received(message: String, amount: Double?, currency: String?, timeframe: String?)
    case answered(accepted: Bool, reason: DeclineReason?, answer: String?)
    case connected
    case message(String)
    /// The request's `expires_at` stamp.
    case expiring(at: String)
    case expired
    case moved(stage: StageDefinition)
}

/// Whom a notice about a pair concerns: its two sides, and the request when one brought it.
struct NoticePair {
    let need: NeedID
    let province: ProvinceID
    let ngo: NGOID
    let request: Int?

    init(_ request: InterestRequest) {
        (need, province, ngo, self.request) = (request.need, request.province, request.ngo, request.id)
    }

    init(_ pair: PipelinePair) { (need, province, ngo, request) = (pair.need, pair.province, pair.ngo, nil) }

    func organisation(_ side: InterestRequest.Side) -> String {
        side == .province ? "province:\(province.rawValue)" : "ngo:\(ngo.rawValue)"
    }
}

extension MatchService {
    /// Before a request expires, the side asked is reminded this long ahead, once.
    package static let expiryWarning: TimeInterval = 3 * 24 * 3600

    /// The notices of `telling` for the people of `side` of the request, each in their language.
    func interestNotices(
        _ telling: InterestTelling, about request: NoticePair, to side: InterestRequest.Side, title: String
    ) -> [OutboxDraft] {
        let people = (try? registry.people(organisation: request.organisation(side), includingLeft: false)) ?? []
        let otherRole = Role(request.organisation(side.other)) ?? .ministry
        return people.compactMap { person in
            let language = person.language
            let occasion: InterestNoticeMail.Occasion
            switch telling {
            case .received(let message, let amount, let currency, let timeframe):
                let explained = try? explain(
                    ExplainParams(need: request.need.rawValue, ngo: request.ngo.rawValue, lang: language))
                let money = amount.map {
                    currency == nil || currency == "USD"
                        ? LocalFormat.usd($0, language) : "\(LocalFormat.decimal($0, digits: 0, language)) \(currency!)"
                }
                let offer =
                    (money.map { ["\(Messages.text("interestAmount", language)): \($0)"] } ?? [])
                    + (timeframe.map { ["\(Messages.text("timeframe", language)): \($0)"] } ?? [])
                occasion = .received(
                    message: message, offer: offer,
                    score: explained.map { LocalFormat.decimal($0.report.score, digits: 0, language) },
                    reasons: explained?.report.factors.filter { $0.points > 0 }.prefix(4).map {
                        "\($0.name): \($0.explanation)"
                    } ?? [])
            case .answered(let accepted, let reason, let answer):
                occasion = .answered(
                    accepted: accepted, reason: reason.map { Messages.text("reason.\($0.rawValue)", language) },
                    answer: answer)
            case .connected: occasion = .connected
            case .message(let text): occasion = .message(text)
            case .expiring(let stamp):
                occasion = .expiring(
                    on: CalendarDate(String(stamp.prefix(10))).map { LocalFormat.date($0, language) } ?? stamp)
            case .expired: occasion = .expired
            case .moved(let stage): occasion = .moved(stage: stage.name(language))
            }
            let pairLink = "\(mail.publicURL)/pipeline/\(request.need.rawValue)/\(request.ngo.rawValue)"
            let link: String =
                switch (telling, request.request) {
                case (.moved, _), (_, nil): pairLink
                case (_, let id?): "\(mail.publicURL)/interest/\(id)"
                }
            return interestDraft(
                InterestNoticeMail(
                    occasion: occasion, other: organisationName(otherRole, language), need: title, name: person.name,
                    language: language, link: link), to: person,
                topic: request.request.map { "interest:\($0)" } ?? "pipeline:\(request.need):\(request.ngo)")
        }
    }

    func receivedNotices(_ request: InterestRequest, title: String) -> [OutboxDraft] {
        interestNotices(
            .received(
                message: request.message, amount: request.amount, currency: request.currency,
                timeframe: request.timeframe), about: NoticePair(request), to: request.from.other, title: title)
    }

    func interestDraft(_ content: InterestNoticeMail, to person: Person, topic: String) -> OutboxDraft? {
        guard let address = try? MailAddress(person.email, name: person.name) else { return nil }
        let messageID = mail.messageID(content.kind, secret: Secret.make(bytes: 12))
        let message = content.message(
            to: address, from: mail.from, messageID: messageID, date: Date(),
            unsubscribe: try? unsubscribeLink(person: person.id, kind: content.kind))
        return OutboxDraft(
            messageID: messageID, recipient: address.address, personID: person.id, kind: content.kind,
            subject: content.subject, message: message.rendered, holdsSecret: false, topic: topic, link: content.link)
    }

    /// Requests past their time expire, and the side asked is reminded once before: both tell
    /// the people concerned. Run with the other timed notices.
    package func writeInterestDeadlines(now: Date = Date()) throws -> Int {
        var written = 0
        let soon = Registry.stamp(now.addingTimeInterval(Self.expiryWarning))
        for request in try registry.interestRequests(status: .open) where request.expiresAt <= soon {
            let title = (try? registry.need(request.need.rawValue).title) ?? request.need.rawValue
            let drafts = interestNotices(
                .expiring(at: request.expiresAt), about: NoticePair(request), to: request.from.other, title: title)
            guard !drafts.isEmpty else { continue }
            written += try registry.enqueueUnlessSent(
                kinds: ["interest-expiring"], writing: "interest-expiring", topic: "interest:\(request.id)",
                since: Date(timeIntervalSince1970: 0), now: now, drafts)
        }
        written += try registry.expireInterest(now: now) { request in
            interestNotices(.expired, about: NoticePair(request), to: request.from, title: title(ofNeed: request.need))
        }
        return written
    }
}
