import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// The ministry's dashboard: the coverage map, demand against supply by sector, and the weak
/// needs with why; every figure also as a download.
struct DashboardRoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/dashboard") { request, context in try dashboard(request, context) }
        router.get("/dashboard/map.svg") { request, context in try mapFile(request, context) }
        router.get("/dashboard/:figure") { request, context in try download(request, context) }
    }

    /// The filters a dashboard link carries.
    private struct Choice {
        let measure: String
        let sector: String?

        var query: String {
            "measure=\(measure)" + (sector.map { "&sector=\(Pages.percentEncoded($0))" } ?? "")
        }
    }

    private func choice(_ request: Request) -> Choice {
        let query = app.query(request)
        let measure = query.text("measure").flatMap(CoverageMap.Measure.init(rawValue:)) ?? .openNeeds
        return Choice(measure: measure.rawValue, sector: query.text("sector"))
    }

    private func coverage(_ choice: Choice, _ context: WebContext, links: Bool, gaps: GapsReport? = nil) throws
        -> CoverageResult
    {
        try app.service.coverage(
            CoverageParams(measure: choice.measure, sector: choice.sector, lang: context.language),
            link: links ? { "/needs?province=\($0.id)" } : nil, computed: gaps)
    }

    private func dashboard(_ request: Request, _ context: WebContext) throws -> Response {
        try app.ministryOnly(context)
        let choice = choice(request)
        let format = app.formatting(context)
        // One report, for the chosen sector, serves the map and the weak needs; the bars of
        // every sector need no scoring and come from the open needs directly.
        let gaps = try choice.sector.map(app.service.gaps(inSector:)) ?? app.service.gaps(GapsParams())
        let balances = choice.sector == nil ? gaps.sectors : try app.service.sectorBalances()
        let result = try coverage(choice, context, links: true, gaps: gaps)
        let measures = CoverageMap.Measure.allCases.map {
            (value: $0.rawValue, label: app.text("map.measure.\($0.rawValue)", context))
        }
        let sectors = app.service.reference.taxonomy.sectors.filter { $0.parent == nil }.map {
            (value: $0.id.rawValue, label: $0.name.in(context.language))
        }
        let largest = balances.map { max($0.demandUSD, $0.supplyUSD) }.max() ?? 1
        let bars = balances.enumerated().map { row, sector -> PageRecord in
            let width = 285.0
            func length(_ amount: Double) -> String {
                String(format: "%.1f", largest > 0 ? amount / largest * width : 0)
            }
            return [
                "name": format.sector(sector.sector), "demand": format.money(sector.demandUSD),
                "supply": format.money(sector.supplyUSD),
                "ratio": sector.ratio.isFinite ? String(format: "%.2f", sector.ratio) : "—",
                "y": String(row * 34 + 4), "textY": String(row * 34 + 14), "supplyY": String(row * 34 + 17),
                "demandWidth": length(sector.demandUSD), "supplyWidth": length(sector.supplyUSD),
                "short": sector.ratio > 1,
            ]
        }
        // The weakest needs with why: the service's reading, as `gaps --explain` gives it.
        let explained = try app.service.explainingWeakest(
            gaps, count: 20, rules: app.service.rules(nil), language: context.language)
        let weak = explained.weakNeeds.prefix(20).map { need -> PageRecord in
            var why = ""
            if let excluded = need.excluded, let reason = need.commonestExclusion {
                why = app.text("dashboardWhy", context, String(excluded), reason)
            }
            return [
                "id": need.need.rawValue, "title": need.title, "province": format.province(need.province),
                "best": need.bestNGO.map {
                    app.text(
                        "dashboardBest", context, need.bestNGOName ?? $0.rawValue, Explanation.points(need.bestScore))
                } ?? app.text("dashboardNobody", context),
                "why": why,
            ]
        }
        let units = result.map.units.sorted { $0.name < $1.name }.map { unit -> PageRecord in
            [
                "id": unit.id, "name": unit.name, "label": unit.label,
                "class": unit.colourClass.map { result.map.classes[$0].label } ?? "—",
            ]
        }
        var legend: [PageRecord] = result.map.classes.map { ["colour": $0.colour, "label": $0.label] }
        if let none = result.map.units.first(where: { $0.colourClass == nil }) {
            legend.append(["colour": CoverageMap.noValueColour, "label": none.label])
        }
        // Where partnerships stand and who owes a report: the ministry's follow-up at a glance.
        let figures = try app.perform(PipelineFiguresOperation.self, .object([:]), context)
        let late = try app.perform(ReportingListOperation.self, .object(["state": .string("late")]), context).late
        let followUp = [
            app.text(
                "dashboardPairs", context, "\(figures.groups.reduce(0) { $0 + $1.total })", "\(figures.stalled.count)"),
            app.text("dashboardLateReports", context, "\(late)"),
        ]
        return app.render(
            "dashboard", title: app.text("dashboardHeading", context),
            [
                "pairsLine": followUp[0], "reportsLine": followUp[1],
                "legend": legend,
                "measures": WebApp.choices(measures, selected: choice.measure),
                "sectors": WebApp.choices(sectors, selected: choice.sector),
                "map": result.svg, "mapTitle": result.title, "units": units, "bars": bars,
                "barsHeight": String(max(1, balances.count) * 34), "weak": Array(weak),
                "weakCount": String(gaps.weakNeeds.count), "threshold": Explanation.points(gaps.threshold),
                "query": choice.query,
            ], request, context)
    }

    private func mapFile(_ request: Request, _ context: WebContext) throws -> Response {
        try app.ministryOnly(context)
        let result = try coverage(choice(request), context, links: false)
        return Downloads.file(
            #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + result.svg + "\n", type: "image/svg+xml",
            name: "coverage-\(choice(request).measure).svg")
    }

    /// Every figure of the page as CSV (RFC 4180), for reports and spreadsheets.
    private func download(_ request: Request, _ context: WebContext) throws -> Response {
        try app.ministryOnly(context)
        let figure = try context.parameters.require("figure")
        var lines: [String]
        switch figure {
        case "provinces.csv":
            let result = try coverage(choice(request), context, links: false)
            lines = [CSVTable.line(["province", "name", "code", "measure", "value", "class"])]
            lines += result.map.units.map { unit in
                CSVTable.line([
                    unit.id, unit.name, unit.code, result.map.measure.rawValue, unit.value.map { "\($0)" } ?? "",
                    unit.colourClass.map { result.map.classes[$0].label } ?? "",
                ])
            }
        case "sectors.csv":
            let gaps = try app.service.gaps(GapsParams())
            lines = [CSVTable.line(["sector", "demandUSD", "supplyUSD", "ratio", "openNeeds", "ngos"])]
            lines += gaps.sectors.map {
                CSVTable.line([
                    $0.sector.rawValue, "\($0.demandUSD)", "\($0.supplyUSD)", $0.ratio.isFinite ? "\($0.ratio)" : "",
                    "\($0.openNeeds)", "\($0.ngos)",
                ])
            }
        case "weak-needs.csv":
            let gaps = try app.service.gaps(GapsParams())
            lines = [CSVTable.line(["need", "province", "title", "bestNGO", "bestScore"])]
            lines += gaps.weakNeeds.map {
                CSVTable.line([
                    $0.need.rawValue, $0.province.rawValue, $0.title, $0.bestNGO?.rawValue ?? "", "\($0.bestScore)",
                ])
            }
        default:
            throw WebError(kind: .notFound, message: app.text("notFound", context))
        }
        return Downloads.file(
            lines.map { $0 + CSVTable.lineEnd }.joined(), type: "text/csv; charset=utf-8", name: figure)
    }
}
