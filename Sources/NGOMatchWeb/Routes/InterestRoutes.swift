import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// Interest both ways on the web: a side asks from a need's page, the other answers on the
/// request's page, and the two write to each other there. Every change is an operation of the table.
struct InterestRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/interest") { request, context in try list(request, context) }
        router.post("/interest") { request, context in try await express(request, context) }
        router.get("/interest/:id") { request, context in try show(request, context) }
        router.post("/interest/:id/answer") { request, context in try await answer(request, context) }
        router.post("/interest/:id/message") { request, context in try await message(request, context) }
    }

    private func list(_ request: Request, _ context: WebContext) throws -> Response {
        _ = try context.signedIn()
        let requests = try app.perform(InterestListOperation.self, .object([:]), context)
        let format = app.formatting(context)
        let own = context.caller.role?.description
        let rows = requests.map { request -> PageRecord in
            let incoming = own == request.organisation(request.from.other)
            return [
                "id": request.id, "need": needTitle(request.need), "province": format.province(request.province),
                "ngo": ngoName(request.ngo), "status": app.text("interestStatus.\(request.status.rawValue)", context),
                "statusValue": request.status.rawValue, "when": Formatting.minute(request.createdAt),
                "direction": app.text(incoming ? "interestIncoming" : "interestOutgoing", context),
                "waiting": incoming && request.status == .open,
            ]
        }
        return app.render(
            "interests", title: app.text("interestHeading", context),
            ["requests": rows, "hasRequests": !rows.isEmpty], request, context)
    }

    private func express(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let need = form.text("need") ?? ""
        var params = form.texts("need", "ngo", "message", "currency", "timeframe", "from")
        if let amount = form.text("amount").flatMap({ Double($0.replacingOccurrences(of: ",", with: "")) }) {
            params["amount"] = .number(amount)
        }
        let back = "/needs/\(need)"
        switch try app.attempt(InterestExpressOperation.self, .object(params), context, back: back) {
        case .done(let outcome):
            app.notice(
                app.text(outcome.connectedWith == nil ? "interestSent" : "interestConnected", context), for: context)
            return Pages.redirect("/interest/\(outcome.request.id)")
        case .refused(let response): return response
        }
    }

    private func show(_ request: Request, _ context: WebContext) throws -> Response {
        _ = try context.signedIn()
        let id = try requestID(context)
        let details = try app.addressed(context) {
            try app.perform(InterestShowOperation.self, .object(["id": .number(Double(id))]), context)
        }
        let asked = details.request
        let format = app.formatting(context)
        let side = details.readerSide
        let answering = side == nil || side == asked.from.other
        let mayWrite = context.caller.mayWrite
        let messages = details.messages.map { message -> PageRecord in
            [
                "who": message.side.map { $0 == .province ? details.provinceName : details.ngoName }
                    ?? app.text("org.ministry", context),
                "when": Formatting.minute(message.at), "text": message.text, "mine": message.side == side,
            ]
        }
        let reasons = DeclineReason.allCases.map { ($0.rawValue, app.text("reason.\($0.rawValue)", context)) }
        let stage = details.stage.flatMap { try? app.service.checklist().stage($0)?.name(context.language) }
        return app.render(
            "interest", title: app.text("interestTitle", context, "\(asked.id)"),
            [
                "id": asked.id, "needID": asked.need.rawValue, "ngoID": asked.ngo.rawValue,
                "needTitle": details.needTitle, "province": details.provinceName, "ngo": details.ngoName,
                "from": asked.from == .ngo ? details.ngoName : details.provinceName,
                "message": asked.message,
                "amount": asked.amount.map {
                    asked.currency == "USD" || asked.currency == nil
                        ? format.money($0)
                        : "\(LocalFormat.decimal($0, digits: 0, context.language)) \(asked.currency!)"
                },
                "timeframe": asked.timeframe,
                "status": app.text("interestStatus.\(asked.status.rawValue)", context),
                "statusValue": asked.status.rawValue, "when": Formatting.minute(asked.createdAt),
                "expires": Formatting.minute(asked.expiresAt), "isOpen": asked.status == .open,
                "canAnswer": mayWrite && asked.status == .open && answering,
                "canWithdraw": mayWrite && asked.status == .open && (side == nil || side == asked.from),
                "reasonChoices": WebApp.choices(reasons, selected: ""),
                "answerReason": asked.reason.map { app.text("reason.\($0.rawValue)", context) },
                "answerText": asked.answer, "messages": messages, "hasMessages": !messages.isEmpty,
                "canMessage": mayWrite, "stage": stage,
                "contacts": details.contacts.map {
                    [
                        "organisation": $0.organisation, "name": $0.name ?? "", "email": $0.email ?? "",
                        "phone": $0.phone ?? "",
                    ]
                },
                "hasContacts": !details.contacts.isEmpty,
            ], request, context)
    }

    private func answer(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let id = try requestID(context)
        var params = form.texts("answer", "reason", "text")
        params["id"] = .number(Double(id))
        return try app.act(InterestAnswerOperation.self, .object(params), context, back: "/interest/\(id)") {
            app.text("interestAnswered.\($0.status.rawValue)", context)
        }
    }

    private func message(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let id = try requestID(context)
        var params = form.texts("text")
        params["id"] = .number(Double(id))
        return try app.act(InterestMessageOperation.self, .object(params), context, back: "/interest/\(id)") { _ in
            app.text("interestMessageSent", context)
        }
    }

    private func requestID(_ context: WebContext) throws -> Int {
        guard let text = context.parameters.get("id"), let id = Int(text) else {
            throw WebError(kind: .notFound, message: app.text("interestNotFound", context))
        }
        return id
    }

    private func needTitle(_ id: NeedID) -> String { app.service.title(ofNeed: id) }
    private func ngoName(_ id: NGOID) -> String { app.service.name(ofNGO: id) }
}
