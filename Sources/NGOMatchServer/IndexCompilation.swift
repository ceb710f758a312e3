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
public struct IndexCompilation: ServiceLifecycle.Service {
    let service: NGOMatchService.Service

    public init(service: NGOMatchService.Service) {
        self.service = service
    }

    /// Returns when the index is compiled (or could not be: the first request will say why).
    public func run() async {
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            let thread = Thread { [service] in
                _ = try? service.index()
                finished.resume()
            }
            thread.name = "ngomatch.compile"
            thread.start()
        }
    }

    /// How a group runs it: its end, early or late, ends nothing else.
    public var configuration: ServiceGroupConfiguration.ServiceConfiguration {
        .init(service: self, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore)
    }
}
