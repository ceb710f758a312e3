import Foundation
import NGOMatchCore
import NGOMatchMail
import Testing

/// `--smtp` as an operator writes it: what each form means, and what a mistake is told as,
/// never with the password in it.
struct SMTPAddressTests {
    @Test func eachFormMeansWhatDocsMailSays() throws {
        let plain = try SMTPRelay(url: "smtp://relay.example.vn")
        #expect(plain.port == 587 && plain.security == .startTLSIfOffered && plain.credentials == nil)
        let required = try SMTPRelay(url: "smtp://u%40x:p%3Bw@relay.example.vn:2525?starttls=required")
        #expect(required.port == 2525 && required.security == .startTLSRequired)
        #expect(required.credentials == SMTPRelay.Credentials(user: "u@x", password: "p;w"))
        let never = try SMTPRelay(url: "smtp://127.0.0.1:25?starttls=never")
        #expect(never.security == .plain)
        let implicit = try SMTPRelay(url: "SMTPS://relay.example.vn")
        #expect(implicit.port == 465 && implicit.security == .implicitTLS)
    }

    @Test func aMistakeIsNamedWithoutThePassword() {
        let cases: [(String, String)] = [
            ("http://relay.example.vn", "is not an SMTP address"),
            ("smtp://user:s3cret@relay.example.vn?tls=yes", "unknown setting 'tls'"),
            ("smtps://user:s3cret@relay.example.vn?starttls=required", "smtps:// always uses TLS"),
            ("smtp://user:s3cret@relay.example.vn?ca=/nonexistent.pem", "cannot read the certificate file"),
        ]
        for (text, expected) in cases {
            do {
                _ = try SMTPRelay(url: text)
                Issue.record("\(text) was taken")
            } catch {
                let message = error.text(.en)
                #expect(message.contains(expected), "\(message)")
                #expect(!message.contains("s3cret"), "\(message)")
            }
        }
    }
}
