import NGOMatchCore

/// A message to write to the outbox with the change that causes it.
package struct OutboxDraft: Sendable {
    package let messageID: String
    package let recipient: String
    package let personID: String?
    /// What it tells: `invitation`, `sign-in`, …, for the ministry's list and a person's settings.
    package let kind: String
    package let subject: String
    /// The whole RFC 5322 message, CRLF line ends.
    package let message: String
    /// Whether it carries a way to sign in: then it is kept only until delivered.
    package let holdsSecret: Bool
    /// What it is about, e.g. `event:gap-go-2026`.
    package let topic: String?
    /// Where it leads, for the person's inbox.
    package let link: String?

    package init(
        messageID: String, recipient: String, personID: String?, kind: String, subject: String, message: String,
        holdsSecret: Bool, topic: String? = nil, link: String? = nil
    ) {
        self.topic = topic
        self.link = link
        self.messageID = messageID
        self.recipient = recipient
        self.personID = personID
        self.kind = kind
        self.subject = subject
        self.message = message
        self.holdsSecret = holdsSecret
    }
}
