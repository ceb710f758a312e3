import Foundation

/// What interest and the pipeline tell the people of a side: a request for them, its answer,
/// a connection, a message on its thread, that it expires soon, or that the pair moved.
package struct InterestNoticeMail: LinkedNotice {
    package enum Occasion: Sendable {
        /// `reasons`: the match's explanation, one line a factor, in the reader's language.
        /// `offer`: what the asking side has in mind, as lines ("Amount in mind: $250,000").
        case received(message: String, offer: [String], score: String?, reasons: [String])
        case answered(accepted: Bool, reason: String?, answer: String?)
        case connected
        case message(String)
        case expiring(on: String)
        /// To the side that asked: nobody answered in time.
        case expired
        case moved(stage: String)
    }

    package let occasion: Occasion
    /// The organisation on the other side, as the registry spells it.
    package let other: String
    package let need: String
    package let name: String
    package let language: Language
    /// The request's or the pair's page.
    package let link: String

    package init(occasion: Occasion, other: String, need: String, name: String, language: Language, link: String) {
        self.occasion = occasion
        self.other = other
        self.need = need
        self.name = name
        self.language = language
        self.link = link
    }

    package var kind: String {
        switch occasion {
        case .received: "interest-received"
        case .answered, .connected, .expired: "interest-answered"
        case .message: "interest-message"
        case .expiring: "interest-expiring"
        case .moved: "pipeline-moved"
        }
    }

    package var subject: String {
        switch occasion {
        case .received: text("interestMail.receivedSubject", other, need)
        case .answered(let accepted, _, _):
            text(accepted ? "interestMail.acceptedSubject" : "interestMail.declinedSubject", other, need)
        case .connected: text("interestMail.connectedSubject", other, need)
        case .message: text("interestMail.messageSubject", other, need)
        case .expiring(let day): text("interestMail.expiringSubject", need, day)
        case .expired: text("interestMail.expiredSubject", other, need)
        case .moved(let stage): text("interestMail.movedSubject", need, other, stage)
        }
    }

    package var linkIntro: String? { text("interestMail.open") }

    package var buttonLabel: String { text("interestMail.openButton") }

    package var paragraphs: [String] {
        switch occasion {
        case .received(let message, let offer, let score, let reasons):
            var lines = [text("interestMail.received", other, need), "“\(message)”"]
            if !offer.isEmpty { lines.append(offer.joined(separator: "\n")) }
            if let score {
                lines.append(
                    text("interestMail.why", score) + "\n" + reasons.map { "• " + $0 }.joined(separator: "\n"))
            }
            lines.append(text("interestMail.answerIt"))
            return lines
        case .answered(let accepted, let reason, let answer):
            if accepted { return [text("interestMail.accepted", other, need), text("interestMail.contacts")] }
            return [text("interestMail.declined", other, need)] + [reason, answer].compactMap { $0 }
        case .connected: return [text("interestMail.connected", other, need), text("interestMail.contacts")]
        case .message(let message): return [text("interestMail.message", other), message]
        case .expiring(let day): return [text("interestMail.expiring", other, need, day)]
        case .expired: return [text("interestMail.expired", other, need), text("interestMail.askAgain")]
        case .moved(let stage): return [text("interestMail.moved", need, other, stage)]
        }
    }

    private func text(_ key: String, _ values: String...) -> String { Messages.text(key, language, values) }
}
