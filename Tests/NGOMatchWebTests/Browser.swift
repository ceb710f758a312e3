import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import NGOMatchWeb
import NIOCore

/// A registry in a temporary folder and the web app on it.
final class WebFixture: Sendable {
    let folder: URL
    let service: MatchService
    let app: WebApp

    init(auth: Bool = false, secureCookies: Bool = false, sessionLimit: Int = WebSession.limit) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ngomatch-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        service = MatchService(registry: try Registry.open(at: folder.appendingPathComponent("r.sqlite").path).registry)
        app = try WebApp(
            service: service,
            options: WebOptions(port: 0, requiresAuth: auth, secureCookies: secureCookies, sessionLimit: sessionLimit))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A new token of `role`, as the ministry would make it.
    func token(_ role: Role) throws -> String {
        try service.registry.createToken(role: role, audit: AuditEntry(actor: "test", method: "tokens.create")).0
    }

    /// Runs `body` with a browser-like client on the app, in process.
    func browse(_ body: @Sendable (Browser) async throws -> Void) async throws {
        try await app.application(logger: .init(label: "test")).test(.router) { client in
            try await body(Browser(client: client))
        }
    }
}

/// Keeps the session cookie and the last page's CSRF token, as a browser would.
final class Browser: @unchecked Sendable {
    // A test drives one browser from one task: no lock needed.
    let client: any TestClientProtocol
    var cookie: String?
    var csrf: String?

    init(client: any TestClientProtocol) { self.client = client }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let html: String
        let bytes: [UInt8]
    }

    @discardableResult
    func get(_ path: String, headers extra: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, body: nil, headers: extra)
    }

    /// Posts a form with the page's CSRF token unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf token: String? = nil) async throws -> Page {
        let all = [("csrf", token ?? csrf ?? "")] + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            path, method: .post, body: body, headers: [.contentType: "application/x-www-form-urlencoded"])
    }

    /// Posts a `multipart/form-data` form as a browser's file input sends it (RFC 7578).
    @discardableResult
    func upload(_ path: String, _ fields: [(String, String)], files: [(field: String, name: String, content: String)])
        async throws -> Page
    {
        let boundary = "----ngomatch-test-\(UUID().uuidString)"
        var body = ""
        for (name, value) in [("csrf", csrf ?? "")] + fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\(file.content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return try await send(
            path, method: .post, body: body, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"])
    }

    private func send(_ path: String, method: HTTPRequest.Method, body: String?, headers extra: HTTPFields) async throws
        -> Page
    {
        var headers = extra
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            if let set = response.headers[.setCookie] { self.cookie = Self.kept(set) }
            let html = String(buffer: response.body)
            if let range = html.range(of: #"name="csrf" value=""#) {
                self.csrf = String(html[range.upperBound...].prefix { $0 != "\"" })
            }
            return Page(
                status: response.status, headers: response.headers, html: html,
                bytes: Array(response.body.readableBytesView))
        }
    }

    /// The `name=value` a browser keeps from a Set-Cookie header: nil for one that deletes the
    /// cookie (an empty value, `Max-Age=0`, or an `Expires` that has passed).
    static func kept(_ header: String) -> String? {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "="), pair[equals...].count > 1 else {
            return nil
        }
        for attribute in parts.dropFirst() {
            let lowered = attribute.lowercased()
            if lowered == "max-age=0" { return nil }
            if lowered.hasPrefix("expires=") {
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
                if let date = formatter.date(from: String(attribute.dropFirst("expires=".count))), date <= Date() {
                    return nil
                }
            }
        }
        return pair
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension Browser {
    /// Signs in with a token through the sign-in form, as a person pasting it would.
    func signIn(token: String) async throws {
        try await get("/signin")
        _ = try await post("/signin", [("token", token), ("back", "/")])
    }
}
