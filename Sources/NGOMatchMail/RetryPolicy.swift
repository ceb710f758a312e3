import Foundation

/// When to try again a message the relay could not take: after a delay that doubles with each
/// try, up to a ceiling, and never past the last try.
package struct RetryPolicy: Sendable, Hashable {
    package let firstDelay: TimeInterval
    package let longestDelay: TimeInterval
    package let tries: Int

    package init(firstDelay: TimeInterval = 60, longestDelay: TimeInterval = 3600, tries: Int = 30) {
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
        self.tries = tries
    }

    /// Defaults, with `NGOMATCH_MAIL_RETRY_SECONDS` as the first delay when set (and the ceiling
    /// sixty times it): a test, or an operator who cannot wait a minute.
    package static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> RetryPolicy
    {
        guard let text = environment["NGOMATCH_MAIL_RETRY_SECONDS"], let seconds = TimeInterval(text), seconds > 0
        else { return RetryPolicy() }
        return RetryPolicy(firstDelay: seconds, longestDelay: seconds * 60)
    }

    /// When to try again after `attempts` failed tries, or nil when they are spent.
    package func nextTry(after attempts: Int, now: Date = Date()) -> Date? {
        guard attempts < tries else { return nil }
        let delay = min(longestDelay, firstDelay * pow(2, Double(max(0, attempts - 1))))
        return now.addingTimeInterval(delay)
    }
}
