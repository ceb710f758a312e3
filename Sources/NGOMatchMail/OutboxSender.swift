import Foundation
import NGOMatchCore
import NGOMatchStore

/// Empties the outbox: claims each message due, delivers it, records how it went. Any number
/// of senders may run on one registry, in any process: a claim is taken in a write transaction,
/// so no two hold the same message; a claim whose process died is taken over.
package struct OutboxSender: Sendable {
    /// What one pass did.
    package struct Round: Sendable, Hashable {
        package var sent = 0
        package var deferred = 0
        package var failed = 0
        package var reasons: [String] = []

        package var isEmpty: Bool { sent + deferred + failed == 0 }
    }

    package let registry: Registry
    package let delivery: MailDelivery
    package let retry: RetryPolicy
    /// Long enough for the slowest relay's whole conversation; a claim outlives its sender only this long.
    package let lease: TimeInterval
    let claimant = Claimant.current()

    package init(
        registry: Registry, delivery: MailDelivery, retry: RetryPolicy = .fromEnvironment(), lease: TimeInterval = 600
    ) {
        self.registry = registry
        self.delivery = delivery
        self.retry = retry
        self.lease = lease
    }

    /// Delivers every message due now, one after another, at most `limit`.
    package func sendDue(limit: Int = 500) async throws -> Round {
        var round = Round()
        for _ in 0..<limit {
            if Task.isCancelled { break }
            guard
                let message = try registry.claimDueMessage(
                    by: claimant.text, lease: lease, isAbandoned: Claimant.isAbandoned)
            else { break }
            do {
                try await deliver(message)
                try registry.recordDelivery(message.id)
                round.sent += 1
            } catch let failure as SMTPFailure {
                let retryAt = failure.kind == .transient ? retry.nextTry(after: message.attempts + 1) : nil
                var reason = failure.text(.en)
                if failure.kind == .transient, retryAt == nil {
                    reason = "gave up after \(message.attempts + 1) tries; the last: " + reason
                }
                try registry.recordFailure(message.id, reason: reason, retryAt: retryAt)
                if retryAt == nil { round.failed += 1 } else { round.deferred += 1 }
                round.reasons.append(reason)
            } catch {
                // A folder that cannot be written to: worth trying again once someone frees it.
                let reason = "\(error)"
                try registry.recordFailure(
                    message.id, reason: reason, retryAt: retry.nextTry(after: message.attempts + 1))
                round.deferred += 1
                round.reasons.append(reason)
            }
        }
        return round
    }

    private func deliver(_ message: ClaimedMessage) async throws {
        switch delivery {
        case .relay(let relay, let from):
            try await SMTPClient.send(rendered: message.message, from: from, to: [message.recipient], via: relay)
        case .folder(let path):
            try MailFolder(path: path).write(message)
        }
    }
}

/// Who holds a claim: this host and process, and a nonce for this sender.
struct Claimant: Sendable {
    let text: String

    static func current() -> Claimant {
        Claimant(text: "\(ProcessInfo.processInfo.hostName) \(getpid()) \(UUID().uuidString.prefix(8))")
    }

    /// A claim held by a process of this host that is no longer running.
    static func isAbandoned(_ holder: String) -> Bool {
        let parts = holder.split(separator: " ")
        guard parts.count == 3, String(parts[0]) == ProcessInfo.processInfo.hostName, let pid = pid_t(parts[1])
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
