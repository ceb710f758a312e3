import Foundation
import NGOMatchService
import Synchronization

/// One client's connection: who it is, and how to send it a line unasked
/// (a subscription's notification).
public final class Session: Sendable {
    public let id: Int
    /// Whether the client must call `auth` before anything but `ping`.
    public let requiresAuth: Bool
    private let callerState: Mutex<Caller>
    private let sender: @Sendable (Data) -> Void

    /// - Parameter send: writes one line (without its newline) to the client.
    public init(id: Int, caller: Caller, requiresAuth: Bool, send: @escaping @Sendable (Data) -> Void) {
        self.id = id
        self.requiresAuth = requiresAuth
        callerState = Mutex(caller)
        sender = send
    }

    public var caller: Caller { callerState.withLock { $0 } }

    func authenticate(as caller: Caller) { callerState.withLock { $0 = caller } }

    func send(_ line: Data) { sender(line) }
}
