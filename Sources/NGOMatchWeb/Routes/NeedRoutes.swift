import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// A province's needs with their best NGOs, one need with its ranking explained, and the
/// actions on a need: close it, record a partnership.
struct NeedRoutes {
    let app: WebApp
    static let pageSize = 20

    func add(to router: Router<WebContext>) {
        router.get("/needs") { request, context in try needs(request, context) }
        router.get("/needs.csv") { request, context in try download(.csv, request, context) }
        router.get("/needs.json") { request, context in try download(.json, request, context) }
        router.get("/needs/:id") { request, context in try need(request, context) }
        router.post("/needs/:id/close") { request, context in try await close(request, context) }
        router.post("/needs/:id/partnerships") { request, context in try await record(request, context) }
    }

    private func needs(_ request: Request, _ context: WebContext) throws -> Response {
        let session = try context.signedIn()
        let format = app.formatting(context)
        let query = app.query(request)
        let directory = app.service.reference.provinces
        let listing = try NeedListing(query, session: session, app: app, context: context)
        let (province, status, sector, found) = (listing.province, listing.status, listing.sector, listing.needs)
        let pageCount = max(1, (found.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(1, Int(query["page"] ?? "") ?? 1), pageCount)
        let shown = found.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)
        let rows = try shown.map { need -> PageRecord in
            var best: [PageRecord] = []
            if need.status == .open {
                let list = try app.service.suggest(
                    SuggestParams(need: need.id.rawValue, ranking: RankingParams(limit: 3, lang: context.language)))
                best = (list.suggestions.first?.ranked ?? []).map {
                    [
                        "needID": need.id.rawValue, "ngoID": $0.ngo.rawValue, "name": $0.ngoName,
                        "score": format.score($0.score), "reason": $0.reasons.first ?? "",
                    ]
                }
            }
            return [
                "id": need.id.rawValue, "title": need.title, "status": format.status(need.status),
                "statusValue": need.status.rawValue, "province": format.province(need.province),
                "sectors": format.needSectors(need), "funding": format.money(need.fundingGapUSD),
                "timeframe": format.timeframe(need.timeframe), "best": best, "hasBest": !best.isEmpty,
                "noneEligible": need.status == .open && best.isEmpty,
            ]
        }
        func link(_ page: Int) -> String { "/needs?" + listing.query(page: page) }
        let statuses: [(String, String)] =
            [
                ("open", format.status(.open)), ("in-discussion", format.status(.inDiscussion)),
                ("partnered", format.status(.partnered)), ("closed", format.status(.closed)),
                ("any", app.text("anyStatus", context)),
            ]
        let sectors = app.sectorFilter(context)
        let regions = app.regionFilter(context)
        let orders = NeedListing.Order.allCases.map { ($0.rawValue, app.text("needOrder.\($0.rawValue)", context)) }
        let heading = province.map { app.text("needsOf", context, $0.name.vi) } ?? app.text("allNeeds", context)
        let canRegister = session.isMinistry || session.ownProvince != nil
        return app.render(
            "needs", title: heading,
            [
                "heading": heading,
                "mergedNote": [listing.mergedNote, listing.problem].compactMap { $0 }.first,
                "search": listing.search ?? "",
                "regionChoices": WebApp.choices(regions, selected: listing.region ?? ""),
                "orderChoices": WebApp.choices(orders, selected: listing.order.rawValue),
                "found": app.text("foundNeeds", context, "\(found.count)"),
                "downloadQuery": listing.query(),
                "choosesProvince": session.ownProvince == nil,
                "provinceText": province?.name.vi ?? query.text("province") ?? "",
                "provinceNames": directory.provinces.map(\.name.vi).sorted { NameKey.fold($0) < NameKey.fold($1) },
                "provinceID": province?.id.rawValue,
                "statuses": WebApp.choices(statuses, selected: status),
                "sectorChoices": WebApp.choices(sectors, selected: sector ?? ""), "canRegister": canRegister,
                "needs": rows, "pageLabel": app.text("page", context, String(page), String(pageCount)),
                "previous": (page > 1 ? link(page - 1) : nil),
                "next": (page < pageCount ? link(page + 1) : nil),
            ], request, context)
    }

    /// The listing as the reader filtered it, in the import format: a file that `ngomatch import` reads back.
    private func download(_ format: ExportFormat, _ request: Request, _ context: WebContext) throws -> Response {
        let listing = try NeedListing(app.query(request), session: context.signedIn(), app: app, context: context)
        let records = try listing.needs.map(ExportRecord.json)
        return Downloads.file(try format.text(records), type: format.mediaType, name: "needs.\(format.rawValue)")
    }

