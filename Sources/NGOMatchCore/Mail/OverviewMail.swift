import Foundation

/// What is new for a person's organisation, daily or weekly: for an NGO the new needs that fit
/// it best, for a province the interest it received and NGOs newly certified for it, for the
/// ministry the pipeline's figures and the pairs that stalled.
package struct OverviewMail: Sendable {
    package static let noticeKind = "overview"

    package struct Item: Sendable, Hashable {
        package let text: String
        /// One line under it: a match's reasons, a request's message.
        package let detail: String?
        package let link: String?

        package init(_ text: String, detail: String? = nil, link: String? = nil) {
            self.text = text
            self.detail = detail
            self.link = link
        }
    }

    package struct Section: Sendable, Hashable {
        package let heading: String
        package let items: [Item]

        package init(_ heading: String, _ items: [Item]) {
            self.heading = heading
            self.items = items
        }
    }

    package let cadence: NoticeCadence
    package let organisation: String
    package let name: String
    package let language: Language
    package let sections: [Section]
    /// Where the person changes how often this comes.
    package let settings: String

    package init(
        cadence: NoticeCadence, organisation: String, name: String, language: Language, sections: [Section],
        settings: String
    ) {
        self.cadence = cadence
        self.organisation = organisation
        self.name = name
        self.language = language
        self.sections = sections.filter { !$0.items.isEmpty }
        self.settings = settings
    }

    package var kind: String { Self.noticeKind }

    /// Nothing new: no message is sent.
    package var isEmpty: Bool { sections.isEmpty }

    package var subject: String {
        Messages.text(cadence == .daily ? "overview.dailySubject" : "overview.weeklySubject", language, organisation)
    }

    package var plainText: String {
        var lines = [Messages.text("mail.greeting", language, name), "", subject + ".", ""]
        for section in sections {
            lines += [section.heading, String(repeating: "-", count: section.heading.count), ""]
            for item in section.items {
                lines.append("• " + item.text)
                if let detail = item.detail { lines.append("  " + detail) }
                if let link = item.link { lines.append("  " + link) }
            }
            lines.append("")
        }
        lines += [Messages.text("overview.settings", language), settings, "", "— ngomatch"]
        return PlainText.wrappedForMail(lines.joined(separator: "\n")) + "\n"
    }

    package var html: String {
        var blocks: [NoticeLayout.Block] = [.paragraph(Messages.text("mail.greeting", language, name))]
        for section in sections {
            blocks.append(.heading(section.heading))
            blocks += section.items.map { .item($0.text, href: $0.link, detail: $0.detail) }
        }
        blocks += [
            .button(Messages.text("overview.settingsButton", language), href: settings),
            .small(Messages.text("overview.settings", language)),
        ]
        return NoticeLayout.page(title: subject, language: language, blocks)
    }

    package func message(to address: MailAddress, from: MailAddress, messageID: String, date: Date, unsubscribe: String)
        -> MailMessage
    {
        MailMessage(
            from: from, to: [address], subject: subject, date: date, messageID: messageID, text: plainText, html: html,
            extraHeaders: MailHeader.unsubscribe(unsubscribe))
    }
}
