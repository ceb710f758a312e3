/// How a person wants one kind of notice.
package enum NoticeCadence: String, Hashable, Sendable, Codable, CaseIterable {
    case immediately
    /// Gathered into one message a day.
    case daily
    /// Gathered into one message a week.
    case weekly
    /// In the inbox on the web only.
    case off

    /// The kinds a person may choose for; invitations and sign-in mail always go at once.
    package static let choosableKinds = [
        "event-invitation", "event-opened", "event-reminder", "event-schedule", "interest-received",
        "interest-answered", "interest-message", "interest-expiring", "pipeline-moved", "deadline", "overview",
    ]

    /// The choices for a kind: an overview gathers by nature, so it never comes at once.
    package static func choices(for kind: String) -> [NoticeCadence] {
        kind == "overview" ? [.daily, .weekly, .off] : allCases
    }

    /// What a person who never chose gets.
    package static func standard(for kind: String) -> NoticeCadence {
        kind == "overview" ? .weekly : .immediately
    }

    /// How long a digest of this cadence gathers.
    package var interval: Double? {
        switch self {
        case .daily: 24 * 3600
        case .weekly: 7 * 24 * 3600
        case .immediately, .off: nil
        }
    }
}

/// A notice in a person's inbox.
package struct InboxNotice: Hashable, Sendable, Codable {
    package let id: Int
    package let kind: String
    package let subject: String
    package let link: String?
    package let createdAt: String
    package let readAt: String?

    package init(id: Int, kind: String, subject: String, link: String?, createdAt: String, readAt: String?) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.link = link
        self.createdAt = createdAt
        self.readAt = readAt
    }
}
