import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// The ministry's whole-registry files: import by upload (all or nothing, every problem shown
/// with its file, line, field and fix), export in the import format, and a backup download.
struct RegistryFileRoutes {
    let app: WebApp
    /// Larger than any registry Vietnam keeps (400 NGOs, a few thousand needs are a few MB).
    static let uploadLimit = 32 << 20

    func add(to router: Router<WebContext>) {
        router.get("/admin/import") { request, context in try page(request, context) }
        router.post("/admin/import") { request, context in try await upload(request, context) }
        router.get("/admin/export") { request, context in try export(request, context) }
        router.get("/admin/backup") { request, context in try backup(request, context) }
    }

    private func page(
        _ request: Request, _ context: WebContext, _ values: PageRecord = [:], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try app.ministryOnly(context)
        let counts = try app.service.counts()
        var values = values
        values["registryCounts"] = app.text("importRegistryHolds", context, "\(counts.ngos)", "\(counts.needs)")
        return app.render("import", title: app.text("importHeading", context), values, request, context, status: status)
    }

    private func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await MultipartForm.read(
            request, limit: Self.uploadLimit,
            problem: app.text("importNotMultipart", context, "\(Self.uploadLimit >> 20)"))
        try app.checkCSRF(form["csrf"], context)
        try app.ministryOnly(context)
        let checkOnly = form["action"] == "check"
        let files = form.files("files")
        guard !files.isEmpty else {
            return try page(
                request, context, ["fileProblems": [app.text("importNoFile", context)]], status: .badRequest)
        }
        let (documents, unreadable) = app.service.readUploads(files.map { ($0.fileName ?? "upload", $0.bytes) })
        let fileProblems = unreadable.map { $0.text(context.language) }
        let names = files.compactMap(\.fileName).joined(separator: ", ")
        guard fileProblems.isEmpty else {
            return try page(
                request, context, ["fileProblems": fileProblems, "files": names, "nothingWritten": true],
                status: .unprocessableContent)
        }
        return try app.submit(
            context, { try app.service.importDocuments(documents, checkOnly: checkOnly, caller: context.caller) },
            redisplay: { refusal in
                let rows = refusal.records.flatMap { record in
                    record.problems.map { problem -> PageRecord in
                        [
                            "location": record.location.text(context.language),
                            "record": record.record.text(context.language), "field": problem.field,
                            "problem": problem.message(context.language),
                        ]
                    }
                }
                return try page(
                    request, context,
                    [
                        "problems": rows, "hasProblems": true, "files": names, "nothingWritten": true,
                        "problemCount": Messages.counted(
                            "importRecordsInvalid", context.language, refusal.records.count)
                            + " " + Messages.counted("importProblems", context.language, rows.count),
                    ],
                    status: .unprocessableContent)
            },
            done: { summary in
                let counts = app.text(
                    "importCounts", context, "\(summary.ngos)", "\(summary.needs)", "\(summary.partnerships)")
                return try page(
                    request, context,
                    [
                        "done": app.text(checkOnly ? "importChecked" : "importDone", context, names, counts),
                        "checked": checkOnly,
                    ])
            })
    }

    private func export(_ request: Request, _ context: WebContext) throws -> Response {
        try app.ministryOnly(context)
        let text = app.query(request).text("format") ?? "jsonl"
        guard let format = ExportFormat(rawValue: text) else {
            throw WebError(kind: .badRequest, message: app.text("exportFormatExpected", context, text))
        }
        let records = try app.service.exportRecords(caller: context.caller)
        return Downloads.file(
            try format.text(records), type: format.mediaType, name: "ngomatch-\(Self.today()).\(format.rawValue)")
    }

    private func backup(_ request: Request, _ context: WebContext) throws -> Response {
        try app.ministryOnly(context)
        let data = try app.service.backupData(caller: context.caller)
        return Downloads.file(
            ByteBuffer(bytes: data), type: "application/vnd.sqlite3", name: "ngomatch-backup-\(Self.today()).sqlite")
    }

    static func today() -> String { String(ISO8601DateFormatter().string(from: Date()).prefix(10)) }
}
