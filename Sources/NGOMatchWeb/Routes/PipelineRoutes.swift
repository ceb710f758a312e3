import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// The pipeline on the web: the pairs a reader's organisation acts on (all of them, with the
/// figures, for the ministry), one pair's history and dossier, its moves and uploads.
struct PipelineRoutes {
    let app: WebApp
    /// A dossier document and the form around it.
    static let uploadLimit = UploadedDocument.maximumBytes + (64 << 10)

    func add(to router: Router<WebContext>) {
        router.get("/pipeline") { request, context in try list(request, context) }
        router.get("/pipeline.csv") { request, context in try listCSV(request, context) }
        router.get("/pipeline/figures.csv") { request, context in try figuresCSV(request, context) }
        router.get("/pipeline/:need/:ngo") { request, context in try pair(request, context) }
        router.post("/pipeline/:need/:ngo/move") { request, context in try await move(request, context) }
        router.post("/pipeline/:need/:ngo/items/:item") { request, context in try await item(request, context) }
        router.get("/pipeline/:need/:ngo/items/:item") { request, context in try document(request, context) }
    }

    private func entries(_ request: Request, _ context: WebContext) throws -> [PipelineEntry] {
        let query = app.query(request)
        var params: [String: JSONValue] = query.texts("stage")
        if query.text("stalled") == "1" { params["stalled"] = .bool(true) }
        return try app.perform(PipelineListOperation.self, .object(params), context)
    }

    private func list(_ request: Request, _ context: WebContext) throws -> Response {
        let session = try context.signedIn()
        let checklist = try app.service.checklist()
        let query = app.query(request)
        let (found, problem) = app.filter(context) { try entries(request, context) }
        func name(_ stage: String) -> String { checklist.stage(stage)?.name(context.language) ?? stage }
        let rows = (found ?? []).map { entry -> PageRecord in
            [
                "needID": entry.need.rawValue, "ngoID": entry.ngo.rawValue, "need": entry.needTitle,
                "province": entry.provinceName, "ngo": entry.ngoName, "stage": name(entry.stage),
                "days": entry.daysAtStage, "stalled": entry.stalled,
            ]
        }
        var values: PageRecord = [
            "rows": rows, "hasRows": !rows.isEmpty, "problem": problem,
            "stageChoices": WebApp.choices(
                [("", app.text("pipelineAnyStage", context))]
                    + checklist.allStages.map { ($0.id, $0.name(context.language)) }, selected: query.text("stage")),
            "stalledChecked": query.text("stalled") == "1", "query": request.uri.query ?? "",
        ]
        if session.isMinistry {
            let by = ["province", "sector", "ngo"].contains(query.text("by") ?? "") ? query.text("by")! : "province"
            let figures = try app.perform(PipelineFiguresOperation.self, .object(["by": .string(by)]), context)
            let shown = figures.stages.filter { stage in figures.groups.contains { $0.byStage[stage.id] != nil } }
            values["figures"] = [
                "by": by, "stages": shown.map { $0.name(context.language) },
                "groups": figures.groups.map { group -> PageRecord in
                    [
                        "name": group.name, "total": group.total, "stalled": group.stalled,
                        "counts": shown.map { group.byStage[$0.id].map(String.init) ?? "" },
                    ]
                },
                "steps": figures.steps.map {
                    Messages.counted(
                        "pipelineStepLine", context.language, $0.pairs, name($0.from), name($0.to),
                        LocalFormat.decimal($0.medianDays, context.language))
                },
                "byChoices": WebApp.choices(
                    ["province", "sector", "ngo"].map { ($0, app.text("pipelineBy.\($0)", context)) }, selected: by),
            ]
        }
        return app.render("pipeline", title: app.text("pipelineHeading", context), values, request, context)
    }

    private func listCSV(_ request: Request, _ context: WebContext) throws -> Response {
        _ = try context.signedIn()
        let text = CSVTable.text(PipelineEntry.csvRows(try entries(request, context)))
        return Downloads.file(text, type: "text/csv; charset=utf-8", name: "pipeline.csv")
    }

    private func figuresCSV(_ request: Request, _ context: WebContext) throws -> Response {
        _ = try context.signedIn()
        let by = app.query(request).text("by") ?? "province"
        let figures = try app.perform(PipelineFiguresOperation.self, .object(["by": .string(by)]), context)
        return Downloads.file(
            CSVTable.text(figures.csvRows), type: "text/csv; charset=utf-8", name: "pipeline-by-\(figures.by).csv")
    }

    private func names(_ context: WebContext) -> (need: String, ngo: String) {
        (context.parameters.get("need") ?? "", context.parameters.get("ngo") ?? "")
    }

