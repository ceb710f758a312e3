import Foundation
import Logging
import NGOMatchProtocol
import NGOMatchService
import NIOCore
import NIOPosix
import Synchronization

/// Serves many clients over TCP on SwiftNIO. Requests run on a thread pool, so
/// reads go in parallel; writes serialise in the registry; a slow or stalled
/// client only stops its own connection from being read.
public final class TCPServer: Sendable {
    let dispatcher: Dispatcher
    let limits: ServerLimits
    let requiresAuth: Bool
    let logger: Logger
    let group: MultiThreadedEventLoopGroup
    let pool: NIOThreadPool
    let connections = Atomic<Int>(0)
    let inFlight = Atomic<Int>(0)
    let nextSession = Atomic<Int>(0)
    let children = Mutex<[ObjectIdentifier: any Channel]>([:])
    private let serverChannel = Mutex<(any Channel)?>(nil)

    public init(dispatcher: Dispatcher, limits: ServerLimits, requiresAuth: Bool, logger: Logger) {
        self.dispatcher = dispatcher
        self.limits = limits
        self.requiresAuth = requiresAuth
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, System.coreCount))
        pool = NIOThreadPool(numberOfThreads: max(2, System.coreCount * 2))
        pool.start()
    }

    /// Binds and starts accepting; returns the bound address (useful with port 0).
    public func start(host: String, port: Int) throws -> SocketAddress {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    if limits.idleTimeoutSeconds > 0 {
                        try channel.pipeline.syncOperations.addHandler(
                            IdleStateHandler(readTimeout: .seconds(Int64(limits.idleTimeoutSeconds))))
                    }
                    try channel.pipeline.syncOperations.addHandler(ConnectionHandler(server: self))
                }
            }
        let channel = try bootstrap.bind(host: host, port: port).wait()
        serverChannel.withLock { $0 = channel }
        guard let address = channel.localAddress else { throw ServerError.noAddress }
        logger.info("listening", metadata: ["server.address": "\(address)", "server.auth": "\(requiresAuth)"])
        return address
    }

    /// Blocks until the server channel closes.
    public func waitUntilClosed() throws {
        try serverChannel.withLock { $0 }?.closeFuture.wait()
    }

    /// Stops accepting, lets requests in flight finish (up to the drain limit),
    /// flushes and closes every connection, and stops the threads.
    public func shutdown() {
        try? serverChannel.withLock { $0 }?.close().wait()
        let deadline = Date().addingTimeInterval(Double(limits.drainSeconds))
        while inFlight.load(ordering: .acquiring) > 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        for channel in children.withLock({ Array($0.values) }) { try? channel.close().wait() }
        try? pool.syncShutdownGracefully()
        try? group.syncShutdownGracefully()
        logger.info("stopped")
    }

    enum ServerError: Error { case noAddress }
}
