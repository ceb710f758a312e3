import Foundation
import NGOMatchProtocol
import NGOMatchService
import ServiceLifecycle
import Synchronization

/// Serves one trusted client on standard input and output: one JSON-RPC message
/// a line in, one reply a line out, logs on standard error only. Works on pipes,
/// terminals and regular files alike.
///
/// A lifecycle service: `run` returns at the end of input, or on a graceful shutdown
/// once the request running (if any) has written its reply; no request starts after.
package final class StdioServer: ServiceLifecycle.Service, Sendable {
    private let dispatcher: Dispatcher
    private let limits: ServerLimits
    /// Held while a request runs, so a shutdown lets it finish and flush.
    private let busy = Mutex<Bool>(false)
    private let output = Mutex<Void>(())
    /// Resumed once: at the end of input or on shutdown.
    private let ended = Mutex<(done: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

    package init(dispatcher: Dispatcher, limits: ServerLimits = ServerLimits()) {
        self.dispatcher = dispatcher
        self.limits = limits
    }

    package func run() async {
        let reader = Thread { [self] in
            readUntilEnd()
            end()
        }
        reader.name = "ngomatch.stdio"
        reader.start()
        await withGracefulShutdownHandler {
            await withCheckedContinuation { continuation in
                let done = ended.withLock { state in
                    if !state.done { state.waiter = continuation }
                    return state.done
                }
                if done { continuation.resume() }
            }
        } onGracefulShutdown: { [self] in
            end()
        }
        // Stop taking requests; the one running, if any, finishes and writes its reply first.
        busy.withLock { $0 = true }
    }

    private func end() {
        let waiter = ended.withLock { state -> CheckedContinuation<Void, Never>? in
            state.done = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Reads until end of input, serving each line.
    private func readUntilEnd() {
        let session = Session(id: 0, caller: .local("stdio"), requiresAuth: false) { [self] line in write(line) }
        var framer = LineFramer(maximumLength: limits.maximumLineLength)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            for frame in framer.feed(buffer[0..<count]) { serve(frame, session) }
        }
        if let last = framer.finish() { serve(last, session) }
        dispatcher.hub.drop(session)
    }

    private func serve(_ frame: LineFramer.Frame, _ session: Session) {
        busy.withLock { stopped in
            guard !stopped else { return }
            if let reply = dispatcher.handle(frame, session: session) { write(reply) }
        }
    }

    private func write(_ line: Data) {
        output.withLock { _ in
            var bytes = line
            bytes.append(0x0A)
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else { return }
                    offset += written
                }
            }
        }
    }
}
