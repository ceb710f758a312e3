import Foundation

/// A reminder that an NGO's Decree 58 certificate expires soon.
public struct DeadlineMail: Sendable {
    public static let noticeKind = "deadline"

    public let ngo: String
    public let expires: String
    public let daysLeft: Int
    public let name: String
    public let language: Language
    public let link: String

    public init(ngo: String, expires: String, daysLeft: Int, name: String, language: Language, link: String) {
        self.ngo = ngo
        self.expires = expires
        self.daysLeft = daysLeft
        self.name = name
        self.language = language
        self.link = link
    }

    public var kind: String { Self.noticeKind }

    public var subject: String { Messages.text("deadlineMail.subject", language, ngo, expires) }

    private var paragraphs: [String] {
        [
            Messages.text("deadlineMail.body", language, ngo, expires, "\(daysLeft)"),
            Messages.text("deadlineMail.renew", language),
        ]
    }

    public var plainText: String {
        PlainText.wrappedForMail(
            ([Messages.text("mail.greeting", language, name), ""] + paragraphs.flatMap { [$0, ""] } + [
                link, "", "— ngomatch",
            ]).joined(separator: "\n")) + "\n"
    }

    public var html: String {
        NoticeLayout.page(
            title: subject, language: language,
            [.paragraph(Messages.text("mail.greeting", language, name))] + paragraphs.map(NoticeLayout.Block.paragraph)
                + [.button(Messages.text("deadlineMail.open", language), href: link)])
    }

    public func message(
        to address: MailAddress, from: MailAddress, messageID: String, date: Date, unsubscribe: String?
    ) -> MailMessage {
        MailMessage(
            from: from, to: [address], subject: subject, date: date, messageID: messageID, text: plainText, html: html,
            attachments: [], extraHeaders: MailHeader.unsubscribe(unsubscribe))
    }
}
