import NGOMatchCore

/// Whom notices come from, and where their links lead.
package struct MailIdentity: Sendable {
    package let from: MailAddress
    /// The web app's address as people reach it, without a trailing slash: every link starts with it.
    package let publicURL: String

    package init(from: MailAddress, publicURL: String) {
        self.from = from
        var url = publicURL
        while url.hasSuffix("/") { url.removeLast() }
        self.publicURL = url
    }

    /// For one computer: the web app on its default address.
    package static let local = MailIdentity(
        from: try! MailAddress("no-reply@ngomatch.localhost", name: "ngomatch"), publicURL: "http://127.0.0.1:8080")

    /// `<ngomatch.KIND.RANDOM@DOMAIN>`: unique, and kept across retries.
    func messageID(_ kind: String, secret: String) -> String {
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "ngomatch.localhost"
        return "<ngomatch.\(kind).\(secret)@\(domain)>"
    }
}
