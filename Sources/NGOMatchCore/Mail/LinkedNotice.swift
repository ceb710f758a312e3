import Foundation

/// A notice that says a few paragraphs to one person and leads to one page: its plain text,
/// its HTML and its message are made from those the same way for every kind.
package protocol LinkedNotice: Sendable {
    var subject: String { get }
    /// Whom it greets.
    var name: String { get }
    var language: Language { get }
    var link: String { get }
    /// Each a paragraph; a line in one stays a line.
    var paragraphs: [String] { get }
    /// What the plain text says before the link ("Open the event:"), if anything.
    var linkIntro: String? { get }
    /// The HTML button's label.
    var buttonLabel: String { get }
}

extension LinkedNotice {
    package var plainText: String {
        let intro = linkIntro.map { [$0] } ?? []
        return PlainText.wrappedForMail(
            ([Messages.text("mail.greeting", language, name), ""] + paragraphs.flatMap { [$0, ""] } + intro + [
                link, "", "— ngomatch",
            ]).joined(separator: "\n")) + "\n"
    }

    package var html: String {
        NoticeLayout.page(
            title: subject, language: language,
            [.paragraph(Messages.text("mail.greeting", language, name))] + paragraphs.map(NoticeLayout.Block.lines)
                + [.button(buttonLabel, href: link)])
    }

    /// - Parameter unsubscribe: the link that stops this kind of mail (RFC 8058 one-click), if any.
    package func message(
        to address: MailAddress, from: MailAddress, messageID: String, date: Date,
        attachments: [MailMessage.Attachment] = [], unsubscribe: String? = nil
    ) -> MailMessage {
        MailMessage(
            from: from, to: [address], subject: subject, date: date, messageID: messageID, text: plainText, html: html,
            attachments: attachments, extraHeaders: MailHeader.unsubscribe(unsubscribe))
    }
}