    private func need(_ request: Request, _ context: WebContext) throws -> Response {
        let session = try context.signedIn()
        let format = app.formatting(context)
        let need = try loadNeed(context)
        let rulesName = app.query(request).text("rules") ?? "default"
        let rules = try app.service.rules(rulesName)
        let result = try app.service.suggest(
            SuggestParams(
                need: need.id.rawValue,
                ranking: RankingParams(rules: rules.name, limit: 10, showExcluded: true, lang: context.language)))
        let list = result.suggestions.first
        let recorded = Dictionary(
            try app.service.partnerships(PartnershipsListParams(need: need.id.rawValue)).map { ($0.ngo, $0) },
            uniquingKeysWith: { $1 })
        let mayEdit = session.isMinistry || session.ownProvince == need.province
        // Where each NGO already stands with this need, for the ranking to link to.
        let stages = Dictionary(
            ((try? app.perform(PipelineListOperation.self, .object(["need": .string(need.id.rawValue)]), context))
                ?? []).map { ($0.ngo, $0.stage) }, uniquingKeysWith: { a, _ in a })
        let checklist = try app.service.checklist()
        let mayAsk = context.caller.mayWrite && need.status == .open
        let ranked = (list?.ranked ?? []).map { report -> PageRecord in
            var x = 0.0
            let segments = report.factors.filter { $0.points > 0 }.map { factor -> PageRecord in
                defer { x += factor.points }
                return [
                    "x": Explanation.points(x), "width": Explanation.points(factor.points),
                    "factor": factor.factor.rawValue, "label": "\(factor.name): \(format.score(factor.points))",
                ]
            }
            let current = recorded[report.ngo]
            let mayRecord = mayEdit || session.ownNGO == report.ngo
            let statuses = Partnership.Status.allCases.map { ($0.rawValue, format.partnership($0)) }
            return [
                "needID": need.id.rawValue, "ngoID": report.ngo.rawValue, "name": report.ngoName,
                "score": format.score(report.score), "segments": segments,
                "barLabel": report.factors.map { "\($0.name) \(format.score($0.points))" }.joined(separator: ", "),
                "reasons": Array(report.reasons.prefix(3)),
                "factors": report.factors.map {
                    [
                        "factor": $0.factor.rawValue, "name": $0.name, "points": format.score($0.points),
                        "weight": format.score($0.weight), "explanation": $0.explanation,
                    ]
                },
                "canRecord": mayRecord, "csrf": session.csrf,
                "canDiscuss": mayAsk && mayEdit && stages[report.ngo] == nil, "asMinistry": session.isMinistry,
                "stage": stages[report.ngo].flatMap { checklist.stage($0)?.name(context.language) },
                "statusChoices": WebApp.choices(statuses, selected: current?.status.rawValue ?? "proposed"),
                "partnership": current.map {
                    app.text(
                        "partnershipNow", context, format.partnership($0.status),
                        String(($0.recordedAt ?? "").prefix(10)))
                },
            ]
        }
        let excluded = (list?.excluded ?? []).map { report -> PageRecord in
            [
                "ngoID": report.ngo.rawValue, "name": report.ngoName,
                "reason": report.failedFilters.map(\.reason).joined(separator: "; "),
                "remedy": report.failedFilters.compactMap(\.remedy).joined(separator: "; "),
            ]
        }
        let ruleSets = try app.service.ruleSets().map { ($0.name, $0.name) }
        // Equal weights by name: a dictionary's order changes from one run to the next.
        let weights = RuleParameters(rules).weights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key) \(format.score($0.value))" }.joined(separator: ", ")
        return app.render(
            "need", title: need.title,
            [
                "id": need.id.rawValue, "title": need.title, "status": format.status(need.status),
                "statusValue": need.status.rawValue, "province": format.province(need.province),
                "provinceID": need.province.rawValue, "sectors": format.needSectors(need),
                "targetGroups": need.targetGroups.map { $0.name.in(context.language) }.joined(separator: ", "),
                "localities": need.localities.joined(separator: "; "), "funding": format.money(need.fundingGapUSD),
                "communes": (need.communes ?? []).compactMap { app.service.communes().commune(code: $0)?.name }
                    .joined(separator: ", "),
                "timeframe": format.timeframe(need.timeframe), "source": need.source,
                "description": need.description, "canEdit": mayEdit && need.status != .closed,
                "ruleSets": WebApp.choices(ruleSets, selected: rulesName), "rulesName": rules.name,
                "rulesSummary": app.text("ruleSummary", context, rules.name, weights, format.score(rules.minimumScore)),
                "ranked": ranked, "excluded": excluded, "hasExcluded": !excluded.isEmpty,
                "canHelp": mayAsk && session.ownNGO != nil && session.ownNGO.map { stages[$0] == nil } == true,
                "ownStage": session.ownNGO.flatMap { stages[$0] }.flatMap {
                    checklist.stage($0)?.name(context.language)
                },
                "ownNGO": session.ownNGO?.rawValue,
            ], request, context)
    }

    private func close(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let need = try loadNeed(context)
        try mayWrite(need, context)
        let closed = try app.perform(
            NeedCloseOperation.self,
            .object(["id": .string(need.id.rawValue), "status": .string(form.text("status") ?? "closed")]), context)
        app.notice(app.text("closed", context, app.formatting(context).status(closed.status)), for: context)
        return Pages.redirect("/needs/\(need.id)")
    }

    private func record(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await app.form(request, context)
        let need = try loadNeed(context)
        let recorded = try app.perform(
            PartnershipRecordOperation.self,
            .object(
                ["need": .string(need.id.rawValue)].merging(form.texts("ngo", "status", "note")) { own, _ in own }),
            context)
        app.notice(
            app.text(
                "recorded", context, need.title, recorded.ngo.rawValue,
                app.formatting(context).partnership(recorded.status)), for: context)
        return Pages.redirect("/needs/\(need.id)#ngo-\(recorded.ngo)")
    }

    func loadNeed(_ context: WebContext) throws -> Need {
        let id = try context.parameters.require("id")
        return try app.service.need(NeedGetParams(id: id))
    }

    /// - Throws: a forbidden page naming whose need it is and who the reader is.
    func mayWrite(_ need: Need, _ context: WebContext) throws {
        let session = try context.signedIn()
        guard session.isMinistry || session.ownProvince == need.province else {
            throw WebError(
                kind: .forbidden,
                message: app.text(
                    "forbiddenNeed", context, app.formatting(context).province(need.province), context.who ?? ""))
        }
    }
}
