import Foundation
import NGOMatchProtocol
import NGOMatchService
import Synchronization

/// Serves one trusted client on standard input and output: one JSON-RPC message
/// a line in, one reply a line out, logs on standard error only. Works on pipes,
/// terminals and regular files alike.
public final class StdioServer: Sendable {
    private let dispatcher: Dispatcher
    private let limits: ServerLimits
    /// Held while a request runs, so a shutdown signal lets it finish and flush.
    private let busy = Mutex<Void>(())
    private let output = Mutex<Void>(())

    public init(dispatcher: Dispatcher, limits: ServerLimits = ServerLimits()) {
        self.dispatcher = dispatcher
        self.limits = limits
    }

    /// Reads until end of input; returns when the client is done.
    public func run() {
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

    /// Waits for the request in flight, if any, then runs `body` (which exits).
    public func drain(then body: () -> Void) {
        busy.withLock { _ in body() }
    }

    private func serve(_ frame: LineFramer.Frame, _ session: Session) {
        busy.withLock { _ in
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
