import Hummingbird
import NGOMatchCore
import NIOCore

/// What a request carries through the middleware to its page: the session, the
/// language, and where it came from.
struct WebContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Set by `SessionMiddleware`.
    var session: WebSession?
    /// Who is signed in, in words ("Province: Cao Bằng"); set by `SessionMiddleware`.
    var who: String?
    /// A signed-in person's unread notices, for the header; set by `SessionMiddleware`.
    var unread: Int?
    /// Set by `LanguageMiddleware`.
    var language: Language = .en
    /// The client's address, for slowing down wrong sign-ins; "local" when unknown.
    let remote: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remote = source.channel.remoteAddress?.ipAddress ?? "local"
    }
}
