import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// The ministry's administration: tokens (made, shown once, revoked) and the audit trail of
/// who changed what, when, through which door.
struct AdminRoutes {
    let app: WebApp
    static let auditPage = 50

    func add(to router: Router<WebContext>) {
        router.get("/admin/tokens") { request, context in try tokens(request, context) }
        router.post("/admin/tokens") { request, context in try await create(request, context) }
        router.post("/admin/tokens/:id/revoke") { request, context in try await revoke(request, context) }
        router.get("/admin/audit") { request, context in try audit(request, context) }
    }

    private func tokens(_ request: Request, _ context: WebContext, created: NewToken? = nil) throws -> Response {
        let rows = try app.perform(TokensListOperation.self, .object([:]), context).reversed().map {
            token -> PageRecord in
            [
                "id": token.id, "role": token.role, "note": token.note ?? "",
                "created": String(token.createdAt.prefix(16)),
                "revoked": token.revokedAt.map { String($0.prefix(16)) } ?? "", "active": token.revokedAt == nil,
            ]
        }
        var values: PageRecord = ["tokens": rows, "hasTokens": !rows.isEmpty]
        if let created { values["created"] = ["token": created.token, "role": created.role, "id": created.id] }
        return app.render("tokens", title: app.text("tokensHeading", context), values, request, context)
    }

    /// The new token is on this page and nowhere else: only its hash is stored.
    private func create(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let params = OperationForm.parameters(TokenCreateOperation.self, form)
        switch try app.attempt(TokenCreateOperation.self, params, context, back: "/admin/tokens") {
        case .done(let created): return try tokens(request, context, created: created)
        case .refused(let response): return response
        }
    }

    private func revoke(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try await app.form(request, context)
        let id = try context.parameters.require("id")
        return try app.act(TokenRevokeOperation.self, .object(["id": .string(id)]), context, back: "/admin/tokens") {
            app.text("tokenRevoked", context, $0.id)
        }
    }

    private func audit(_ request: Request, _ context: WebContext) throws -> Response {
        try app.ministryOnly(context)
        let query = app.query(request)
        let actor = query.text("actor")
        let method = query.text("what")
        let page = try app.service.auditLog(
            AuditListParams(actor: actor, what: method, limit: Self.auditPage, after: query.text("after")),
            caller: context.session?.caller ?? .anonymous)
        let shown = page.items
        let next = page.next.map {
            "/admin/audit?after=\($0)" + (actor.map { "&actor=\(Pages.percentEncoded($0))" } ?? "")
                + (method.map { "&what=\(Pages.percentEncoded($0))" } ?? "")
        }
        return app.render(
            "audit", title: app.text("auditHeading", context),
            [
                "lines": shown.map {
                    [
                        "at": String($0.at.prefix(19)).replacingOccurrences(of: "T", with: " "), "actor": $0.actor,
                        "method": $0.method, "record": $0.record,
                    ]
                },
                "hasLines": !shown.isEmpty, "actor": actor ?? "", "what": method ?? "", "next": next,
                "shownOfTotal": app.text(
                    "auditShown", context, LocalFormat.whole(shown.count, context.language),
                    LocalFormat.whole(page.total, context.language)),
            ], request, context)
    }
}
