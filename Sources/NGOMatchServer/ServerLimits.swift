/// Limits that keep one client from hurting the others. Safe defaults; all configurable.
public struct ServerLimits: Sendable {
    /// The longest line accepted; a longer one gets an error reply and is discarded.
    public var maximumLineLength = 1 << 20
    public var maximumConnections = 256
    /// Requests a connection may have running at once; past it, the server stops reading from it.
    public var maximumInFlight = 32
    /// A connection silent this long is closed (0: never).
    public var idleTimeoutSeconds = 300
    /// How long shutdown waits for requests in flight.
    public var drainSeconds = 10

    public init() {}
}
