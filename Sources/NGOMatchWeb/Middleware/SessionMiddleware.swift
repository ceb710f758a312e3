import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// Finds the reader's language and session, and gives every response the security headers. On a server that trusts its local user, a new
/// browser gets a session as the ministry; with `--auth` it gets one with no rights, which
/// only carries the sign-in form's token, and every other page sends it to sign in.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let sessionCookie = "ngomatch_session"
    static let languageCookie = "ngomatch_lang"

    let sessions: SessionStore
    let requiresAuth: Bool
    let secureCookies: Bool
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
        var created: WebSession?
        let path = request.uri.path
        if let id = request.cookies[Self.sessionCookie]?.value, let session = sessions.session(id) {
            switch current(session.caller) {
            case nil: sessions.end(id)
            case let caller? where caller != session.caller: context.session = sessions.update(id, caller: caller)
            case _?: context.session = session
            }
        }
        if context.session == nil, !path.hasPrefix("/static/") {
            created = sessions.create(for: requiresAuth ? .anonymous : .local("web"))
            context.session = created
        }
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
        if let created { response.setCookie(Self.cookie(created.id, secure: secureCookies)) }
        ErrorPageMiddleware.secure(&response.headers)
        return response
    }

    /// The session cookie; `maxAge` 0 signs out.
    static func cookie(_ value: String, secure: Bool, maxAge: Int = Int(SessionStore.lifetime)) -> Cookie {
        Cookie(
            name: sessionCookie, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true,
            sameSite: .strict)
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
