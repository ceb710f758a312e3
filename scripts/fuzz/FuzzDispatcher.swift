// libFuzzer target: bytes on a connection, framed into lines and dispatched against
// a real registry in a temporary file. Every frame must get at most one reply, and
// every reply must be one JSON-RPC message. Built and run by scripts/fuzz.sh.
import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore

private let dispatcher: Dispatcher = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ngomatch-fuzz-\(getpid())")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let registry = try! Registry.open(at: folder.appendingPathComponent("registry.sqlite").path).registry
    return Dispatcher(service: MatchService(registry: registry))
}()

private let session = Session(id: 1, caller: .local("fuzz"), requiresAuth: false) { _ in }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDispatcher(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var framer = LineFramer(maximumLength: 4096)
    var frames = framer.feed(UnsafeRawBufferPointer(start: start, count: count))
    if let last = framer.finish() { frames.append(last) }
    for frame in frames {
        guard let reply = dispatcher.handle(frame, session: session) else { continue }
        guard let message = try? JSONParser.parse([UInt8](reply)) else {
            fatalError("a reply that is not JSON: \(String(decoding: reply, as: UTF8.self).prefix(300))")
        }
        switch message {
        case .object(let fields) where fields["jsonrpc"] == .string("2.0"): break
        case .array(let items) where !items.isEmpty: break
        default:
            fatalError("a reply that is no JSON-RPC message: \(String(decoding: reply, as: UTF8.self).prefix(300))")
        }
    }
    return 0
}
