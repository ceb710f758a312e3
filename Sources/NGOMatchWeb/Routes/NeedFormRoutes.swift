import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// Registering and editing a need: one form, checked whole by the registry; nothing is
/// saved until everything is valid, and the page keeps what was typed.
struct NeedFormRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/needs/new") { request, context in try newForm(request, context) }
        router.post("/needs/new") { request, context in try await register(request, context) }
        router.get("/needs/:id/edit") { request, context in try editForm(request, context) }
        router.post("/needs/:id/edit") { request, context in try await update(request, context) }
    }

    private var needs: NeedRoutes { NeedRoutes(app: app) }

    private func newForm(_ request: Request, _ context: WebContext) throws -> Response {
        let session = try context.signedIn()
        guard session.isMinistry || session.ownProvince != nil else {
            throw WebError(kind: .forbidden, message: app.text("forbiddenMinistry", context, context.who ?? ""))
        }
        let province = session.ownProvince?.rawValue ?? app.query(request).text("province") ?? ""
        let form = FormData(fields: [("province", province)])
        return page(
            form: view(form, context), heading: app.text("newNeedHeading", context), action: "/needs/new",
            submit: app.text("registerSubmit", context), cancel: "/needs", updatedAt: nil, request, context)
    }

    private func register(_ request: Request, _ context: WebContext) async throws -> Response {
        var form = try await app.form(request, context)
        let session = try context.signedIn()
        if let own = session.ownProvince {
            // A province registers for itself, whatever the form says.
            form = FormData(fields: form.fields.filter { $0.name != "province" } + [("province", own.rawValue)])
        }
        return try app.submit(
            NeedRegisterOperation.self, Self.record(form), context,
            redisplay: { refusal in
                var formView = view(form, context)
                formView.place(refusal.problems, context.language, fieldFor: Self.field)
                return page(
                    form: formView, heading: app.text("newNeedHeading", context), action: "/needs/new",
                    submit: app.text("registerSubmit", context), cancel: "/needs", updatedAt: nil, request, context,
                    status: .unprocessableContent)
            },
            done: { need in
                app.notice(app.text("registered", context, need.id.rawValue), for: context)
                return Pages.redirect("/needs/\(need.id)")
            })
    }

    private func editForm(_ request: Request, _ context: WebContext) throws -> Response {
        let need = try needs.loadNeed(context)
        try needs.mayWrite(need, context)
        return page(
            form: view(Self.form(need, communes: app.service.communes()), context),
            heading: app.text("editNeedHeading", context, need.title),
            action: "/needs/\(need.id)/edit", submit: app.text("save", context), cancel: "/needs/\(need.id)",
            updatedAt: need.updatedAt, request, context)
    }

    private func update(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let need = try needs.loadNeed(context)
        try needs.mayWrite(need, context)
        let heading = app.text("editNeedHeading", context, need.title)
        if let stale = app.staleness(of: form, need, context) {
            return page(
                form: view(form, context), heading: heading, action: "/needs/\(need.id)/edit",
                submit: app.text("save", context), cancel: "/needs/\(need.id)", updatedAt: need.updatedAt, request,
                context,
                stale: stale, status: .conflict)
        }
        return try app.submit(
            NeedUpdateOperation.self, Self.record(form).merging(.object(["id": .string(need.id.rawValue)])), context,
            redisplay: { refusal in
                var formView = view(form, context)
                formView.place(refusal.problems, context.language, fieldFor: Self.field)
                return page(
                    form: formView, heading: heading, action: "/needs/\(need.id)/edit",
                    submit: app.text("save", context), cancel: "/needs/\(need.id)", updatedAt: need.updatedAt,
                    request, context, status: .unprocessableContent)
            },
            done: { _ in
                app.notice(app.text("updated", context), for: context)
                return Pages.redirect("/needs/\(need.id)")
            })
    }

    /// The form's fields as a record in the import format, for the registry to check.
    static func record(_ form: FormData) -> JSONValue {
        var fields: [String: JSONValue] = [
            "sectors": form.sectorLevels("priority"),
            "targetGroups": .array(form.all("targetGroups").map(JSONValue.string)),
            "localities": lines(form["localities"]),
            "communes": lines(form["communes"]),
        ]
        for name in ["province", "title", "description", "fundingGapUSD", "source"] {
            fields[name] = form.text(name).map(JSONValue.string) ?? (name == "description" ? .string("") : .null)
        }
        var timeframe: [String: JSONValue] = [:]
        if let start = form.text("start") { timeframe["start"] = .string(start) }
        if let end = form.text("end") { timeframe["end"] = .string(end) }
        fields["timeframe"] = timeframe.isEmpty ? .null : .object(timeframe)
        return .object(fields)
    }

    /// One item a line, blank lines dropped.
    static func lines(_ text: String?) -> JSONValue {
        .array(
            (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.map(JSONValue.string))
    }

    /// A stored need as the form's fields.
    static func form(_ need: Need, communes: CommuneDirectory) -> FormData {
        var fields: [(name: String, value: String)] = [
            ("province", need.province.rawValue), ("title", need.title), ("description", need.description),
            ("fundingGapUSD", String(Int(need.fundingGapUSD))), ("start", need.timeframe.start.description),
            ("end", need.timeframe.end.description), ("source", need.source ?? ""),
            ("localities", need.localities.joined(separator: "\n")),
            ("communes", (need.communes ?? []).map(communes.label(code:)).joined(separator: "\n")),
        ]
        fields += need.sectors.map { ("sector.\($0.sector)", String($0.priority)) }
        fields += need.targetGroups.map { ("targetGroups", $0.rawValue) }
        return FormData(fields: fields)
    }

    /// Which form field a problem of the record concerns.
    static func field(_ path: String) -> String? {
        let head = String(path.prefix { $0 != "." && $0 != "[" })
        switch head {
        case "timeframe": return path.hasSuffix("end") ? "end" : "start"
        case "province", "title", "description", "fundingGapUSD", "source", "localities", "communes", "sectors",
            "targetGroups":
            return head
        default: return nil
        }
    }

    private func view(_ form: FormData, _ context: WebContext) -> FormView {
        let language = context.language
        let provinces = app.provincesByName.map { ($0.id.rawValue, $0.name.vi) }
        var provinceValue = form["province"] ?? ""
        if let match = try? app.service.reference.provinces.resolve(provinceValue) {
            provinceValue = match.province.id.rawValue
        }
        // A province's own people register for it alone; the page came through `signedIn`.
        let ownProvince = context.session?.ownProvince.flatMap { id in provinces.first { $0.0 == id.rawValue } }
        func text(_ key: String) -> String { WebText.text(key, language) }
        return FormView(
            fields: [
                .init(
                    name: "province", label: text("province"),
                    kind: .select(ownProvince.map { [$0] } ?? [("", text("choose"))] + provinces),
                    value: provinceValue, required: true),
                .init(
                    name: "title", label: text("title"), kind: .input("text"), value: form["title"] ?? "",
                    required: true),
                .init(
                    name: "description", label: text("description"), kind: .textArea, value: form["description"] ?? ""),
                .init(
                    name: "fundingGapUSD", label: text("fundingGapUSD"), kind: .input("text"),
                    value: form["fundingGapUSD"] ?? "", required: true),
                .init(
                    name: "start", label: text("start"), kind: .input("date"), value: form["start"] ?? "",
                    required: true),
                .init(name: "end", label: text("end"), kind: .input("date"), value: form["end"] ?? "", required: true),
                .init(
                    name: "communes", label: text("communesField"), kind: .textArea, value: form["communes"] ?? "",
                    hint: text("communesHint")),
                .init(
                    name: "localities", label: text("localities"), kind: .textArea, value: form["localities"] ?? "",
                    hint: text("localitiesHint")),
                .init(
                    name: "source", label: text("source"), kind: .input("text"), value: form["source"] ?? "",
                    hint: text("sourceHint")),
            ],
            checkGroups: [
                .targetGroups(form, language)
            ],
            sectorLevels: form.chosenSectorLevels)
    }

    private func page(
        form: FormView, heading: String, action: String, submit: String, cancel: String, updatedAt: String?,
        _ request: Request, _ context: WebContext, stale: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let page = RecordFormPage(
            heading: heading, action: action, submit: submit, cancel: cancel, sectorLegendKey: "sectorLegendNeed",
            sectorHintKey: "sectorHintNeed")
        return app.recordForm(form, page, updatedAt: updatedAt, stale: stale, request, context, status: status)
    }
}
