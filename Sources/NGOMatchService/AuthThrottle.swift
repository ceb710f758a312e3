import Synchronization

/// Slows the guessing of tokens without holding a thread: after a failed `auth`
/// a connection must wait before its next try (0.2 s, doubling with each failure
/// up to 10 s), and the whole server checks at most a few wrong tokens a second,
/// however many connections guess at once. Until then an `auth` is refused at
/// once, without its token being looked at.
package final class AuthThrottle: Sendable {
    /// Wrong tokens the server checks in a burst, and per second after it.
    static let burst = 20.0
    static let perSecond = 10.0

    private let bucket: Mutex<(tokens: Double, at: ContinuousClock.Instant)>

    /// - Parameter now: the time on the clock its callers will pass, full from then on.
    package init(now: ContinuousClock.Instant = .now) {
        bucket = Mutex((Self.burst, now))
    }

    /// Whether a token may be checked now; if not, how long to wait.
    package func mayCheck(now: ContinuousClock.Instant = .now) -> Duration? {
        bucket.withLock { state in
            state.tokens = min(Self.burst, state.tokens + (now - state.at) / .seconds(1) * Self.perSecond)
            state.at = now
            guard state.tokens < 1 else { return nil }
            return .seconds((1 - state.tokens) / Self.perSecond)
        }
    }

    /// Spends one check of the server's budget on a wrong token.
    package func failed() {
        bucket.withLock { $0.tokens -= 1 }
    }

    /// How long a connection waits after `failures` failed tries in a row.
    package static func pause(afterFailures failures: Int) -> Duration {
        min(.milliseconds(200) * (1 << min(failures - 1, 6)), .seconds(10))
    }
}
