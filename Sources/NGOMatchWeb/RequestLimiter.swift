import Foundation
import Synchronization

/// At most `limit` requests per key in any `window`: sign-in mail per address and per client,
/// so that nobody floods a mailbox or the relay through the sign-in page.
final class RequestLimiter: Sendable {
    let limit: Int
    let window: Duration
    private let seen = Mutex<[String: [ContinuousClock.Instant]]>([:])

    init(limit: Int, window: Duration) {
        self.limit = limit
        self.window = window
    }

    /// Counts the request and says whether it may go ahead; when not, how long until it may.
    func take(_ key: String, now: ContinuousClock.Instant = .now) -> Duration? {
        seen.withLock { seen in
            // Memory follows the keys of the last window, however many addresses are tried.
            if seen.count > 10_000 { seen = seen.filter { $0.value.contains { now - $0 < window } } }
            var times = (seen[key] ?? []).filter { now - $0 < window }
            defer { seen[key] = times }
            guard times.count < limit else { return times[0] + window - now }
            times.append(now)
            return nil
        }
    }
}
