/// Where mail goes: an SMTP relay, reached over TCP, with TLS and a login when it asks.
public struct SMTPRelay: Hashable, Sendable {
    /// Whether the conversation is encrypted: `STARTTLS` when the relay offers it, or always
    /// (a relay that does not offer it is then refused, as a downgrade would be).
    public enum Security: Hashable, Sendable {
        case plain
        case startTLSIfOffered
        case startTLSRequired
        /// TLS from the first byte: `smtps://`, usually port 465.
        case implicitTLS
    }

    public struct Credentials: Hashable, Sendable {
        public let user: String
        public let password: String

        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }
    }

    public let host: String
    public let port: Int
    public let security: Security
    public let credentials: Credentials?
    /// Certificates to trust besides the system's, in PEM (a relay with a private CA).
    public let trustedCertificates: [UInt8]?
    /// The name this client gives in `EHLO`.
    public let clientName: String
    /// How long one reply may take before the relay counts as down.
    public let replySeconds: Double

    public init(
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
