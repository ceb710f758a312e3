/// A notice in the outbox, as the ministry sees it: to whom, what, and how its delivery went.
/// Never the message itself, which may hold a way to sign in.
public struct OutboxEntry: Hashable, Sendable, Codable {
    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        /// Waiting for its first try, or for the next after a relay that was down or said "later".
        case pending
        case sent
        /// The relay refused it for good (5xx), or tries ran out; `lastError` says why.
        case failed
    }

    public let id: Int
    public let messageID: String
    public let recipient: String
    public let kind: String
    public let subject: String
    public let state: State
    public let attempts: Int
    public let nextAttemptAt: String
    public let lastError: String?
    public let createdAt: String
    public let sentAt: String?

    package init(
        id: Int, messageID: String, recipient: String, kind: String, subject: String, state: State, attempts: Int,
        nextAttemptAt: String, lastError: String?, createdAt: String, sentAt: String?
    ) {
        self.id = id
        self.messageID = messageID
        self.recipient = recipient
        self.kind = kind
        self.subject = subject
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}
