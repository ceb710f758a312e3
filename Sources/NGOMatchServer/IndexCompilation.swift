import Foundation
import NGOMatchService
import ServiceLifecycle

/// Compiles a service's match index beside the doors that serve it, so that they answer at once
/// what needs no ranking and the first ranking waits only for what is left of the compile.
///
/// A lifecycle service, so that the work is owned: the group it runs in returns only once the
/// compile has ended, and the registry it reads is closed after that. A compile left running on
/// a thread of its own read SQLite while `exit` tore the process down (a crash after the last
/// reply, issue 34).
package struct IndexCompilation: ServiceLifecycle.Service {
    let service: MatchService

    package init(service: MatchService) {
        self.service = service
    }

    /// Compiles the index (or fails to: the first request will say why), then stays until the
    /// group shuts down. A service that ends while the group is stopping another one makes the
    /// group throw "finished unexpectedly" and the server exit 1; so it ends only when told, and
    /// when told during the compile it ends after the compile, which is the join.
    package func run() async {
        await compile()
        try? await gracefulShutdown()
    }

    private func compile() async {
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            let thread = Thread { [service] in
                _ = try? service.index()
                finished.resume()
            }
            thread.name = "ngomatch.compile"
            thread.start()
        }
    }

    /// How a group runs it: its end ends nothing else.
    package var configuration: ServiceGroupConfiguration.ServiceConfiguration {
        .init(service: self, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore)
    }
}
