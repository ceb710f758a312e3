import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// An NGO office edits its profile: sectors with expertise, where it works, grants,
/// capacity, and its Decree 58/2022 certificate, checked as the registry checks it.
struct NGOFormRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/ngos/:id/edit") { request, context in try editForm(request, context) }
        router.post("/ngos/:id/edit") { request, context in try await update(request, context) }
    }

    private func mayEdit(_ ngo: NGO, _ context: WebContext) throws {
        let session = try context.signedIn()
        guard session.isMinistry || session.ownNGO == ngo.id else {
            throw WebError(kind: .forbidden, message: app.text("forbiddenNGO", context, ngo.name, context.who ?? ""))
        }
    }

    private func editForm(_ request: Request, _ context: WebContext) throws -> Response {
        let ngo = try NGORoutes(app: app).loadNGO(context)
        try mayEdit(ngo, context)
        return page(
            form: view(Self.form(ngo, communes: app.service.communes()), context), ngo: ngo, updatedAt: ngo.updatedAt,
            request, context)
    }

    private func update(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let ngo = try NGORoutes(app: app).loadNGO(context)
        try mayEdit(ngo, context)
        if let stale = app.staleness(of: form, ngo, context) {
            return page(
                form: view(form, context), ngo: ngo, updatedAt: ngo.updatedAt, request, context, stale: stale,
                status: .conflict)
        }
        return try app.submit(
            NGOUpdateOperation.self, Self.record(form).merging(.object(["ngo": .string(ngo.id.rawValue)])), context,
            redisplay: { refusal in
                var formView = view(form, context)
                formView.place(refusal.problems, context.language, fieldFor: Self.field)
                return page(
                    form: formView, ngo: ngo, updatedAt: ngo.updatedAt, request, context, status: .unprocessableContent)
            },
            done: { _ in
                app.notice(app.text("updated", context), for: context)
                return Pages.redirect("/ngos/\(ngo.id)")
            })
    }

    static func record(_ form: FormData) -> JSONValue {
        func texts(_ name: String) -> JSONValue { .array(form.all(name).map(JSONValue.string)) }
        func text(_ name: String) -> JSONValue { form.text(name).map(JSONValue.string) ?? .null }
        var fields: [String: JSONValue] = [
            "name": text("name"), "acronym": text("acronym"), "country": text("country"),
            "sectors": form.sectorLevels("expertise"),
            "provinces": .object([
                "current": texts("worksIn"), "past": texts("workedIn"),
                "nationwide": .bool(form["nationwide"] == "yes"),
            ]),
            "targetGroups": texts("targetGroups"), "capacity": text("capacity"), "website": text("website"),
            "iatiOrganisation": text("iatiOrganisation"),
            "communes": NeedFormRoutes.lines(form["communes"]),
        ]
        if form.text("grantMin") != nil || form.text("grantMax") != nil {
            fields["grantRange"] = .object(["min": text("grantMin"), "max": text("grantMax")])
        } else {
            fields["grantRange"] = .null
        }
        if let kind = form.text("certKind") {
            fields["registration"] = .object([
                "kind": .string(kind), "number": text("certNumber"), "issued": text("certIssued"),
                "expires": text("certExpires"),
                "areas": .array(ListCell.split(form["certAreas"] ?? "").map(JSONValue.string)),
                "fields": texts("certFields"),
            ])
        } else {
            fields["registration"] = .null
        }
        return .object(fields)
    }

    static func form(_ ngo: NGO, communes: CommuneDirectory) -> FormData {
        var fields: [(name: String, value: String)] = [
            ("name", ngo.name), ("acronym", ngo.acronym ?? ""), ("country", ngo.country),
            ("capacity", String(ngo.capacity)), ("website", ngo.website ?? ""),
            ("iatiOrganisation", ngo.iatiOrganisation ?? ""),
            ("nationwide", ngo.provinces.nationwide ? "yes" : ""),
            ("communes", (ngo.communes ?? []).map(communes.label(code:)).joined(separator: "\n")),
        ]
        if let range = ngo.grantRange {
            fields += [("grantMin", String(Int(range.min))), ("grantMax", String(Int(range.max)))]
        }
        if let registration = ngo.registration {
            fields += [
                ("certKind", registration.kind.rawValue), ("certNumber", registration.number ?? ""),
                ("certIssued", registration.issued.description), ("certExpires", registration.expires.description),
                ("certAreas", ListCell.join(registration.areas)),
            ]
            fields += registration.fields.map { ("certFields", $0.rawValue) }
        }
        fields += ngo.sectors.map { ("sector.\($0.sector)", String($0.expertise)) }
        fields += ngo.provinces.current.map { ("worksIn", $0.rawValue) }
        fields += ngo.provinces.past.map { ("workedIn", $0.rawValue) }
        fields += ngo.targetGroups.map { ("targetGroups", $0.rawValue) }
        return FormData(fields: fields)
    }

    static func field(_ path: String) -> String? {
        let head = String(path.prefix { $0 != "." && $0 != "[" })
        switch head {
        case "registration":
            if path.contains("expires") { return "certExpires" }
            if path.contains("issued") { return "certIssued" }
            if path.contains("areas") { return "certAreas" }
            if path.contains("fields") { return "certFields" }
            if path.contains("number") { return "certNumber" }
            return "certKind"
        case "grantRange": return path.hasSuffix("max") ? "grantMax" : "grantMin"
        case "provinces": return path.contains("past") ? "workedIn" : "worksIn"
        case "name", "acronym", "country", "capacity", "website", "iatiOrganisation", "sectors", "targetGroups",
            "communes":
            return head
        default: return nil
        }
    }

    private func view(_ form: FormData, _ context: WebContext) -> FormView {
        let language = context.language
        let reference = app.service.reference
        func text(_ key: String) -> String { WebText.text(key, language) }
        let provinces = app.provincesByName.map { ($0.id.rawValue, $0.name.vi) }
        return FormView(
            fields: [
                .init(
                    name: "name", label: text("ngoName"), kind: .input("text"), value: form["name"] ?? "",
                    required: true),
                .init(name: "acronym", label: text("acronym"), kind: .input("text"), value: form["acronym"] ?? ""),
                .init(
                    name: "country", label: text("countryField"), kind: .input("text"), value: form["country"] ?? "",
                    required: true),
                .init(name: "grantMin", label: text("grantMin"), kind: .input("text"), value: form["grantMin"] ?? ""),
                .init(name: "grantMax", label: text("grantMax"), kind: .input("text"), value: form["grantMax"] ?? ""),
                .init(
                    name: "capacity", label: text("capacityField"), kind: .input("number"),
                    value: form["capacity"] ?? ""),
                .init(name: "website", label: text("website"), kind: .input("url"), value: form["website"] ?? ""),
                .init(
                    name: "iatiOrganisation", label: text("iatiOrganisationField"), kind: .input("text"),
                    value: form["iatiOrganisation"] ?? "", hint: text("iatiOrganisationHint")),
                .init(
                    name: "communes", label: text("communesField"), kind: .textArea, value: form["communes"] ?? "",
                    hint: text("communesHint")),
                .init(
                    name: "certKind", label: text("certKind"),
                    kind: .select([
                        ("", text("certNone")), ("operation-registration", text("certOperation")),
                        ("representative-office", text("certOffice")),
                    ]), value: form["certKind"] ?? ""),
                .init(
                    name: "certNumber", label: text("certNumber"), kind: .input("text"), value: form["certNumber"] ?? ""
                ),
                .init(
                    name: "certIssued", label: text("certIssued"), kind: .input("date"), value: form["certIssued"] ?? ""
                ),
                .init(
                    name: "certExpires", label: text("certExpires"), kind: .input("date"),
                    value: form["certExpires"] ?? ""),
                .init(
                    name: "certAreas", label: text("certAreas"), kind: .input("text"), value: form["certAreas"] ?? "",
                    hint: text("certAreasHint")),
            ],
            checkGroups: [
                .init(
                    name: "worksIn", legend: text("worksInField"), options: provinces, checked: Set(form.all("worksIn"))
                ),
                .init(
                    name: "workedIn", legend: text("workedInField"), options: provinces,
                    checked: Set(form.all("workedIn"))),
                .init(
                    name: "nationwide", legend: text("nationwide"), options: [("yes", text("nationwide"))],
                    checked: Set(form.all("nationwide"))),
                .targetGroups(form, language),
                .init(
                    name: "certFields", legend: text("certFields"),
                    options: reference.taxonomy.topLevel.map { ($0.id.rawValue, $0.name.in(language)) },
                    checked: Set(form.all("certFields"))),
            ],
            sectorLevels: form.chosenSectorLevels)
    }

    private func page(
        form: FormView, ngo: NGO, updatedAt: String?, _ request: Request, _ context: WebContext, stale: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let page = RecordFormPage(
            heading: app.text("editProfile", context) + ": " + ngo.name, action: "/ngos/\(ngo.id)/edit",
            submit: app.text("save", context), cancel: "/ngos/\(ngo.id)", sectorLegendKey: "sectorLegendNGO",
            sectorHintKey: "sectorHintNGO")
        return app.recordForm(form, page, updatedAt: updatedAt, stale: stale, request, context, status: status)
    }
}
