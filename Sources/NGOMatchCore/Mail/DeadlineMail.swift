import Foundation

/// A reminder of a deadline the records show: a Decree 58 certificate that expires soon, or a
/// report the NGO owes.
public struct DeadlineMail: Sendable {
    public static let noticeKind = "deadline"

    public enum Reason: Sendable {
        case certificateExpires
        /// The report's description (its kind and, for a plan, the province).
        case reportDue(String)
    }

    public let reason: Reason
    public let ngo: String
    /// The day of the deadline, written for the reader.
    public let due: String
    public let daysLeft: Int
    public let name: String
    public let language: Language
    public let link: String

    public init(
        _ reason: Reason = .certificateExpires, ngo: String, due: String, daysLeft: Int, name: String,
        language: Language, link: String
    ) {
        self.reason = reason
        self.ngo = ngo
        self.due = due
        self.daysLeft = daysLeft
        self.name = name
        self.language = language
        self.link = link
    }

    public var kind: String { Self.noticeKind }

    public var subject: String {
        switch reason {
        case .certificateExpires: Messages.text("deadlineMail.subject", language, ngo, due)
        case .reportDue(let report): Messages.text("reportMail.subject", language, ngo, report, due)
        }
    }

    private var paragraphs: [String] {
        switch reason {
        case .certificateExpires:
            [
                Messages.text("deadlineMail.body", language, ngo, due, "\(daysLeft)"),
                Messages.text("deadlineMail.renew", language),
            ]
        case .reportDue(let report):
            [
                Messages.text("reportMail.body", language, ngo, report, due, "\(daysLeft)"),
                Messages.text("reportMail.record", language),
            ]
        }
    }

    private var buttonKey: String {
        switch reason {
        case .certificateExpires: "deadlineMail.open"
        case .reportDue: "reportMail.open"
        }
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
                + [.button(Messages.text(buttonKey, language), href: link)])
    }

    public func message(
        to address: MailAddress, from: MailAddress, messageID: String, date: Date, unsubscribe: String?
    ) -> MailMessage {
        MailMessage(
            from: from, to: [address], subject: subject, date: date, messageID: messageID, text: plainText, html: html,
            attachments: [], extraHeaders: MailHeader.unsubscribe(unsubscribe))
    }
}
