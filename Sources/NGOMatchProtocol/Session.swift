import Foundation
import NGOMatchService
import Synchronization

/// One client's connection: who it is, and how to send it a line unasked
/// (a subscription's notification).
package final class Session: Sendable {
    package let id: Int
    /// Whether the client must call `auth` before anything but `ping`.
    package let requiresAuth: Bool
    private let callerState: Mutex<Caller>
    /// Failed `auth` calls in a row, and when the next may be tried.
    private let authFailures = Mutex<(count: Int, retryAt: ContinuousClock.Instant?)>((0, nil))
    private let sender: @Sendable (Data) -> Void
    /// When the caller was last found still in force in the registry.
    private let verifiedAt = Mutex<ContinuousClock.Instant?>(nil)
    /// A revoked token keeps a connection's rights no longer than this.
    static let verifiedFor: Duration = .seconds(1)

    /// - Parameter send: writes one line (without its newline) to the client.
    package init(id: Int, caller: Caller, requiresAuth: Bool, send: @escaping @Sendable (Data) -> Void) {
        self.id = id
        self.requiresAuth = requiresAuth
        callerState = Mutex(caller)
        sender = send
    }

    package var caller: Caller { callerState.withLock { $0 } }

    func authenticate(as caller: Caller, now: ContinuousClock.Instant = .now) {
        callerState.withLock { $0 = caller }
        authFailures.withLock { $0 = (0, nil) }
        verifiedAt.withLock { $0 = now }
    }

    /// Whether the caller must be looked up again before its next request.
    func needsVerifying(now: ContinuousClock.Instant = .now) -> Bool {
        guard case .token = caller else { return false }
        return verifiedAt.withLock { $0.map { now - $0 >= Self.verifiedFor } ?? true }
    }

    /// The registry's answer: the caller still in force, or signed out.
    func verified(_ current: Caller?, now: ContinuousClock.Instant = .now) {
        if let current {
            callerState.withLock { $0 = current }
            verifiedAt.withLock { $0 = now }
        } else {
            callerState.withLock { $0 = .anonymous }
        }
    }

    /// How long this connection must still wait before its next `auth`, if at all.
    func authWait(now: ContinuousClock.Instant = .now) -> Duration? {
        guard let retryAt = authFailures.withLock({ $0.retryAt }), retryAt > now else { return nil }
        return retryAt - now
    }

    func authFailed(now: ContinuousClock.Instant = .now) {
        authFailures.withLock { state in
            state.count += 1
            state.retryAt = now + AuthThrottle.pause(afterFailures: state.count)
        }
    }

    func send(_ line: Data) { sender(line) }
}
