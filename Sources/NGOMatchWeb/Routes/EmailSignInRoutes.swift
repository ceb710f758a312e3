import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// Signing in by e-mail: an address in, a link and a code out by mail. The link's page only
/// shows a button, so a mail scanner that opens every link uses nothing up; the code, typed
/// on the page after the address, is the way when the link cannot be opened on this device.
struct EmailSignInRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.post("/signin/email") { request, context in try await requestMail(request, context) }
        router.post("/signin/code") { request, context in try await code(request, context) }
        router.get("/signin/link") { request, context in try linkPage(request, context) }
        router.post("/signin/link") { request, context in try await link(request, context) }
    }

    /// The same answer whether or not the address belongs to someone.
    private func requestMail(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let back = AccountRoutes.localPath(form["back"]) ?? "/"
        let email = (form.text("email") ?? "").trimmingCharacters(in: .whitespaces)
        guard (try? MailAddress(email)) != nil else {
            return app.render(
                "signin", title: app.text("signInHeading", context),
                ["email": email, "emailError": app.text("signInBadEmail", context), "back": back], request, context,
                status: .unprocessableContent)
        }
        if let wait = app.mailRequestsByClient.take(context.remote) {
            let minutes = Int((wait / .seconds(60)).rounded(.up))
            return app.render(
                "signin", title: app.text("signInHeading", context),
                [
                    "email": email, "emailError": app.text("signInTooMany", context, String(max(1, minutes))),
                    "back": back,
                ], request, context, status: .tooManyRequests)
        }
        // An address asked for too often is answered as any other, and sent nothing more.
        if app.mailRequestsByAddress.take(email.lowercased()) == nil {
            try app.service.requestSignIn(email: email)
        }
        return codePage(request, context, email: email, back: back, error: nil)
    }

    private func codePage(
        _ request: Request, _ context: WebContext, email: String, back: String, error: String?,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        app.render(
            "signincode", title: app.text("signInCheckMail", context),
            [
                "email": email, "back": back, "error": error,
                "sentTo": app.text("signInSentTo", context, email),
            ], request, context, status: status)
    }

    private func code(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let back = AccountRoutes.localPath(form["back"]) ?? "/"
        let email = form.text("email") ?? ""
        if let wait = app.signIns.wait(for: context.remote) {
            let seconds = Int((wait / .seconds(1)).rounded(.up))
            return codePage(
                request, context, email: email, back: back,
                error: app.text("waitToken", context, String(max(1, seconds))), status: .tooManyRequests)
        }
        switch try app.service.signIn(code: form.text("code") ?? "", email: email) {
        case .signedIn(let person):
            app.signIns.succeeded(context.remote)
            return try await start(person, request, context, back: back)
        case .wrong(let left):
            app.signIns.failed(context.remote)
            return codePage(
                request, context, email: email, back: back,
                error: app.text("signInWrongCode", context, String(max(0, left))), status: .unauthorized)
        case .spent, .unknown:
            app.signIns.failed(context.remote)
            return codePage(
                request, context, email: email, back: back, error: app.text("signInCodeSpent", context),
                status: .unauthorized)
        }
    }

    /// Looks, uses nothing: whom the link would sign in, and one button.
    private func linkPage(_ request: Request, _ context: WebContext) throws -> Response {
        let key = app.query(request).text("key") ?? ""
        let holder = key.isEmpty ? nil : try app.service.holder(ofLink: key)
        var values: PageRecord = ["key": key]
        if let holder {
            values["holder"] = true
            values["signInAs"] = app.text(
                "signInAs", context, holder.name,
                holder.role.map { app.service.organisationName($0, context.language) } ?? holder.organisation)
        }
        // Every page's Referrer-Policy (same-origin) keeps the key from travelling to another site.
        return app.render(
            "signinlink", title: app.text("signInHeading", context), values, request, context,
            status: holder == nil ? .gone : .ok)
    }

    private func link(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        guard case .signedIn(let person) = try app.service.signIn(link: form.text("key") ?? "") else {
            return app.render(
                "signinlink", title: app.text("signInLinkSpentHeading", context), [:], request, context,
                status: .gone)
        }
        return try await start(person, request, context, back: "/")
    }

    /// A new session for the person (`WebApp.signIn`), then the page they were going to.
    private func start(_ person: Person, _ request: Request, _ context: WebContext, back: String) async throws
        -> Response
    {
        guard let caller = person.caller else { return Pages.redirect("/signin") }
        try await app.signIn(caller, personName: person.name, request, context)
        return Pages.redirect(back)
    }
}
