/// Where mail goes: an SMTP relay, reached over TCP.
public struct SMTPRelay: Hashable, Sendable {
    public let host: String
    public let port: Int
    /// The name this client gives in `EHLO`.
    public let clientName: String
    /// How long one reply may take before the relay counts as down.
    public let replySeconds: Double

    public init(host: String, port: Int = 25, clientName: String = "ngomatch.localhost", replySeconds: Double = 30) {
        self.host = host
        self.port = port
        self.clientName = clientName
        self.replySeconds = replySeconds
    }
}
