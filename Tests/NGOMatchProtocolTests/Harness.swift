import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore
import Synchronization

/// A dispatcher over a real registry in a temporary folder, with sessions that
/// collect what the server sends them unasked.
final class Harness: Sendable {
    let folder: URL
    let service: MatchService
    let dispatcher: Dispatcher
    /// The back-off's clock: it moves only when a test moves it.
    let time = ManualTime()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ngomatch-rpc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let registry = try Registry.open(at: folder.appendingPathComponent("registry.sqlite").path).registry
        service = MatchService(registry: registry)
        dispatcher = Dispatcher(service: service, authClock: { [time] in time.now })
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    final class Inbox: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
    }

    func session(_ caller: Caller = .local("test"), requiresAuth: Bool = false) -> (Session, Inbox) {
        let inbox = Inbox()
        let session = Session(id: Int.random(in: 1...1_000_000), caller: caller, requiresAuth: requiresAuth) { line in
            inbox.lines.withLock { $0.append(String(decoding: line, as: UTF8.self)) }
        }
        return (session, inbox)
    }

    /// Sends one line; returns the reply parsed, or nil when there is none.
    func send(_ line: String, _ session: Session) -> JSONValue? {
        send(bytes: Array(line.utf8), session)
    }

    func send(bytes: [UInt8], _ session: Session) -> JSONValue? {
        guard let reply = dispatcher.handle(.line(bytes), session: session) else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: reply)
    }

    func call(_ method: String, _ params: String = "{}", id: Int = 1, on session: Session) -> JSONValue? {
        send(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#, session)
    }
}

extension JSONValue {
    /// A list's items; none for anything else.
    var items: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    var first: JSONValue? { items.first }

    var errorCode: Int? {
        if case .number(let code)? = self["error"]?["code"] { return Int(code) }
        return nil
    }

    var errorMessage: String? {
        if case .string(let message)? = self["error"]?["message"] { return message }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}

/// A clock a test moves by hand, so that waits are checked exactly and never raced.
final class ManualTime: Sendable {
    private let instant = Mutex(ContinuousClock.now)
    var now: ContinuousClock.Instant { instant.withLock { $0 } }
    func advance(_ duration: Duration) { instant.withLock { $0 += duration } }
}
