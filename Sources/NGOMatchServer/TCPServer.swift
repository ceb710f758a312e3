import Foundation
import Logging
import NGOMatchProtocol
import NGOMatchService
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

/// Serves many clients over TCP on SwiftNIO. Requests run on a thread pool, so
/// reads go in parallel; writes serialise in the registry; a slow or stalled
/// client only stops its own connection from being read.
///
/// A lifecycle service: `start` binds, `run` serves until a graceful shutdown
/// (SIGTERM, SIGINT through a `ServiceGroup`), then stops accepting, lets the
/// requests in flight finish and write their replies, and closes every connection.
package final class TCPServer: ServiceLifecycle.Service, Sendable {
    let dispatcher: Dispatcher
    let limits: ServerLimits
    let requiresAuth: Bool
    let logger: Logger
    let group: MultiThreadedEventLoopGroup
    let pool: NIOThreadPool
    /// Quick writes run here, one at a time as the registry takes them anyway: a write queued
    /// behind the reads of every client would wait for all of them. Lengthy ones (planning an
    /// event) run in `pool`, so they hold up no participant's answer.
    let writes: NIOThreadPool
    let connections = Atomic<Int>(0)
    let inFlight = InFlight()
    let nextSession = Atomic<Int>(0)
    let children = Mutex<[ObjectIdentifier: any Channel]>([:])
    private let serverChannel = Mutex<(any Channel)?>(nil)

    package init(dispatcher: Dispatcher, limits: ServerLimits, requiresAuth: Bool, logger: Logger) {
        self.dispatcher = dispatcher
        self.limits = limits
        self.requiresAuth = requiresAuth
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, System.coreCount))
        pool = NIOThreadPool(numberOfThreads: max(2, System.coreCount * 2))
        pool.start()
        writes = NIOThreadPool(numberOfThreads: 1)
        writes.start()
    }

    /// Binds and starts accepting; returns the bound address (useful with port 0).
    package func start(host: String, port: Int) async throws -> SocketAddress {
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
        let channel = try await bootstrap.bind(host: host, port: port).get()
        serverChannel.withLock { $0 = channel }
        guard let address = channel.localAddress else { throw ServerError.noAddress }
        logger.info("listening", metadata: ["server.address": "\(address)", "server.auth": "\(requiresAuth)"])
        return address
    }

    /// Serves until a graceful shutdown, then drains (up to the drain limit) and stops the threads.
    package func run() async throws {
        guard let channel = serverChannel.withLock({ $0 }) else { throw ServerError.notStarted }
        try await withGracefulShutdownHandler {
            try await channel.closeFuture.get()
        } onGracefulShutdown: {
            channel.close(promise: nil)
        }
        logger.info("stopping: finishing requests in flight", metadata: ["requests": "\(inFlight.count)"])
        await inFlight.idle(limit: .seconds(limits.drainSeconds))
        for child in children.withLock({ Array($0.values) }) { try? await child.close() }
        try? await pool.shutdownGracefully()
        try? await writes.shutdownGracefully()
        try? await group.shutdownGracefully()
        logger.info("stopped")
    }

    enum ServerError: Error {
        case noAddress
        case notStarted
    }
}
