import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// What RELIABILITY.md and the README promise of every response: the session cookie's flags,
/// and a content security policy that no page needs to break (no inline script or style).
@Suite(.timeLimit(.minutes(10)))
struct SecurityHeaderTests {
    static let pages = [
        "/", "/needs", "/needs/cao-bang-1", "/needs/new", "/ngos", "/ngos/mcnv", "/events", "/events/gap-go-2026",
        "/dashboard", "/rules", "/admin/import", "/signin", "/no-such-page",
    ]

    /// The attributes of a Set-Cookie header, lowercased: ["httponly": "", "samesite": "strict", …].
    static func attributes(_ header: String) -> [String: String] {
        var attributes: [String: String] = [:]
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            attributes[pair[0].lowercased()] = pair.count > 1 ? pair[1].lowercased() : ""
        }
        return attributes
    }

    @Test(arguments: [false, true])
    func theSessionCookieIsHttpOnlyStrictAndSecureWhenAsked(secure: Bool) async throws {
        let fixture = try WebFixture(secureCookies: secure)
        try await fixture.browse { browser in
            let home = try await browser.get("/")
            let header = try #require(home.headers[.setCookie])
            #expect(header.hasPrefix("ngomatch_session="))
            let flags = Self.attributes(header)
            #expect(flags["httponly"] == "", "\(header)")
            #expect(flags["samesite"] == "strict", "\(header)")
            #expect(flags["path"] == "/", "\(header)")
            #expect((flags["secure"] != nil) == secure, "\(header)")
        }
    }

    /// The policy's directives, each checked on its own; then every page is read for what the
    /// policy would block (a browser would silently drop it), so the policy costs no page anything.
    @Test func everyPageKeepsToAPolicyWithoutInlineScriptOrStyle() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            for path in Self.pages {
                let page = try await browser.get(path)
                let policy = try #require(page.headers[.contentSecurityPolicy], "\(path)")
                var directives: [String: String] = [:]
                for directive in policy.split(separator: ";") {
                    let words = directive.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
                    directives[String(words[0])] = words.count > 1 ? String(words[1]) : ""
                }
                #expect(directives["default-src"] == "'none'", "\(path)")
                #expect(directives["script-src"] == "'self'", "\(path): \(policy)")
                #expect(directives["style-src"] == "'self'", "\(path): \(policy)")
                #expect(directives["frame-ancestors"] == "'none'", "\(path)")
                #expect(directives["form-action"] == "'self'", "\(path)")
                let html = page.html
                #expect(html.contains("<html"), "\(path) is a page")
                // No <script> without src, no <style> element, no style="" or on…="" attribute.
                let inlineScript = html.range(of: #"<script(?![^>]*\ssrc=)[^>]*>"#, options: .regularExpression)
                #expect(inlineScript == nil, "\(path): inline script")
                #expect(html.range(of: "<style", options: .caseInsensitive) == nil, "\(path): <style>")
                #expect(html.range(of: #"\sstyle=""#, options: .regularExpression) == nil, "\(path): style attribute")
                #expect(html.range(of: #"\son[a-z]+=""#, options: .regularExpression) == nil, "\(path): event handler")
                #expect(!html.contains("javascript:"), "\(path): javascript: URL")
            }
        }
    }
}
