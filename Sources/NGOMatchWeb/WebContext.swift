import Hummingbird
import HummingbirdAuth
import NGOMatchCore
import NIOCore

/// What a request carries through the middleware to its page: the session, the
/// language, and where it came from.
struct WebContext: SessionRequestContext {
    var coreContext: CoreRequestContextStorage
    /// Loaded from the cookie and saved by hummingbird-auth's `SessionMiddleware`.
    let sessions = SessionContext<WebSession>()
    /// Who is signed in, in words ("Province: Cao Bằng"); set by `ReaderMiddleware`.
    var who: String?
    /// A signed-in person's unread notices, for the header; set by `ReaderMiddleware`.
    var unread: Int?
    /// Set by `ReaderMiddleware`.
    var language: Language = .en
    /// The client's address, for slowing down wrong sign-ins; "local" when unknown.
    let remote: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remote = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// The session as it stands, with what this request changed in it.
    var session: WebSession? { sessions.session }
}
