import Logging
import NGOMatchProtocol
import NGOMatchService
import ServiceLifecycle

/// Tells connections following notices (`notices.subscribe`) of each new one, whichever process
/// wrote it: the registry's notices are read every second while anyone follows them.
package struct NoticeFeed: ServiceLifecycle.Service {
    let hub: SubscriptionHub
    let service: MatchService
    let logger: Logger

    package init(hub: SubscriptionHub, service: MatchService, logger: Logger) {
        self.hub = hub
        self.service = service
        self.logger = logger
    }

    package func run() async {
        while !Task.isShuttingDownGracefully {
            if hub.followsNotices { hub.pushNotices(service) { logger.error("\($0)") } }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
        }
    }

    /// How a group runs it: its end ends nothing else.
    package var configuration: ServiceGroupConfiguration.ServiceConfiguration {
        .init(service: self, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore)
    }
}
