import Foundation
import NGOMatchService
import Synchronization

/// Slows the guessing of tokens as the protocol's `auth` does: each address waits longer
/// after each wrong token (0.2 s, doubling, at most 10 s), and the whole server checks only
/// a few wrong tokens a second.
final class SignInGuard: Sendable {
    private let budget = AuthThrottle()
    private let failures = Mutex<[String: (count: Int, until: ContinuousClock.Instant)]>([:])

    /// How long `address` must still wait before a token of its may be checked; nil when it may now.
    func wait(for address: String, now: ContinuousClock.Instant = .now) -> Duration? {
        if let until = failures.withLock({ $0[address]?.until }), until > now { return until - now }
        return budget.mayCheck(now: now)
    }

    func failed(_ address: String, now: ContinuousClock.Instant = .now) {
        budget.failed()
        failures.withLock { failures in
            if failures.count > 10_000 { failures = failures.filter { $0.value.until > now } }
            let count = (failures[address]?.count ?? 0) + 1
            failures[address] = (count, now + AuthThrottle.pause(afterFailures: count))
        }
    }

    func succeeded(_ address: String) { failures.withLock { $0[address] = nil } }
}
