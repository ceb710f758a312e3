import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// The people of an organisation: who signs in, with what rights, and what they were told.
/// The ministry sees everyone and invites anyone; an editor invites colleagues.
struct PeopleRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/people") { request, context in try list(request, context) }
        router.post("/people") { request, context in try await invite(request, context) }
        router.post("/people/token") { request, context in try await token(request, context) }
        router.get("/people/:id") { request, context in try show(request, context) }
        router.post("/people/:id/remove") { request, context in try await remove(request, context) }
        router.get("/admin/outbox") { request, context in try outbox(request, context) }
        router.post("/admin/outbox/:id/retry") { request, context in try await retry(request, context) }
    }

    typealias Entered = (values: [String: String], problems: [String: String])

    /// A signed-in editor makes a token for a program of their own organisation, shown once.
    private func token(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let session = try context.signedIn()
        guard let role = session.caller.role else { return Pages.redirect("/people") }
        var fields: [String: JSONValue] = ["role": .string(role.description)]
        if let note = form.text("note") { fields["note"] = .string(note) }
        switch try app.attempt(TokenCreateOperation.self, .object(fields), context, back: "/people") {
        case .done(let created): return try list(request, context, created: created)
        case .refused(let response): return response
        }
    }

    private func list(
        _ request: Request, _ context: WebContext, entered: Entered = ([:], [:]), created: NewToken? = nil
    ) throws -> Response {
        let session = try context.signedIn()
        let asked = session.isMinistry ? app.query(request).text("for") : nil
        let people = try app.perform(
            PeopleListOperation.self, .object(asked.map { ["for": JSONValue.string($0)] } ?? [:]), context)
        let rows = people.map { person -> PageRecord in
            [
                "id": person.id, "name": person.name, "email": person.email,
                "organisation": organisationName(person, context), "rights": rightsName(person.rights, context),
                "lastSignIn": person.lastSignIn.map { String($0.prefix(10)) } ?? app.text("peopleNever", context),
            ]
        }
        let canInvite: Bool =
            switch session.caller {
            case .person(_, _, let rights): rights >= .edit
            case .local, .token: true
            case .anonymous: false
            }
        var values: PageRecord = [
            "people": rows, "hasPeople": !rows.isEmpty, "canInvite": canInvite, "isMinistry": session.isMinistry,
            "for": asked ?? "", "rightsChoices": rightsChoices(entered.values["rights"] ?? "edit", context),
            "isVi": (entered.values["language"] ?? "vi") == "vi",
        ]
        for (field, value) in entered.values { values["entered_\(field)"] = value }
        // People who edit may make a token for their own organisation's programs.
        values["canMakeToken"] = canInvite && session.caller.personID != nil
        if let created { values["created"] = ["token": created.token, "role": created.role, "id": created.id] }
        for (field, problem) in entered.problems { values["problem_\(field)"] = problem }
        values["heading"] =
            session.caller.role.map { role in
                role == .ministry
                    ? app.text("peopleHeading", context)
                    : app.text("peopleOf", context, app.service.organisationName(role, context.language))
            } ?? app.text("peopleHeading", context)
        return app.render(
            "people", title: values["heading"] as! String, values, request, context,
            status: entered.problems.isEmpty ? .ok : .unprocessableContent)
    }

    private func invite(_ request: Request, _ context: WebContext) async throws -> Response {
        let session = try context.signedIn()
        let form = try await app.form(request, context)
        // An editor invites to their own organisation: the field is not theirs to choose.
        var fixed: [String: JSONValue] = [:]
        if !session.isMinistry, let role = session.caller.role { fixed["for"] = .string(role.description) }
        let params = OperationForm.parameters(PersonInviteOperation.self, form, fixed: fixed)
        let entered = Dictionary(
            uniqueKeysWithValues: ["email", "name", "for", "language", "rights"].compactMap { key in
                form.text(key).map { (key, $0) }
            })
        return try app.submit(
            PersonInviteOperation.self, params, context,
            redisplay: { refusal in
                let problems = Dictionary(
                    refusal.problems.map { ($0.field, $0.message(context.language)) }, uniquingKeysWith: { a, _ in a })
                return try list(request, context, entered: (entered, problems))
            },
            done: { person in
                app.notice(app.text("peopleInvitedSent", context, person.name, person.email), for: context)
                return Pages.redirect("/people/\(person.id)")
            })
    }

    private func show(_ request: Request, _ context: WebContext) throws -> Response {
        let id = try context.parameters.require("id")
        let details = try app.addressed(context) {
            try app.perform(PersonShowOperation.self, .object(["person": .string(id)]), context)
        }
        let person = details.person
        let notices = details.notices.map { notice -> PageRecord in
            [
                "kind": app.text("notice.\(notice.kind)", context), "subject": notice.subject,
                "state": app.text("outboxState.\(notice.state.rawValue)", context),
                "when": Formatting.minute(notice.sentAt ?? notice.createdAt), "reason": notice.lastError ?? "",
            ]
        }
        return app.render(
            "person", title: person.name,
            [
                "id": person.id, "name": person.name, "email": person.email,
                "organisation": organisationName(person, context), "rights": rightsName(person.rights, context),
                "language": person.language == .vi ? "Tiếng Việt" : "English",
                "invited": Formatting.minute(person.invitedAt),
                "lastSignIn": person.lastSignIn.map(Formatting.minute) ?? app.text("peopleNever", context),
                "left": person.leftAt.map(Formatting.minute), "canRemove": person.leftAt == nil,
                "notices": notices, "hasNotices": !notices.isEmpty,
            ], request, context)
    }

    private func remove(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try await app.form(request, context)
        let id = try context.parameters.require("id")
        return try app.act(PersonRemoveOperation.self, .object(["person": .string(id)]), context, back: "/people") {
            app.text("peopleRemoved", context, $0.name)
        }
    }

    private func outbox(_ request: Request, _ context: WebContext) throws -> Response {
        try app.ministryOnly(context)
        let state = app.query(request).text("state")
        let entries = try app.perform(
            OutboxListOperation.self, .object(state.map { ["state": JSONValue.string($0)] } ?? [:]), context)
        let rows = entries.map { entry -> PageRecord in
            [
                "id": entry.id, "to": entry.recipient, "kind": app.text("notice.\(entry.kind)", context),
                "subject": entry.subject, "state": app.text("outboxState.\(entry.state.rawValue)", context),
                "failed": entry.state == .failed, "tries": entry.attempts,
                "when": Formatting.minute(entry.sentAt ?? entry.createdAt), "reason": entry.lastError ?? "",
            ]
        }
        return app.render(
            "outbox", title: app.text("outboxHeading", context),
            ["entries": rows, "hasEntries": !rows.isEmpty], request, context)
    }

    private func retry(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try await app.form(request, context)
        let id = try context.parameters.require("id")
        return try app.act(
            OutboxRetryOperation.self, .object(["id": Int(id).map { .number(Double($0)) } ?? .string(id)]), context,
            back: "/admin/outbox"
        ) { app.text("outboxRetried", context, String($0.id), $0.recipient) }
    }

    private func organisationName(_ person: Person, _ context: WebContext) -> String {
        person.role.map { app.service.organisationName($0, context.language) } ?? person.organisation
    }

    private func rightsName(_ rights: PersonRights, _ context: WebContext) -> String {
        app.text("rights.\(rights.rawValue)", context)
    }

    private func rightsChoices(_ chosen: String, _ context: WebContext) -> [PageRecord] {
        PersonRights.allCases.map {
            ["value": $0.rawValue, "label": rightsName($0, context), "selected": $0.rawValue == chosen]
        }
    }
}
