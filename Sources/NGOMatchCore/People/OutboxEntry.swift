/// A notice in the outbox, as the ministry sees it: to whom, what, and how its delivery went.
/// Never the message itself, which may hold a way to sign in.
package struct OutboxEntry: Hashable, Sendable, Codable {
    package enum State: String, Hashable, Sendable, Codable, CaseIterable {
        /// Waiting for its first try, or for the next after a relay that was down or said "later".
        case pending
        case sent
        /// The relay refused it for good (5xx), or tries ran out; `lastError` says why.
        case failed
    }

    package let id: Int
    package let messageID: String
    package let recipient: String
    package let kind: String
    package let subject: String
    package let state: State
    package let attempts: Int
    package let nextAttemptAt: String
    package let lastError: String?
    package let createdAt: String
    package let sentAt: String?

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
