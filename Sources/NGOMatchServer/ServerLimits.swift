/// Limits that keep one client from hurting the others. Safe defaults; all configurable.
package struct ServerLimits: Sendable {
    /// The longest line accepted; a longer one gets an error reply and is discarded.
    package var maximumLineLength = 1 << 20
    package var maximumConnections = 256
    /// Requests a connection may have running at once; past it, the server stops reading from it.
    package var maximumInFlight = 32
    /// A connection silent this long is closed (0: never).
    package var idleTimeoutSeconds = 300
    /// How long shutdown waits for requests in flight.
    package var drainSeconds = 10

    package init() {}
}
