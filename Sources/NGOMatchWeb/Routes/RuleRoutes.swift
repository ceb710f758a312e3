import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// Rule sets, readable by everyone (a ranking is only as questionable as its rules are
/// visible), added and removed by the ministry; and the what-if page that ranks one need under
/// two rule sets side by side.
struct RuleRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/rules") { request, context in try list(request, context) }
        router.post("/rules") { request, context in try await addRuleSet(request, context) }
        router.get("/rules/compare") { request, context in try compare(request, context) }
        router.get("/rules/:name") { request, context in try show(request, context) }
        router.post("/rules/:name/remove") { request, context in try await remove(request, context) }
    }

    private func weights(_ weights: [String: Double], _ format: Formatting, _ language: Language) -> [PageRecord] {
        weights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
            [
                "factor": $0.key, "name": FactorKind(rawValue: $0.key)?.name.in(language) ?? $0.key,
                "weight": format.score($0.value), "width": Explanation.points($0.value),
            ]
        }
    }

    private func list(
        _ request: Request, _ context: WebContext, form: (name: String, text: String, problems: [String])? = nil
    ) throws -> Response {
        let format = app.formatting(context)
        let rows = try app.service.ruleSets().map { summary -> PageRecord in
            [
                "name": summary.name, "description": summary.description,
                "source": summary.version.map { app.text("ruleSourceRegistry", context, "\($0)") }
                    ?? app.text("ruleSourceShipped", context),
                "minimum": format.score(summary.minimumScore),
                "weights": summary.weights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4)
                    .map {
                        "\(FactorKind(rawValue: $0.key)?.name.in(context.language) ?? $0.key) \(format.score($0.value))"
                    }
                    .joined(separator: ", "),
            ]
        }
        var values: PageRecord = [
            "ruleSets": rows, "organiser": context.session?.isMinistry == true,
            "newName": form?.name ?? "", "newText": form?.text ?? "",
        ]
        if let form, !form.problems.isEmpty { values["problems"] = form.problems }
        return app.render(
            "rules", title: app.text("rulesHeading", context), values, request, context,
            status: form == nil ? .ok : .unprocessableContent)
    }

    private func show(_ request: Request, _ context: WebContext) throws -> Response {
        let name = try context.parameters.require("name")
        let detail: RuleSetDetail
        detail = try app.addressed(context) { try app.service.ruleSet(RuleSetGetParams(name: name)) }
        let format = app.formatting(context)
        return app.render(
            "ruleset", title: detail.label,
            [
                "label": detail.label, "name": detail.summary.name, "description": detail.summary.description,
                "minimum": format.score(detail.summary.minimumScore),
                "weights": weights(detail.summary.weights, format, context.language), "text": detail.text,
                "removable": context.session?.isMinistry == true && detail.summary.source == "registry"
                    && detail.removedAt == nil,
                "versions": detail.versions.map {
                    [
                        "version": "\($0.version)", "by": $0.addedBy, "at": String($0.addedAt.prefix(16)),
                        "removed": $0.removedAt.map { String($0.prefix(16)) } ?? "",
                    ]
                },
                "hasVersions": !detail.versions.isEmpty,
            ], request, context)
    }

    private func addRuleSet(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let name = form.text("name") ?? ""
        let text = form["text"] ?? ""
        return try app.submit(
            RulesAddOperation.self, .object(["name": .string(name), "text": .string(text)]), context,
            redisplay: { refusal in
                // A rule file's problems carry their own line and column; a parameter's, its name.
                let lines = refusal.problems.map {
                    $0.field == "text" ? $0.message(context.language) : $0.text(context.language)
                }
                return try list(request, context, form: (name, text, lines))
            },
            done: { added in
                app.notice(app.text("ruleSetAdded", context, added.label), for: context)
                return Pages.redirect("/rules/\(Pages.percentEncoded(added.summary.name))")
            })
    }

    private func remove(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try await app.form(request, context)
        let name = try context.parameters.require("name")
        _ = try app.perform(RulesRemoveOperation.self, .object(["name": .string(name)]), context)
        app.notice(app.text("ruleSetRemoved", context, name), for: context)
        return Pages.redirect("/rules")
    }

    /// One need's ranking under two rule sets: who moves, by how much, and which factors moved them.
    private func compare(_ request: Request, _ context: WebContext) throws -> Response {
        let query = app.query(request)
        let format = app.formatting(context)
        let names = try app.service.ruleSets().map(\.name)
        let before = query.text("before") ?? "default"
        let after = query.text("after") ?? names.first { $0 != before } ?? before
        let needID = query.text("need")
        var values: PageRecord = [
            "need": needID ?? "",
            "beforeChoices": WebApp.choices(names.map { ($0, $0) }, selected: before),
            "afterChoices": WebApp.choices(names.map { ($0, $0) }, selected: after),
        ]
        if let needID {
            let (compared, problem) = app.filter(context) {
                try app.service.compare(
                    CompareParams(need: needID, rules: [before, after], limit: 10, lang: context.language))
            }
            values["problem"] = problem
            if let comparison = compared?.comparisons.first {
                values["subject"] = comparison.subjectName
                values["subjectLink"] = "/needs/\(comparison.subject)"
                values["beforeLabel"] = comparison.before
                values["afterLabel"] = comparison.after
                values["rows"] = comparison.rows.map { row -> PageRecord in
                    func standing(_ standing: RankingComparison.Standing?) -> String {
                        guard let standing else { return "—" }
                        let rank = standing.rank.map { "#\($0)" } ?? app.text("compareRemoved", context)
                        return "\(rank) · \(format.score(standing.score))"
                    }
                    return [
                        "name": row.name, "link": "/needs/\(comparison.subject)#ngo-\(row.id)",
                        "before": standing(row.before), "after": standing(row.after),
                        "move": row.move.map { $0 == 0 ? "=" : ($0 > 0 ? "▲ \($0)" : "▼ \(-$0)") } ?? "—",
                        "moveWords": row.move.map {
                            $0 == 0
                                ? app.text("compareSame", context)
                                : app.text($0 > 0 ? "compareUp" : "compareDown", context, "\(abs($0))")
                        } ?? "",
                        "factors": row.factors.prefix(3).map {
                            "\($0.name) \($0.change > 0 ? "+" : "")\(format.score($0.change))"
                        }.joined(separator: "; "),
                    ]
                }
                values["hasRows"] = !comparison.rows.isEmpty
            }
        }
        return app.render("compare", title: app.text("compareHeading", context), values, request, context)
    }
}
