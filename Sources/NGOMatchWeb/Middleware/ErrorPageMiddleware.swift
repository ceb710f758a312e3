import Hummingbird
import Logging
import NGOMatchCore
import NGOMatchService

/// Every failure becomes a page in the reader's language, and an unexpected one a bare
/// "something went wrong" with the detail in the log.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let pages: Pages

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let refusal = PageRefusal(error, language: context.language) { detail in
                context.logger.error(
                    "page failed", metadata: ["error": "\(detail)", "request.path": "\(request.uri.path)"])
            }
            return page(refusal.status, heading: refusal.heading, refusal.message, request, context)
        }
    }

    private func text(_ key: String, _ context: WebContext) -> String { WebText.text(key, context.language) }

    private func page(
        _ status: HTTPResponse.Status, heading: String, _ message: String, _ request: Request, _ context: WebContext
    ) -> Response {
        let signIn = context.session == nil || context.session?.caller == .anonymous
        return pages.render(
            "error", title: text(heading, context),
            [
                "heading": text(heading, context), "message": message,
                "backHref": signIn && status == .forbidden ? "/signin" : "/",
                "backLabel": text(signIn && status == .forbidden ? "signInAgain" : "backHome", context),
            ], context: context, request: request, status: status)
    }

    /// No inline script or style, no framing, no guessing of types, no referrer beyond this site.
    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Referrer-Policy")!] = "same-origin"
    }
}