    private func pair(_ request: Request, _ context: WebContext) throws -> Response {
        _ = try context.signedIn()
        let (need, ngo) = names(context)
        let details = try app.addressed(context) {
            try app.service.pipelineDetails(
                PipelinePairParams(need: need, ngo: ngo), caller: context.caller, language: context.language)
        }
        let checklist = try app.service.checklist()
        func name(_ stage: String) -> String { checklist.stage(stage)?.name(context.language) ?? stage }
        let base = "/pipeline/\(details.pair.need)/\(details.pair.ngo)"
        let moves = details.pair.moves.reversed().map { move -> PageRecord in
            [
                "stage": name(move.stage), "when": Formatting.minute(move.at), "by": move.by, "door": move.door,
                "detail": [
                    move.decisionNumber, move.decisionDate.map { LocalFormat.date($0, context.language) },
                    move.authority,
                    move.reason, move.note,
                ].compactMap { $0 }.joined(separator: " · "),
            ]
        }
        let items = details.dossier.map { item -> PageRecord in
            [
                "id": item.item, "name": item.name, "done": item.doneAt != nil,
                "doneAt": item.doneAt.map(Formatting.minute), "fileName": item.fileName,
                "href": "\(base)/items/\(item.item)",
                "due": item.due.map { LocalFormat.date($0, context.language) },
                "overdue": item.overdue, "kind": app.text("dossierKind.\(item.kind.rawValue)", context),
            ]
        }
        let mayWrite = context.caller.mayWrite
        let reachable = checklist.reachable(from: details.pair.stage, mayGoBack: context.caller.seesEverything)
        return app.render(
            "pair", title: "\(details.needTitle) · \(details.ngoName)",
            [
                "needID": details.pair.need.rawValue, "ngoID": details.pair.ngo.rawValue,
                "needTitle": details.needTitle,
                "province": details.provinceName, "ngo": details.ngoName, "stage": details.stageName, "base": base,
                "since": Formatting.minute(details.pair.since), "moves": moves, "items": items,
                "canMove": mayWrite && !reachable.isEmpty, "canUpload": mayWrite,
                // Only the moves this reader may make, the next stage first chosen.
                "stageChoices": WebApp.choices(
                    reachable.map { ($0.id, $0.name(context.language)) },
                    selected: checklist.order(details.pair.stage).flatMap { at in
                        reachable.first { checklist.order($0.id).map { $0 > at } ?? false }?.id
                    }),
                "requests": details.requests.map { request -> PageRecord in
                    ["id": request.id, "status": app.text("interestStatus.\(request.status.rawValue)", context)]
                },
                "accept": UploadedDocument.allowedExtensions.map { ".\($0)" }.joined(separator: ","),
            ], request, context)
    }

    private func move(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let (need, ngo) = names(context)
        var params = form.texts("stage", "reason", "decisionNumber", "decisionDate", "authority", "note")
        params["need"] = .string(need)
        params["ngo"] = .string(ngo)
        let checklist = try app.service.checklist()
        return try app.act(PipelineMoveOperation.self, .object(params), context, back: "/pipeline/\(need)/\(ngo)") {
            app.text("pipelineMoved", context, checklist.stage($0.stage)?.name(context.language) ?? $0.stage)
        }
    }

    /// An item marked done, with the document when one is chosen; "undo" marks it not done.
    private func item(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await MultipartForm.read(
            request, limit: Self.uploadLimit, problem: app.text("dossierTooLarge", context, "10"))
        try app.checkCSRF(form["csrf"], context)
        let (need, ngo) = names(context)
        let item = context.parameters.get("item") ?? ""
        let back = "/pipeline/\(need)/\(ngo)"
        let file = form.files("document").first { !$0.bytes.isEmpty }
        // The upload goes through the operation as every door's does: the document in base64.
        var params: [String: JSONValue] = [
            "need": .string(need), "ngo": .string(ngo), "item": .string(item), "done": .bool(form["undo"] == nil),
        ]
        if let file {
            params["fileName"] = .string(file.fileName ?? "")
            params["content"] = .string(Data(file.bytes).base64EncodedString())
        }
        return try app.act(DossierItemOperation.self, .object(params), context, back: back) { _ in
            app.text(form["undo"] == nil ? "dossierDone" : "dossierUndone", context)
        }
    }

    /// A kept document, always as a download: never shown inline, never sniffed into a page.
    private func document(_ request: Request, _ context: WebContext) throws -> Response {
        _ = try context.signedIn()
        let (need, ngo) = names(context)
        let item = context.parameters.get("item") ?? ""
        let document = try app.addressed(context) {
            try app.service.dossierDocument(need: need, ngo: ngo, item: item, caller: context.caller)
        }
        var response = Downloads.file(
            ByteBuffer(bytes: document.bytes), type: document.contentType, name: Self.asciiName(document.fileName))
        response.headers[.contentDisposition] =
            "attachment; filename=\"\(Self.asciiName(document.fileName))\"; filename*=UTF-8''"
            + (document.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "document")
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }

    /// The name for the header's plain `filename`: ASCII only, no quote or backslash.
    static func asciiName(_ name: String) -> String {
        let kept = name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
        }
        return String(kept)
    }
}
