import NGOMatchCore

/// A message to write to the outbox with the change that causes it.
public struct OutboxDraft: Sendable {
    public let messageID: String
    public let recipient: String
    public let personID: String?
    /// What it tells: `invitation`, `sign-in`, …, for the ministry's list and a person's settings.
    public let kind: String
    public let subject: String
    /// The whole RFC 5322 message, CRLF line ends.
    public let message: String
    /// Whether it carries a way to sign in: then it is kept only until delivered.
    public let holdsSecret: Bool
    /// What it is about, e.g. `event:gap-go-2026`.
    public let topic: String?
    /// Where it leads, for the person's inbox.
    public let link: String?

    public init(
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
