import NGOMatchCore

/// Why a message was not delivered, as a sender must tell it apart: worth trying again later
/// (the relay is down, busy or answered 4xx), or not (5xx: the relay refused it for good).
package struct SMTPFailure: Error, Hashable, Sendable, Readable {
    package enum Kind: Hashable, Sendable {
        case transient
        case permanent
    }

    package let kind: Kind
    /// The reply code, or nil when there was no reply (no connection, a timeout).
    package let code: Int?
    /// What the relay said, or what went wrong before it could.
    package let reason: String
    /// The command that was answered (`RCPT TO:<a@b>`), for the ministry's page.
    package let command: String

    package var phrase: Phrase {
        .key(kind == .transient ? "mail.deferred" : "mail.refused", command, code.map(String.init) ?? "—", reason)
    }

    static func reply(_ reply: SMTPReply, to command: String) -> SMTPFailure {
        SMTPFailure(
            kind: reply.code >= 500 ? .permanent : .transient, code: reply.code, reason: reply.text, command: command)
    }
}
