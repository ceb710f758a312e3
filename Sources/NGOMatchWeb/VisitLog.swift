import Foundation
import Synchronization

/// When each reader last looked at "new matching needs", so the page shows what came since.
/// Kept by who reads, not by session: a new sign-in does not show everything again.
final class VisitLog: Sendable {
    private let visits = Mutex<[String: Date]>([:])

    /// The last visit recorded for `key`, replaced by `now`.
    func visit(_ key: String, now: Date = Date()) -> Date? {
        visits.withLock { visits in
            defer { visits[key] = now }
            return visits[key]
        }
    }
}
