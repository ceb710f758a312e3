import ArgumentParser
import Foundation
import NGOMatchCore
import NGOMatchMail
import NGOMatchService

/// Where notices go and what their links lead to. Without `--smtp`, each message is an `.eml`
/// file in the folder beside the registry (`registry.mail/`).
struct MailOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "SMTP relay: smtp://[user:password@]host[:port][?starttls=required], or smtps://… (default: $NGOMATCH_SMTP, else .eml files beside the registry).",
            valueName: "url"))
    var smtp: String?
    @Option(help: ArgumentHelp("Sender of notices (default: $NGOMATCH_MAIL_FROM).", valueName: "address"))
    var mailFrom: String?
    @Option(
        help: ArgumentHelp(
            "The web app's address as people reach it: every link in a notice starts with it (default: $NGOMATCH_PUBLIC_URL, else http://127.0.0.1:8080).",
            valueName: "url"))
    var publicURL: String?

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// - Parameter listening: the web app's own address, the links' default when no public one is given.
    func identity(listening: String? = nil) throws -> MailIdentity {
        let from = mailFrom ?? environment["NGOMATCH_MAIL_FROM"]
        let url =
            publicURL ?? environment["NGOMATCH_PUBLIC_URL"] ?? listening.map { "http://\($0)" }
            ?? MailIdentity.local.publicURL
        guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme ?? ""),
            components.host?.isEmpty == false
        else { throw ValidationError(Messages.text("mail.publicURL", CommandLanguage.current, url)) }
        guard let from else { return MailIdentity(from: MailIdentity.local.from, publicURL: url) }
        do {
            return MailIdentity(from: try MailAddress(from, name: "ngomatch"), publicURL: url)
        } catch {
            throw ValidationError(
                Messages.text("mail.fromAddress", CommandLanguage.current, error.text(CommandLanguage.current)))
        }
    }

    func delivery(registryPath: String) throws -> MailDelivery {
        guard let smtp = smtp ?? environment["NGOMATCH_SMTP"], !smtp.isEmpty else {
            return .folder(besideRegistry: registryPath)
        }
        do {
            return .relay(try SMTPRelay(url: smtp), envelopeFrom: try identity().from.address)
        } catch let error as SMTPAddressError {
            throw ValidationError(error.text(CommandLanguage.current))
        }
    }
}
