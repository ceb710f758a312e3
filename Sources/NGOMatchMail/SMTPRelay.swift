/// Where mail goes: an SMTP relay, reached over TCP, with TLS and a login when it asks.
package struct SMTPRelay: Hashable, Sendable {
    /// Whether the conversation is encrypted: `STARTTLS` when the relay offers it, or always
    /// (a relay that does not offer it is then refused, as a downgrade would be).
    package enum Security: Hashable, Sendable {
        case plain
        case startTLSIfOffered
        case startTLSRequired
        /// TLS from the first byte: `smtps://`, usually port 465.
        case implicitTLS
    }

    package struct Credentials: Hashable, Sendable {
        package let user: String
        package let password: String

        package init(user: String, password: String) {
            self.user = user
            self.password = password
        }
    }

    package let host: String
    package let port: Int
    package let security: Security
    package let credentials: Credentials?
    /// Certificates to trust besides the system's, in PEM (a relay with a private CA).
    package let trustedCertificates: [UInt8]?
    /// The name this client gives in `EHLO`.
    package let clientName: String
    /// How long one reply may take before the relay counts as down.
    package let replySeconds: Double

    package init(
        host: String, port: Int = 25, security: Security = .startTLSIfOffered, credentials: Credentials? = nil,
        trustedCertificates: [UInt8]? = nil, clientName: String = "ngomatch.localhost", replySeconds: Double = 30
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.credentials = credentials
        self.trustedCertificates = trustedCertificates
        self.clientName = clientName
        self.replySeconds = replySeconds
    }
}
