import Foundation
import Logging
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NIOCore
import NIOPosix
import Synchronization

/// One client connection: frames its bytes into lines, runs each request on the
/// server's thread pool and writes the reply. It stops reading while too many of
/// its requests are running or while it is not taking its replies, so a slow
/// client holds back only itself.
final class ConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let server: TCPServer
    private var framer: LineFramer
    private var session: Session?
    private var running = 0
    private var readPaused = false
    private var inputClosed = false
    private var accepted = false
    private var needsFlush = false

    init(server: TCPServer) {
        self.server = server
        framer = LineFramer(maximumLength: server.limits.maximumLineLength)
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        let count = server.connections.wrappingAdd(1, ordering: .relaxed).newValue
        accepted = true
        guard count <= server.limits.maximumConnections else {
            let line = RPCError(code: RPCError.overloaded, message: Messages.text("rpc.tooManyConnections", .en))
                .unansweredLine
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: line + "\n"))).whenComplete { _ in
                channel.close(promise: nil)
            }
            return
        }
        let id = server.nextSession.wrappingAdd(1, ordering: .relaxed).newValue
        server.children.withLock { $0[ObjectIdentifier(channel)] = channel }
        session = Session(
            id: id, caller: server.requiresAuth ? .anonymous : .local("tcp"), requiresAuth: server.requiresAuth
        ) { line in
            var buffer = channel.allocator.buffer(capacity: line.count + 1)
            buffer.writeBytes(line)
            buffer.writeInteger(UInt8(0x0A))
            channel.writeAndFlush(buffer, promise: nil)
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if accepted { _ = server.connections.wrappingSubtract(1, ordering: .relaxed) }
        server.children.withLock { $0[ObjectIdentifier(context.channel)] = nil }
        if let session { server.dispatcher.hub.drop(session) }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard session != nil else { return }
        let buffer = unwrapInboundIn(data)
        let frames = buffer.withUnsafeReadableBytes { framer.feed($0) }
        for frame in frames { run(frame, context: context) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent, running == 0 {
            context.close(promise: nil)
            return
        }
        if let event = event as? ChannelEvent, event == .inputClosed {
            inputClosed = true
            if let last = framer.finish() { run(last, context: context) }
            closeIfDone(context: context)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        updateReading(context: context)
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        server.logger.debug("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    private func run(_ frame: LineFramer.Frame, context: ChannelHandlerContext) {
        guard let session else { return }
        let dispatcher = server.dispatcher
        let message: JSONParser.Message
        switch dispatcher.handleQuickly(frame, session: session) {
        case .answered(let reply):
            // Answered on the event loop and flushed once per read, so pipelined requests share writes.
            if let reply {
                context.write(wrapOutboundOut(Self.line(reply, allocator: context.channel.allocator)), promise: nil)
            }
            needsFlush = true
            return
        case .needsWork(let parsed): message = parsed
        }
        running += 1
        server.inFlight.started()
        updateReading(context: context)
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let channel = context.channel
        let finish: @Sendable (Data?) -> Void = { reply in
            if let reply { channel.writeAndFlush(Self.line(reply, allocator: channel.allocator), promise: nil) }
            channel.eventLoop.execute {
                let (handler, context) = loopBound.value
                handler.finished(context: context)
            }
        }
        let pool = dispatcher.isQuickWrite(message) ? server.writes : server.pool
        pool.submit { state in
            guard case .active = state else {
                finish(nil)
                return
            }
            finish(dispatcher.handle(message: message, session: session))
        }
    }

    private static func line(_ reply: Data, allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: reply.count + 1)
        buffer.writeBytes(reply)
        buffer.writeInteger(UInt8(0x0A))
        return buffer
    }

    private func finished(context: ChannelHandlerContext) {
        running -= 1
        server.inFlight.finished()
        updateReading(context: context)
        closeIfDone(context: context)
    }

    private func closeIfDone(context: ChannelHandlerContext) {
        guard inputClosed, running == 0 else { return }
        context.flush()
        context.close(promise: nil)
    }

    private func updateReading(context: ChannelHandlerContext) {
        let shouldPause = running >= server.limits.maximumInFlight || !context.channel.isWritable
        guard shouldPause != readPaused else { return }
        readPaused = shouldPause
        _ = context.channel.setOption(.autoRead, value: !shouldPause)
    }
}
