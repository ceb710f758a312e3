import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// The reports NGOs owe under Decree 58 on the web: the ministry's list of who is late, an
/// NGO's own duties with a button to record each as sent, a province's plans due to it.
struct ReportRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/reports") { request, context in try list(request, context) }
        router.get("/reports.csv") { request, context in try listCSV(request, context) }
        router.post("/reports/file") { request, context in try await file(request, context) }
        router.post("/reports/settings") { request, context in try await settings(request, context) }
    }

    private func duties(_ request: Request, _ context: WebContext) throws -> ReportingList {
        let params = app.query(request).texts("state", "kind", "ngo", "province", "on")
        return try app.perform(ReportingListOperation.self, .object(params), context)
    }

    private func list(_ request: Request, _ context: WebContext) throws -> Response {
        let session = try context.signedIn()
        let query = app.query(request)
        let (found, problem) = app.filter(context) { try duties(request, context) }
        // Only the NGO itself (or the ministry) records a filing, and only someone who may write.
        let mayFile = context.caller.mayWrite && (session.isMinistry || session.ownNGO != nil)
        let rows = (found?.duties ?? []).map { entry -> PageRecord in
            [
                "ngo": entry.ngoName, "ngoID": entry.duty.ngo.rawValue, "kind": entry.duty.kind.rawValue,
                "report": MatchService.reportName(entry.duty, provinceName: entry.provinceName, context.language),
                "province": entry.duty.province?.rawValue ?? "", "year": entry.duty.period,
                "due": LocalFormat.date(entry.duty.due, context.language),
                "state": MatchService.reportState(entry, context.language),
                "late": entry.duty.state == .late, "filed": entry.duty.state == .filed,
                "filedOn": entry.duty.filedOn.map { LocalFormat.date($0, context.language) } ?? "",
                "mayFile": mayFile && entry.duty.state != .untracked,
                "isPlan": entry.duty.kind == .implementationPlan,
            ]
        }
        let states = ReportingDuty.State.allCases.map { ($0.rawValue, app.text("reportState.\($0.rawValue)", context)) }
        let values: PageRecord = [
            "rows": rows, "hasRows": !rows.isEmpty, "problem": problem,
            "late": app.text("reportsLate", context, "\(found?.late ?? 0)"),
            "untracked": found.flatMap { $0.untrackedHidden == 0 ? nil : $0 }.map {
                app.text(
                    "reportsUntracked", context, LocalFormat.date($0.trackedSince, context.language),
                    "\($0.untrackedHidden)")
            },
            "stateChoices": WebApp.choices(
                [("", app.text("reportsAnyState", context))] + states, selected: query.text("state")),
            "query": request.uri.query ?? "", "back": "/reports" + (request.uri.query.map { "?\($0)" } ?? ""),
            "mayMoveSince": session.isMinistry && context.caller.mayWrite,
            "trackedSince": found.map { $0.trackedSince.description } ?? "",
        ]
        return app.render("reports", title: app.text("reportsTitle", context), values, request, context)
    }

    private func listCSV(_ request: Request, _ context: WebContext) throws -> Response {
        _ = try context.signedIn()
        let text = CSVTable.text(ReportingEntry.csvRows(try duties(request, context).duties))
        return Downloads.file(text, type: "text/csv; charset=utf-8", name: "reports.csv")
    }

    /// Records a duty as sent today, or takes the record back ("undo").
    private func file(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        var params = form.texts("ngo", "kind", "province", "filedOn", "note")
        if let year = form["year"].flatMap(Int.init) { params["year"] = .number(Double(year)) }
        if form["undo"] != nil { params["undo"] = .bool(true) }
        let back = form["back"].flatMap { $0.hasPrefix("/reports") ? $0 : nil } ?? "/reports"
        return try app.act(ReportFileOperation.self, .object(params), context, back: back) {
            app.text(
                $0.duty.state == .filed ? "reportsRecorded" : "reportsTakenBack", context,
                MatchService.reportName($0.duty, provinceName: $0.provinceName, context.language))
        }
    }

    /// The ministry moves the day reports count from.
    private func settings(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        return try app.act(
            ReportingSettingsOperation.self, .object(form.texts("trackedSince")), context, back: "/reports"
        ) {
            app.text("reportsTrackedSince", context, LocalFormat.date($0.trackedSince, context.language))
        }
    }
}
