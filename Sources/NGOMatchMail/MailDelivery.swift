import Foundation

/// Where the outbox's messages go.
package enum MailDelivery: Sendable, Hashable {
    /// To an SMTP relay, from this envelope sender.
    case relay(SMTPRelay, envelopeFrom: String)
    /// Into a folder as `.eml` files, one per message: mail on one computer with no relay,
    /// opened by any mail program.
    case folder(String)

    /// The folder beside a registry: `registry.sqlite` → `registry.mail/`.
    package static func folder(besideRegistry path: String) -> MailDelivery {
        let url = URL(fileURLWithPath: path)
        return .folder(url.deletingPathExtension().path + ".mail")
    }

    /// Where it goes, for a log line (never a password).
    package var shown: String {
        switch self {
        case .relay(let relay, _): "smtp://\(relay.host):\(relay.port)"
        case .folder(let path): path
        }
    }
}
