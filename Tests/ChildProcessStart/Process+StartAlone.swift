import Foundation
import Synchronization

/// Held while a child is being started, in the whole test process (every suite's children).
private let starting = Mutex(())

extension Process {
    /// Starts the child while no other test starts one. Foundation's `Process.run()` on Linux once
    /// crashed (SIGSEGV in memcpy while building the child) when several suites started children
    /// at the same moment; one start at a time costs a few microseconds and removes that race.
    package func startAlone() throws {
        try starting.withLock { _ in try run() }
    }
}
