import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// The start page, signing in and out, and the language switch.
struct AccountRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/") { request, context in try home(request, context) }
        router.get("/signin") { request, context in signInPage(request, context, error: nil) }
        router.post("/signin") { request, context in try await signIn(request, context) }
        router.post("/signout") { request, context in try await signOut(request, context) }
        router.get("/language/:language") { request, context -> Response in
            let language = Language(rawValue: try context.parameters.require("language")) ?? .en
            var response = Pages.redirect(Self.localPath(app.query(request)["back"]) ?? "/")
            response.setCookie(
                Cookie(
                    name: ReaderMiddleware.languageCookie, value: language.rawValue, maxAge: 365 * 24 * 3600,
                    path: "/", secure: app.options.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }
    }

    /// Only a path on this site: never `//elsewhere` or a full address.
    static func localPath(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\") else { return nil }
        return text
    }

    private func home(_ request: Request, _ context: WebContext) throws -> Response {
        guard let session = context.session else { return Pages.redirect("/signin") }
        if session.ownProvince != nil { return Pages.redirect("/needs") }
        if let ngo = session.ownNGO { return Pages.redirect("/ngos/\(ngo)/needs") }
        let open = try app.service.needs(NeedsListParams(status: "open"))
        let counts = Dictionary(grouping: open, by: \.province).mapValues(\.count)
        let provinces = app.provincesByName.map {
            ["id": $0.id.rawValue, "name": $0.name.vi, "openNeeds": counts[$0.id] ?? 0] as PageRecord
        }
        let ngos = try app.service.ngos(NGOsListParams()).map { ["name": $0.name] }
        return app.render(
            "home", title: app.text("homeHeading", context), ["provinces": provinces, "ngos": ngos], request, context)
    }

    private func signInPage(
        _ request: Request, _ context: WebContext, error: String?, status: HTTPResponse.Status = .ok
    )
        -> Response
    {
        app.render(
            "signin", title: app.text("signInHeading", context),
            ["error": error, "back": Self.localPath(app.query(request)["back"]) ?? "/"], request, context,
            status: status)
    }

    private func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        if let wait = app.signIns.wait(for: context.remote) {
            let seconds = Int((wait / .seconds(1)).rounded(.up))
            return signInPage(
                request, context, error: app.text("waitToken", context, String(max(1, seconds))),
                status: .tooManyRequests)
        }
        guard let token = form.text("token"), let (id, role) = try app.service.role(ofToken: token) else {
            app.signIns.failed(context.remote)
            return signInPage(request, context, error: app.text("wrongToken", context), status: .unauthorized)
        }
        app.signIns.succeeded(context.remote)
        // The audit trail names the token and the door: `token:ab12@web (province:cao-bang)`.
        try await app.signIn(.token(id: "\(id)@web", role: role), request, context)
        return Pages.redirect(Self.localPath(form["back"]) ?? "/")
    }

    private func signOut(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try await app.form(request, context)
        app.signOut(context)
        return Pages.redirect(app.options.requiresAuth ? "/signin" : "/")
    }
}
