import Dispatch
import GRDB
import Synchronization

/// Copies the WAL back into the registry file away from the writes.
///
/// SQLite's own automatic checkpoint runs inside the commit that crosses its threshold, so one
/// write in a hundred paid for copying and syncing the pages of all the others (the p99 of a
/// write was 10–17 ms against a p50 of about 1 ms). A server turns it off on its writing
/// connection (`Registry.checkpointBesideWrites`); after every `interval` commits this starts a
/// passive checkpoint on a connection of its own on a background queue. A passive checkpoint
/// takes no lock a writer or reader waits on; the file is checkpointed whole when it closes.
final class Checkpointer: Sendable {
    static let interval = 64

    private struct State {
        var commitsSince = 0
        var started = false
        var running = false
        var connection: DatabaseQueue?
        var closed = false
    }

    private let path: String
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "ngomatch.checkpoint", qos: .utility)

    init(path: String) { self.path = path }

    /// Called after each commit.
    func committed() {
        let start = state.withLock { state -> Bool in
            state.commitsSince += 1
            guard state.started, !state.closed, !state.running, state.commitsSince >= Self.interval else {
                return false
            }
            state.commitsSince = 0
            state.running = true
            return true
        }
        if start { queue.async { self.checkpoint() } }
    }

    func start() { state.withLock { $0.started = true } }

    /// Returns once a checkpoint already started has finished.
    func settle() { queue.sync {} }

    /// Waits for a running checkpoint and closes the connection: the registry is closing.
    func close() {
        queue.sync {
            let connection = state.withLock { state -> DatabaseQueue? in
                state.closed = true
                defer { state.connection = nil }
                return state.connection
            }
            try? connection?.close()
        }
    }

    private func checkpoint() {
        defer { state.withLock { $0.running = false } }
        let connection = state.withLock { state -> DatabaseQueue? in
            guard !state.closed else { return nil }
            if state.connection == nil { state.connection = try? DatabaseQueue(path: path) }
            return state.connection
        }
        // A checkpoint that cannot run now (the file is busy or gone) is retried after the next
        // `interval` commits; the WAL only grows meanwhile, nothing is lost.
        _ = try? connection?.writeWithoutTransaction { db in try db.checkpoint(.passive) }
    }
}
