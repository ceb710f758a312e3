import Foundation
import Logging
import MCP
import NGOMatchCore
import NGOMatchProtocol
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// MCP over stdin and stdout, one JSON-RPC message a line.
///
/// Not the SDK's `StdioTransport`, which polls a non-blocking stdin every 10 ms, switches
/// the stdin and stdout it shares with the parent process to non-blocking, keeps a line of
/// any length in memory, drops a last line that has no newline, and at the end of input lets
/// the process exit before the replies to requests still running are written. This one
/// reads on a thread of its own, frames lines with the protocol's `LineFramer` (with its
/// limit), and `drain()` waits until every request read has had its reply.
package actor StdioLineTransport: Transport {
    package nonisolated let logger: Logger
    private let messages: AsyncThrowingStream<Data, any Error>
    private let incoming: AsyncThrowingStream<Data, any Error>.Continuation
    private let maximumLineLength: Int
    private var connected = false
    /// Replies owed, by request id: +1 when a request is read (on the reading thread, before the
    /// end of input can be seen), −1 when its reply is written.
    private nonisolated let owed = Mutex<[String: Int]>([:])
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []
    /// Replies owed to lines that had no request id to read (not JSON, too long), counted on the
    /// reading thread before the end of input can be seen.
    private nonisolated let unreadReplies = Mutex(0)

    static let notJSON = RPCError(code: RPCError.parseError, message: Messages.text("rpc.notJSON", .en)).unansweredLine
    static let tooLong =
        RPCError(code: RPCError.invalidRequest, message: Messages.text("rpc.lineTooLong", .en)).unansweredLine

    package init(maximumLineLength: Int = 1 << 20, logger: Logger = Logger(label: "ngomatch.mcp")) {
        self.logger = logger
        self.maximumLineLength = maximumLineLength
        (messages, incoming) = AsyncThrowingStream.makeStream()
    }

    package func connect() async throws {
        guard !connected else { return }
        connected = true
        let limit = maximumLineLength
        let thread = Thread { [incoming, self] in
            var framer = LineFramer(maximumLength: limit)
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            func answer(_ reply: String) {
                self.unreadReplies.withLock { $0 += 1 }
                Task {
                    try? await self.send(Data(reply.utf8))
                    await self.sentUnreadReply()
                }
            }
            func deliver(_ frame: LineFramer.Frame) {
                switch frame {
                case .line(let line):
                    guard let message = try? JSONParser.parse(line) else {
                        // Answered here: the SDK would reply with an id of its own making, where
                        // JSON-RPC asks for null when the request's id cannot be read.
                        answer(Self.notJSON)
                        return
                    }
                    if let id = Self.requestID(in: message) { self.owed.withLock { $0[id, default: 0] += 1 } }
                    incoming.yield(Data(line))
                case .tooLong:
                    answer(Self.tooLong)
                }
            }
            while true {
                let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                for frame in buffer.withUnsafeBytes({ framer.feed(UnsafeRawBufferPointer(rebasing: $0[..<count])) }) {
                    deliver(frame)
                }
            }
            if let last = framer.finish() { deliver(last) }
            incoming.finish()
        }
        thread.name = "ngomatch.mcp.stdin"
        thread.start()
    }

    package func disconnect() async {
        connected = false
        incoming.finish()
    }

    package func send(_ data: Data) async throws {
        var line = data
        line.append(0x0A)
        try line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
                }
                offset += written
            }
        }
        if let id = Self.replyID(in: [UInt8](data)) { answered(id) }
    }

    private func sentUnreadReply() {
        unreadReplies.withLock { $0 -= 1 }
        resumeDrainWaitersIfDone()
    }

    package func receive() -> AsyncThrowingStream<Data, any Error> { messages }

    /// Returns when every request read so far has been answered.
    package func drain() async {
        guard !isDrained else { return }
        await withCheckedContinuation { drainWaiters.append($0) }
    }

    private var isDrained: Bool {
        !owed.withLock { $0.values.contains(where: { $0 > 0 }) } && unreadReplies.withLock({ $0 }) == 0
    }

    private func answered(_ id: String) {
        owed.withLock { owed in
            owed[id, default: 0] -= 1
            if owed[id] == 0 { owed[id] = nil }
        }
        resumeDrainWaitersIfDone()
    }

    private func resumeDrainWaitersIfDone() {
        guard isDrained else { return }
        for waiter in drainWaiters { waiter.resume() }
        drainWaiters = []
    }

    /// The id of a request (a message with `method` and `id`), as text.
    static func requestID(in message: JSONValue) -> String? {
        guard case .object(let fields) = message, fields["method"] != nil,
            let id = fields["id"], id != .null
        else { return nil }
        return String(decoding: StreamingJSONEncoder.bytes(of: id), as: UTF8.self)
    }

    /// The id of a reply (a message with `result` or `error`), as text.
    static func replyID(in message: [UInt8]) -> String? {
        guard case .object(let fields)? = try? JSONParser.parse(message),
            fields["result"] != nil || fields["error"] != nil, let id = fields["id"]
        else { return nil }
        return String(decoding: StreamingJSONEncoder.bytes(of: id), as: UTF8.self)
    }
}
