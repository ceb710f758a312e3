import Foundation
import Logging
import ServiceLifecycle

/// The sender as a lifecycle service inside `web` and `serve`: a pass every few seconds until
/// the group shuts down, the pass under way finished first.
package struct OutboxDelivery: Service {
    let sender: OutboxSender
    let interval: Duration
    let logger: Logger
    /// What writes notices on a clock rather than on a change (reminders), run once a minute
    /// before a pass.
    let chores: @Sendable () throws -> Void

    package init(
        sender: OutboxSender, interval: Duration = .seconds(2), logger: Logger,
        chores: @escaping @Sendable () throws -> Void = {}
    ) {
        self.sender = sender
        self.interval = interval
        self.logger = logger
        self.chores = chores
    }

    package func run() async {
        var lastChores: ContinuousClock.Instant?
        while !Task.isShuttingDownGracefully {
            if lastChores.map({ ContinuousClock.now - $0 >= .seconds(60) }) ?? true {
                lastChores = .now
                do { try chores() } catch { logger.error("mail: reminders could not be written: \(error)") }
            }
            do {
                let round = try await sender.sendDue()
                if !round.isEmpty {
                    logger.info(
                        "mail: \(round.sent) sent, \(round.deferred) deferred, \(round.failed) failed",
                        metadata: round.reasons.isEmpty ? nil : ["last": "\(round.reasons.last!)"])
                }
            } catch {
                logger.error("mail: the outbox could not be read: \(error)")
            }
            // Woken early by the shutdown, so that a stop is not held up by the wait.
            try? await gracefulShutdownOrSleep(for: interval)
        }
    }

    private func gracefulShutdownOrSleep(for duration: Duration) async throws {
        try await cancelWhenGracefulShutdown {
            try await Task.sleep(for: duration)
        }
    }

    /// How a group runs it: its end ends nothing else.
    package var configuration: ServiceGroupConfiguration.ServiceConfiguration {
        .init(service: self, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore)
    }
}
