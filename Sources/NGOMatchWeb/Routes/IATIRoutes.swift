import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// IATI activity files by upload: the ministry's for every NGO, an NGO office's for its own.
/// The upload is the `iati.import` operation, as over JSON-RPC and MCP.
struct IATIRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/iati") { request, context in try page(request, context) }
        router.post("/iati") { request, context in try await upload(request, context) }
    }

    /// Who may import: the ministry and NGO offices (the local user too).
    private func mayImport(_ context: WebContext) throws {
        switch context.caller.role {
        case nil where context.caller != .anonymous, .ministry?, .ngo?: return
        default: throw WebError(kind: .forbidden, message: app.text("iatiWhoMay", context))
        }
    }

    private func page(
        _ request: Request, _ context: WebContext, _ values: PageRecord = [:], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try mayImport(context)
        return app.render("iati", title: app.text("iatiHeading", context), values, request, context, status: status)
    }

    private func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await MultipartForm.read(
            request, limit: RegistryFileRoutes.uploadLimit,
            problem: app.text("importNotMultipart", context, "\(RegistryFileRoutes.uploadLimit >> 20)"))
        try app.checkCSRF(form["csrf"], context)
        try mayImport(context)
        let checkOnly = form["action"] == "check"
        let files = form.files("files")
        guard !files.isEmpty else {
            return try page(
                request, context, ["fileProblems": [app.text("importNoFile", context)]], status: .badRequest)
        }
        let names = files.compactMap(\.fileName).joined(separator: ", ")
        let params = JSONValue.object([
            "files": .array(
                files.map { file in
                    .object([
                        "name": .string(file.fileName ?? "upload.xml"),
                        "content": .string(String(decoding: file.bytes, as: UTF8.self)),
                    ])
                }),
            "checkOnly": .bool(checkOnly), "lang": .string(context.language.rawValue),
        ])
        return try app.submit(
            IATIImportOperation.self, params, context,
            redisplay: { refusal in
                try page(
                    request, context,
                    ["fileProblems": refusal.problems.map(\.message), "files": names, "nothingWritten": true],
                    status: .unprocessableContent)
            },
            done: { report in try page(request, context, reportValues(report, context)) })
    }

    private func reportValues(_ report: IATIImportReport, _ context: WebContext) -> PageRecord {
        let rows = report.activities.map { activity -> PageRecord in
            var row: PageRecord = [
                "identifier": activity.identifier, "where": "\(activity.file), \(activity.line)",
                "outcome": app.text("iati.outcome.\(activity.outcome)", context),
                "counted": activity.reason == nil,
                "detail": activity.reason ?? (activity.sectors + activity.provinces).joined(separator: ", "),
            ]
            if let ngo = activity.ngo { row["ngo"] = ngo }
            return row
        }
        let summary = app.text(
            report.checkOnly ? "iati.summary.check" : "iati.summary", context, "\(report.activities.count)",
            "\(report.count("added"))", "\(report.count("updated"))", "\(report.count("unchanged"))",
            "\(report.count("skipped") + report.count("replaced"))")
        return ["done": summary, "activities": rows, "hasActivities": !rows.isEmpty, "checked": report.checkOnly]
    }
}
