import Foundation

/// The notices a person chose to read daily or weekly, in one message.
package struct DigestMail: Sendable {
    package let cadence: NoticeCadence
    package let name: String
    package let language: Language
    package let notices: [(subject: String, link: String?)]
    /// The person's inbox on the web.
    package let inbox: String

    package init(
        cadence: NoticeCadence, name: String, language: Language, notices: [(subject: String, link: String?)],
        inbox: String
    ) {
        self.cadence = cadence
        self.name = name
        self.language = language
        self.notices = notices
        self.inbox = inbox
    }

    package var kind: String { "digest-\(cadence.rawValue)" }

    package var subject: String {
        Messages.counted(cadence == .weekly ? "digest.weeklySubject" : "digest.dailySubject", language, notices.count)
    }

    package var plainText: String {
        var lines = [Messages.text("mail.greeting", language, name), "", subject + ":", ""]
        for notice in notices { lines += ["• " + notice.subject] + (notice.link.map { ["  " + $0] } ?? []) }
        lines += ["", Messages.text("digest.inbox", language), inbox, "", Messages.text("digest.settings", language)]
        return PlainText.wrappedForMail((lines + ["", "— ngomatch"]).joined(separator: "\n")) + "\n"
    }

    package var html: String {
        NoticeLayout.page(
            title: subject, language: language,
            [.paragraph(Messages.text("mail.greeting", language, name))]
                + notices.map { notice in
                    notice.link.map { .link(notice.subject, href: $0) } ?? .paragraph(notice.subject)
                }
                + [
                    .button(Messages.text("digest.inboxButton", language), href: inbox),
                    .small(Messages.text("digest.settings", language)),
                ])
    }

    package func message(to address: MailAddress, from: MailAddress, messageID: String, date: Date, unsubscribe: String)
        -> MailMessage
    {
        MailMessage(
            from: from, to: [address], subject: subject, date: date, messageID: messageID, text: plainText, html: html,
            extraHeaders: MailHeader.unsubscribe(unsubscribe))
    }
}
