import Foundation

/// The message that lets a person in: an invitation to ngomatch, or a sign-in they asked for.
/// It carries a link (opened, it shows one "Sign in" button) and a code to type instead.
package struct SignInMail: Sendable {
    package enum Occasion: Sendable {
        /// `inviter` asked for `person` to act for `organisation` (its name as the registry spells it).
        case invitation(inviter: String, organisation: String)
        case signIn
    }

    package let occasion: Occasion
    package let name: String
    package let language: Language
    package let link: String
    package let code: String
    /// How long link and code stay good, as the message says it ("72 hours").
    package let validity: String

    package init(occasion: Occasion, name: String, language: Language, link: String, code: String, validity: Duration) {
        self.occasion = occasion
        self.name = name
        self.language = language
        self.link = link
        self.code = code
        let minutes = Int(validity.components.seconds / 60)
        self.validity =
            minutes % 60 == 0 && minutes >= 120
            ? Messages.text("mail.hours", language, String(minutes / 60))
            : Messages.text("mail.minutes", language, String(minutes))
    }

    package var subject: String {
        switch occasion {
        case .invitation: text("mail.invitationSubject")
        // Never the code: the subject is kept in the outbox and shown to the ministry.
        case .signIn: text("mail.signInSubject")
        }
    }

    /// The code as people read it aloud: `482 913`.
    package var spacedCode: String { String(code.prefix(3)) + " " + String(code.dropFirst(3)) }

    package var plainText: String {
        var lines = [text("mail.greeting", name), ""]
        lines += [opening, ""]
        lines += [text("mail.linkLead", validity), link, ""]
        lines += [text("mail.codeLead"), spacedCode, ""]
        lines += [text(ignoreKey), "", "— ngomatch"]
        return PlainText.wrappedForMail(lines.joined(separator: "\n")) + "\n"
    }

    package var html: String {
        NoticeLayout.page(
            title: subject, language: language,
            [
                .paragraph(text("mail.greeting", name)), .paragraph(opening),
                .paragraph(text("mail.buttonLead", validity)), .button(text("mail.signInButton"), href: link),
                .code(text("mail.codeLead"), spacedCode), .small(text(ignoreKey)),
            ])
    }

    /// The whole message, ready for the outbox.
    package func message(to address: MailAddress, from: MailAddress, messageID: String, date: Date) -> MailMessage {
        MailMessage(
            from: from, to: [address], subject: subject, date: date, messageID: messageID, text: plainText, html: html)
    }

    private var opening: String {
        switch occasion {
        case .invitation(let inviter, let organisation):
            // "the ministry has invited you": a sentence starts with a capital.
            let sentence = text("mail.invitationOpening", inviter, organisation)
            return sentence.prefix(1).uppercased() + sentence.dropFirst()
        case .signIn: return text("mail.signInOpening")
        }
    }

    private var ignoreKey: String {
        switch occasion {
        case .invitation: "mail.invitationIgnore"
        case .signIn: "mail.signInIgnore"
        }
    }

    private func text(_ key: String, _ values: String...) -> String { Messages.text(key, language, values) }
}
