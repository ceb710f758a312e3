import Hummingbird

/// A server that trusts its local user answers only to the names of this machine: a page
/// of another site, pointed at 127.0.0.1 through a name of its own (DNS rebinding), is refused.
struct HostCheckMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let localNames: Set<String> = ["localhost", "127.0.0.1", "[::1]", "::1"]

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        let host = request.head.authority ?? ""
        guard Self.localNames.contains(Self.name(of: host)) else {
            throw WebError(kind: .host, message: WebText.text("host", context.language))
        }
        return try await next(request, context)
    }

    /// `localhost:8080` → `localhost`, `[::1]:8080` → `[::1]`.
    static func name(of host: String) -> String {
        if host.hasPrefix("["), let end = host.firstIndex(of: "]") { return String(host[...end]) }
        return String(host.split(separator: ":", maxSplits: 1).first ?? "").lowercased()
    }
}
