import Foundation
import Hummingbird
import HummingbirdAuth
import NGOMatchCore
import NGOMatchService

/// Finds the reader's language and who they act as, and gives every response the security
/// headers. hummingbird-auth's session middleware, outside this one, has loaded the session
/// from its cookie and saves what this one and the page change. On a server that trusts its
/// local user, a new browser gets a session as the ministry; with `--auth` it gets one with no
/// rights, which only carries the sign-in form's token, and every other page sends it to sign in.
struct ReaderMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let languageCookie = "ngomatch_lang"

    let requiresAuth: Bool
    let reference: ReferenceData
    /// An NGO's name for the header, "NGO: Medisch Comité Nederland–Vietnam", not its id.
    let ngoName: @Sendable (NGOID) -> String?
    let unread: @Sendable (String) -> Int
    /// The session's caller as the registry has it now; nil when they left or were revoked.
    let current: @Sendable (Caller) -> Caller?

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.language = Self.language(request)
        let path = request.uri.path
        if !path.hasPrefix("/static/") { admit(context) }
        context.who = context.session.flatMap {
            Navigation.who(
                $0.caller, personName: $0.personName, reference: reference, ngoName: ngoName, language: context.language
            )
        }
        // Pages show the count; a stylesheet or icon need not cost a read.
        if !path.hasPrefix("/static/") { context.unread = context.session?.caller.personID.map(unread) }
        // An unsubscribe link works without signing in: its signature is the authority.
        let open =
            path == "/signin" || path.hasPrefix("/signin/") || path == "/unsubscribe" || path.hasPrefix("/static/")
            || path.hasPrefix("/language/")
        var response: Response
        if !open, context.session?.caller == .anonymous {
            response = Pages.redirect("/signin?back=\(Pages.percentEncoded(path))")
        } else {
            response = try await next(request, context)
        }
        ErrorPageMiddleware.secure(&response.headers)
        return response
    }

    /// The session as the registry has its caller now, its expiry moved on; a new one for a
    /// browser that has none, or whose caller was revoked or left.
    private func admit(_ context: WebContext) {
        context.sessions.withLockedSession { data in
            if let caller = data?.caller {
                switch current(caller) {
                case nil: data = nil
                case let now? where now != caller: data?.caller = now
                case _?: break
                }
            }
            // Eight hours from the last page seen, in the store and in the browser's cookie.
            data?.expiresIn = WebSession.lifetime
        }
        if context.session == nil {
            context.sessions.createSession(
                WebSession(caller: requiresAuth ? .anonymous : .local("web")), expiresIn: WebSession.lifetime)
        }
    }

    /// The language a link asks for (`?lang=vi`), else the one chosen on a page, else the
    /// browser's first of Vietnamese or English.
    static func language(_ request: Request) -> Language {
        if let asked = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) { return asked }
        if let chosen = request.cookies[languageCookie].flatMap({ Language(rawValue: $0.value) }) { return chosen }
        let accepted = request.headers[.acceptLanguage] ?? ""
        for part in accepted.split(separator: ",") {
            let tag =
                part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if tag.hasPrefix("vi") { return .vi }
            if tag.hasPrefix("en") { return .en }
        }
        return .en
    }
}
