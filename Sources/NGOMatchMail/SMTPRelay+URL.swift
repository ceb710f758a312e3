import Foundation
import NGOMatchCore

extension SMTPRelay {
    /// A relay as `--smtp` names it: `smtp://[user:password@]host[:port][?starttls=required][&ca=FILE]`
    /// (STARTTLS when offered; required when asked), or `smtps://…` for TLS from the start.
    /// User and password are percent-encoded as in any URL.
    package init(
        url text: String,
        readFile: (String) throws -> [UInt8] = { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
    )
        throws(SMTPAddressError)
    {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "smtp" || scheme == "smtps", let host = url.host, !host.isEmpty
        else { throw SMTPAddressError(text: Self.withoutPassword(text), problem: "mail.smtpForm") }
        let query = Dictionary(
            (url.queryItems ?? []).map { ($0.name.lowercased(), $0.value ?? "") }, uniquingKeysWith: { $1 })
        for key in query.keys where !["starttls", "ca"].contains(key) {
            throw SMTPAddressError(text: Self.withoutPassword(text), problem: "mail.smtpQuery", detail: key)
        }
        let security: Security
        switch (scheme, query["starttls"]?.lowercased()) {
        case ("smtps", nil): security = .implicitTLS
        case ("smtp", nil), ("smtp", "offered"?): security = .startTLSIfOffered
        case ("smtp", "required"?): security = .startTLSRequired
        case ("smtp", "never"?): security = .plain
        default: throw SMTPAddressError(text: Self.withoutPassword(text), problem: "mail.smtpStartTLS")
        }
        var credentials: Credentials?
        if let user = url.user {
            credentials = Credentials(
                user: user.removingPercentEncoding ?? user,
                password: url.password.map { $0.removingPercentEncoding ?? $0 } ?? "")
        }
        var trusted: [UInt8]?
        if let ca = query["ca"] {
            do {
                trusted = try readFile(ca)
            } catch {
                throw SMTPAddressError(text: Self.withoutPassword(text), problem: "mail.smtpCA", detail: ca)
            }
        }
        self.init(
            host: host, port: url.port ?? (security == .implicitTLS ? 465 : 587), security: security,
            credentials: credentials, trustedCertificates: trusted)
    }

    /// The address with its password replaced, for messages and logs.
    static func withoutPassword(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? "smtp://…"
    }
}

/// An `--smtp` address that cannot be used, said without its password.
package struct SMTPAddressError: Error, Hashable, Sendable, Readable {
    package let text: String
    package let problem: String
    package var detail: String = ""

    package var phrase: Phrase { .key(problem, text, detail) }
}
