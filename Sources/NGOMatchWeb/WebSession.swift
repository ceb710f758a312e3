import Foundation
import NGOMatchCore
import NGOMatchService
import Synchronization

/// A signed-in browser: who it acts as, the token it guards forms with, and until when.
struct WebSession: Sendable {
    let id: String
    let caller: Caller
    /// A person signed in by e-mail, by the name they go by; nil for a token.
    let personName: String?
    /// Every form carries it; a write without it is refused (cross-site request forgery).
    let csrf: String
    var expires: Date
}

/// Sessions kept in memory: a restart signs everyone out, which a token sign-in makes cheap.
final class SessionStore: Sendable {
    static let lifetime: TimeInterval = 8 * 60 * 60
    /// Sessions kept at most: past it, expired ones go, then those that never signed in, then the oldest.
    static let limit = 10_000
    private let sessions = Mutex<[String: WebSession]>([:])
    /// When each caller last looked at "new matching needs", so the page shows what came since.
    private let visits = Mutex<[String: Date]>([:])
    /// A message for the next page a session sees, after a redirect ("Saved.").
    private let notices = Mutex<[String: String]>([:])

    func setNotice(_ text: String, for id: String) { notices.withLock { $0[id] = text } }

    func takeNotice(_ id: String) -> String? { notices.withLock { $0.removeValue(forKey: id) } }

    func create(for caller: Caller, personName: String? = nil, now: Date = Date()) -> WebSession {
        let session = WebSession(
            id: Secret.make(), caller: caller, personName: personName, csrf: Secret.make(),
            expires: now.addingTimeInterval(Self.lifetime))
        sessions.withLock { sessions in
            // Memory follows the people signed in, however many cookie-less requests arrive.
            if sessions.count >= Self.limit { sessions = sessions.filter { $0.value.expires > now } }
            if sessions.count >= Self.limit { sessions = sessions.filter { $0.value.caller != .anonymous } }
            if sessions.count >= Self.limit {
                let oldest = sessions.values.sorted { $0.expires < $1.expires }.prefix(sessions.count - Self.limit + 1)
                for old in oldest { sessions[old.id] = nil }
            }
            sessions[session.id] = session
        }
        return session
    }

    /// The session, its expiry moved on; nil when unknown or expired.
    func session(_ id: String, now: Date = Date()) -> WebSession? {
        sessions.withLock { sessions in
            guard var session = sessions[id], session.expires > now else {
                sessions[id] = nil
                return nil
            }
            session.expires = now.addingTimeInterval(Self.lifetime)
            sessions[id] = session
            return session
        }
    }

    var count: Int { sessions.withLock { $0.count } }

    /// The session acting as `caller` from now on (its rights changed).
    func update(_ id: String, caller: Caller) -> WebSession? {
        sessions.withLock { sessions in
            guard let old = sessions[id] else { return nil }
            let session = WebSession(
                id: old.id, caller: caller, personName: old.personName, csrf: old.csrf, expires: old.expires)
            sessions[id] = session
            return session
        }
    }

    func end(_ id: String) {
        sessions.withLock { $0[id] = nil }
        _ = takeNotice(id)
    }

    /// The last visit recorded for `key`, replaced by `now`.
    func visit(_ key: String, now: Date = Date()) -> Date? {
        visits.withLock { visits in
            defer { visits[key] = now }
            return visits[key]
        }
    }
}
