import NGOMatchCore
import NGOMatchService

/// What a browser's session holds, kept by hummingbird-auth under the id in its cookie: who it
/// acts as, the token it guards forms with, and a message for its next page.
package struct WebSession: Sendable, Codable, Equatable {
    static let lifetime: Duration = .seconds(8 * 60 * 60)
    /// Sessions kept at most: past it, expired ones go, then those that never signed in, then the oldest.
    package static let limit = 10_000

    var caller: Caller
    /// A person signed in by e-mail, by the name they go by; nil for a token.
    var personName: String?
    /// Every form carries it; a write without it is refused (cross-site request forgery).
    let csrf: String
    /// A message for the next page the session sees, after a redirect ("Saved.").
    var notice: String?

    init(caller: Caller, personName: String? = nil, notice: String? = nil) {
        self.caller = caller
        self.personName = personName
        csrf = Secret.make()
        self.notice = notice
    }

    /// The local user and ministry tokens see and may change everything.
    var isMinistry: Bool { caller.seesEverything }

    var ownProvince: ProvinceID? {
        if case .province(let id)? = caller.role { return id }
        return nil
    }

    var ownNGO: NGOID? {
        if case .ngo(let id)? = caller.role { return id }
        return nil
    }
}
