import Foundation

/// A reminder of a deadline the records show: a Decree 58 certificate that expires soon, or a
/// report the NGO owes.
package struct DeadlineMail: LinkedNotice {
    package static let noticeKind = "deadline"

    package enum Reason: Sendable {
        case certificateExpires
        /// The report's description (its kind and, for a plan, the province).
        case reportDue(String)
    }

    package let reason: Reason
    package let ngo: String
    /// The day of the deadline, written for the reader.
    package let due: String
    package let daysLeft: Int
    package let name: String
    package let language: Language
    package let link: String

    package init(
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

    package var kind: String { Self.noticeKind }

    package var subject: String {
        switch reason {
        case .certificateExpires: Messages.text("deadlineMail.subject", language, ngo, due)
        case .reportDue(let report): Messages.text("reportMail.subject", language, ngo, report, due)
        }
    }

    package var linkIntro: String? { nil }

    package var buttonLabel: String { Messages.text(buttonKey, language) }

    package var paragraphs: [String] {
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

}
