import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// A signed-in person's notices and how each kind reaches them; and the unsubscribe link of a
/// digest or reminder, which works without signing in.
struct InboxRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/inbox") { request, context in try inbox(request, context) }
        router.post("/inbox/settings") { request, context in try await settings(request, context) }
        router.get("/unsubscribe") { request, context in unsubscribePage(request, context) }
        router.post("/unsubscribe") { request, context in try await unsubscribe(request, context) }
    }

    private func inbox(_ request: Request, _ context: WebContext) throws -> Response {
        guard let person = context.caller.personID else {
            throw WebError(kind: .forbidden, message: app.text("inboxPeopleOnly", context))
        }
        let notices = try app.service.inbox(of: person)
        let settings = try app.service.noticeSettings(of: person)
        // Shown is read: the count in the header goes back to none.
        try app.service.markInboxRead(of: person)
        let rows = notices.map { notice -> PageRecord in
            [
                "subject": notice.subject, "link": notice.link.flatMap(localLink),
                "kind": app.text("notice.\(notice.kind)", context), "unread": notice.readAt == nil,
                "when": Formatting.minute(notice.createdAt),
            ]
        }
        let kinds = NoticeCadence.choosableKinds.map { kind -> PageRecord in
            [
                "kind": kind, "label": app.text("setting.\(kind)", context),
                "choices": NoticeCadence.choices(for: kind).map { cadence -> PageRecord in
                    [
                        "value": cadence.rawValue, "label": app.text("cadence.\(cadence.rawValue)", context),
                        "selected": settings[kind] == cadence,
                    ]
                },
            ]
        }
        return app.render(
            "inbox", title: app.text("inboxHeading", context),
            ["notices": rows, "hasNotices": !rows.isEmpty, "kinds": kinds], request, context)
    }

    /// A notice's link as a path on this site: the inbox links within it, whatever the public address.
    private func localLink(_ link: String) -> String? {
        let base = app.service.mail.publicURL
        return link.hasPrefix(base) ? String(link.dropFirst(base.count)) : link
    }

    private func settings(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        guard let person = context.caller.personID else {
            throw WebError(kind: .forbidden, message: app.text("inboxPeopleOnly", context))
        }
        for kind in NoticeCadence.choosableKinds {
            guard let chosen = form.text(kind) else { continue }
            _ = try app.perform(
                PersonNoticesOperation.self,
                .object(["person": .string(person), "kind": .string(kind), "cadence": .string(chosen)]), context)
        }
        app.notice(app.text("settingsSaved", context), for: context)
        return Pages.redirect("/inbox")
    }

    private func unsubscribePage(_ request: Request, _ context: WebContext) -> Response {
        let query = app.query(request)
        let (person, kind, signature) = (query.text("person") ?? "", query.text("kind") ?? "", query.text("sig") ?? "")
        guard let found = app.service.unsubscribing(person: person, kind: kind, signature: signature) else {
            return app.render(
                "unsubscribe", title: app.text("unsubscribeHeading", context),
                ["message": app.text("unsubscribeBad", context)], request, context, status: .notFound)
        }
        return app.render(
            "unsubscribe", title: app.text("unsubscribeHeading", context),
            [
                "ask": app.text("unsubscribeAsk", context, app.text("notice.\(kind)", context), found.email),
                "person": person, "kind": kind, "sig": signature,
            ], request, context)
    }

    /// RFC 8058's one-click POST comes from a mail program, with no session and no CSRF token:
    /// the link's signature is what lets it act, and it can only stop mail.
    private func unsubscribe(_ request: Request, _ context: WebContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 16)
        let form = FormData(String(buffer: body))
        let query = app.query(request)
        let person = form.text("person") ?? query.text("person") ?? ""
        let kind = form.text("kind") ?? query.text("kind") ?? ""
        let signature = form.text("sig") ?? query.text("sig") ?? ""
        guard let found = try app.service.unsubscribe(person: person, kind: kind, signature: signature) else {
            return app.render(
                "unsubscribe", title: app.text("unsubscribeHeading", context),
                ["message": app.text("unsubscribeBad", context)], request, context, status: .notFound)
        }
        return app.render(
            "unsubscribe", title: app.text("unsubscribeHeading", context),
            ["message": app.text("unsubscribeDone", context, app.text("notice.\(kind)", context), found.email)],
            request, context)
    }
}
