import Hummingbird
import Logging
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore

/// Every failure becomes a page in the reader's language, and an unexpected one a bare
/// "something went wrong" with the detail in the log.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let pages: Pages

    func handle(
        _ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as WebError {
            response = page(error.status, heading: heading(error.kind), error.message, request, context)
        } catch let error as HTTPError where error.status == .notFound {
            response = page(.notFound, heading: "notFoundHeading", text("notFound", context), request, context)
        } catch {
            // The protocol's one reading of an error, in the reader's language and without server
            // paths; only what it calls internal stays a bare "something went wrong".
            let reading = RPCError.from(error, language: context.language) { detail in
                context.logger.error(
                    "page failed", metadata: ["error": "\(detail)", "request.path": "\(request.uri.path)"])
            }
            if let (status, heading) = Self.page(for: reading.code, recordMissing: error is RegistryError) {
                // The error's own words: the protocol's message adds "invalid params:" for programs.
                // A registry error keeps the protocol's, which leaves out the server's file paths.
                let own = error is RegistryError ? nil : (error as? any Readable)?.text(context.language)
                let message = own ?? reading.message
                response = page(status, heading: heading, message, request, context)
            } else {
                if reading.code != RPCError.internalError {
                    context.logger.error(
                        "page failed", metadata: ["error": "\(error)", "request.path": "\(request.uri.path)"])
                }
                response = page(.internalServerError, heading: "errorHeading", text("error", context), request, context)
            }
        }
        return response
    }

    /// The status and heading for an error the reader can act on; nil for one they cannot.
    static func page(for code: Int, recordMissing: Bool) -> (HTTPResponse.Status, String)? {
        switch code {
        case RPCError.notFound where recordMissing: (.notFound, "notFoundHeading")
        // A filter or cursor in the address that leads nowhere ("sector=helth"): what was asked is wrong.
        case RPCError.invalidParams, RPCError.notFound: (.badRequest, "askedHeading")
        case RPCError.validationFailed: (.unprocessableContent, "askedHeading")
        case RPCError.forbidden, RPCError.unauthorized: (.forbidden, "forbiddenHeading")
        case RPCError.conflict: (.conflict, "askedHeading")
        default: nil
        }
    }

    private func text(_ key: String, _ context: WebContext) -> String { WebText.text(key, context.language) }

    private func heading(_ kind: WebError.Kind) -> String {
        switch kind {
        case .notFound: "notFoundHeading"
        case .forbidden: "forbiddenHeading"
        case .csrf: "csrfHeading"
        case .host: "hostHeading"
        case .tooMany: "tooManyHeading"
        case .badRequest: "errorHeading"
        }
    }

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
