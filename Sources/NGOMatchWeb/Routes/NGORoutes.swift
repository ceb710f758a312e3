import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// An NGO's pages: its profile, the open needs it could serve (and those its certificate
/// keeps it from), and the needs registered since its last visit.
struct NGORoutes {
    let app: WebApp

    func add(to router: Router<WebContext>) {
        router.get("/ngos") { request, context in try search(request, context) }
        router.get("/ngos.csv") { request, context in try download(.csv, request, context) }
        router.get("/ngos.json") { request, context in try download(.json, request, context) }
        router.get("/ngos/:id") { request, context in try profile(request, context) }
        router.get("/ngos/:id/needs") { request, context in try discover(request, context) }
        router.get("/ngos/:id/new") { request, context in try newNeeds(request, context) }
    }

    func loadNGO(_ context: WebContext) throws -> NGO {
        let id = try context.parameters.require("id")
        return try app.addressed(context) { try app.service.ngo(NGOGetParams(ngo: id)) }
    }

    /// The NGO directory: search, filters, order, pages and downloads. A name that is one NGO's
    /// alone, typed with nothing else, goes straight to it.
    private func search(_ request: Request, _ context: WebContext) throws -> Response {
        let query = app.query(request)
        let text = query.text("q") ?? ""
        if !text.isEmpty, query.fields.count == 1, let found = try app.service.ngoDirectory().find(text) {
            return Pages.redirect("/ngos/\(found.id)")
        }
        let listing = NGOListing(query, app: app, context: context)
        let format = app.formatting(context)
        let reference = app.service.reference
        let today = CalendarDate.today
        let pageSize = NeedRoutes.pageSize
        let pageCount = max(1, (listing.ngos.count + pageSize - 1) / pageSize)
        let page = min(max(1, Int(query["page"] ?? "") ?? 1), pageCount)
        let rows = listing.ngos.dropFirst((page - 1) * pageSize).prefix(pageSize).map { ngo -> PageRecord in
            let certificate = ngo.registration.map { registration in
                app.text(
                    registration.expires < today ? "ngoCertificateExpired" : "ngoCertificateUntil", context,
                    format.date(registration.expires))
            }
            return [
                "id": ngo.id.rawValue, "name": ngo.name, "country": ngo.country,
                "certificate": certificate ?? app.text("ngoNoCertificate", context),
                "expired": ngo.registration.map { $0.expires < today } ?? false,
                "worksIn": ngo.provinces.nationwide
                    ? app.text("nationwide", context)
                    : ngo.provinces.current.map(format.province).joined(separator: ", "),
                "sectors": Set(ngo.sectors.map { format.sector(reference.taxonomy[$0.sector]?.topLevel ?? $0.sector) })
                    .sorted().joined(separator: ", "),
            ]
        }
        let sectors = app.sectorFilter(context)
        let regions = app.regionFilter(context)
        let orders = NGOListing.Order.allCases.map { ($0.rawValue, app.text("ngoOrder.\($0.rawValue)", context)) }
        let countries = Set(try app.service.ngos(NGOsListParams()).map(\.country)).sorted()
        return app.render(
            "ngos", title: app.text("ngosHeading", context),
            [
                "heading": app.text("ngosHeading", context), "query": listing.search ?? "",
                "problem": listing.problem,
                "provinceText": listing.province ?? "", "country": listing.country ?? "",
                "countries": countries, "expiring": listing.expiringWithin.map(String.init) ?? "",
                "provinceNames": reference.provinces.provinces.map(\.name.vi).sorted {
                    NameKey.fold($0) < NameKey.fold($1)
                },
                "sectorChoices": WebApp.choices(sectors, selected: listing.sector ?? ""),
                "regionChoices": WebApp.choices(regions, selected: listing.region ?? ""),
                "orderChoices": WebApp.choices(orders, selected: listing.order.rawValue),
                "ngos": rows, "found": app.text("foundNGOs", context, "\(listing.ngos.count)"),
                "downloadQuery": listing.query(),
                "pageLabel": app.text("page", context, String(page), String(pageCount)),
                "previous": (page > 1 ? "/ngos?" + listing.query(page: page - 1) : nil),
                "next": (page < pageCount ? "/ngos?" + listing.query(page: page + 1) : nil),
            ], request, context)
    }

    private func download(_ format: ExportFormat, _ request: Request, _ context: WebContext) throws -> Response {
        let listing = NGOListing(app.query(request), app: app, context: context)
        if let problem = listing.problem { throw WebError(kind: .badRequest, message: problem) }
        let records = try listing.ngos.map(ExportRecord.json)
        return Downloads.file(try format.text(records), type: format.mediaType, name: "ngos.\(format.rawValue)")
    }

    private func profile(_ request: Request, _ context: WebContext) throws -> Response {
        let ngo = try loadNGO(context)
        let format = app.formatting(context)
        let session = try context.signedIn()
        let certificate = ngo.registration.map { registration in
            app.text(
                "certificateText", context,
                registration.kind == .operationRegistration
                    ? app.text("certOperation", context) : app.text("certOffice", context),
                registration.number ?? "—", format.date(registration.issued), format.date(registration.expires),
                registration.areas.joined(separator: ", "))
        }
        let worksIn =
            ngo.provinces.current.map(format.province).joined(separator: ", ")
            + (ngo.provinces.nationwide ? " (\(app.text("nationwide", context)))" : "")
        return app.render(
            "ngo", title: ngo.name,
            [
                "id": ngo.id.rawValue, "name": ngo.name, "acronym": ngo.acronym, "country": ngo.country,
                "sectors": ngo.sectors.map { "\(format.sector($0.sector)) (\($0.expertise))" }.joined(separator: ", "),
                "worksIn": worksIn, "workedIn": ngo.provinces.past.map(format.province).joined(separator: ", "),
                "targetGroups": ngo.targetGroups.map { $0.name.in(context.language) }.joined(separator: ", "),
                "grants": ngo.grantRange.map { "\(format.money($0.min)) – \(format.money($0.max))" },
                "capacity": String(ngo.capacity),
                "certificate": certificate ?? app.text("noCertificate", context), "website": ngo.website,
                "iatiOrganisation": ngo.iatiOrganisation,
                "iatiTrackRecord": app.service.iatiProfileLine(of: ngo.id, language: context.language),
                "canEdit": session.isMinistry || session.ownNGO == ngo.id,
            ], request, context)
    }

    private func discover(_ request: Request, _ context: WebContext) throws -> Response {
        let ngo = try loadNGO(context)
        let format = app.formatting(context)
        let query = app.query(request)
        let sector = query.text("sector")
        let region = query.text("region")
        var province: Province?
        var problem: String?
        if let text = query.text("province") {
            (province, problem) = app.filter(context) { try app.service.reference.provinces.resolve(text).province }
        }
        let result = try app.service.discover(
            DiscoverParams(
                ngo: ngo.id.rawValue, sector: sector, region: region,
                ranking: RankingParams(limit: 25, showExcluded: true, lang: context.language)))
        func inProvince(_ report: AssessmentReport) -> Bool { province.map { report.province == $0.id } ?? true }
        let ranked = result.ranked.filter(inProvince).map { report -> PageRecord in
            [
                "needID": report.need.rawValue, "ngoID": ngo.id.rawValue, "title": report.needTitle,
                "score": format.score(report.score), "province": format.province(report.province),
                "reasons": Array(report.reasons.prefix(3)),
            ]
        }
        // Needs the certificate rules (Decree 58/2022) keep the NGO from, with the change that would allow them.
        let certificateFilters: Set<HardFilter> = [.certificateValid, .certificateArea, .certificateFields]
        let blocked = result.excluded.filter(inProvince).filter { report in
            report.failedFilters.contains { certificateFilters.contains($0.filter) }
        }.map { report -> PageRecord in
            [
                "needID": report.need.rawValue, "title": report.needTitle, "province": format.province(report.province),
                "reason": report.failedFilters.map(\.reason).joined(separator: "; "),
                "remedy": report.failedFilters.compactMap(\.remedy).joined(separator: "; "),
            ]
        }
        let reference = app.service.reference
        let sectors = app.sectorFilter(context)
        let regions = app.regionFilter(context)
        let heading = app.text("needsWeCouldServe", context)
        return app.render(
            "discover", title: heading,
            [
                "heading": heading, "ngoID": ngo.id.rawValue, "ngoName": ngo.name,
                "sectorChoices": WebApp.choices(sectors, selected: sector ?? ""),
                "regionChoices": WebApp.choices(regions, selected: region ?? ""),
                "provinceText": province?.name.vi ?? query.text("province") ?? "",
                "provinceNames": reference.provinces.provinces.map(\.name.vi).sorted {
                    NameKey.fold($0) < NameKey.fold($1)
                }, "problem": problem,
                "ranked": ranked, "blocked": blocked, "hasBlocked": !blocked.isEmpty,
            ], request, context)
    }

    /// What `needs.subscribe` would have sent: needs registered since the last visit scoring at least the minimum.
    private func newNeeds(_ request: Request, _ context: WebContext) throws -> Response {
        let ngo = try loadNGO(context)
        let format = app.formatting(context)
        let minimum = min(100, max(0, Double(app.query(request)["min"] ?? "") ?? 50))
        let visitor = "\(context.caller.actor) \(ngo.id)"
        let lastVisit = app.visits.visit(visitor)
        let since = lastVisit ?? Date().addingTimeInterval(-30 * 24 * 3600)
        let formatter = ISO8601DateFormatter()
        // The registry writes fractional seconds; the same form compares right as text.
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let stamp = formatter.string(from: since)
        let result = try app.service.discover(
            DiscoverParams(
                ngo: ngo.id.rawValue, since: stamp, ranking: RankingParams(limit: 25, lang: context.language)))
        let needs = result.ranked.filter { $0.score >= minimum }.map { report -> PageRecord in
            [
                "needID": report.need.rawValue, "title": report.needTitle, "score": format.score(report.score),
                "province": format.province(report.province),
                "registered": String(
                    ((try? app.service.need(NeedGetParams(id: report.need.rawValue)))?.createdAt ?? "").prefix(10)),
                "reasons": Array(report.reasons.prefix(3)),
            ]
        }
        let sinceText =
            lastVisit == nil
            ? app.text("sinceFirst", context, format.score(minimum), ngo.name)
            : app.text(
                "since", context, Formatting.minute(stamp),
                format.score(minimum), ngo.name)
        return app.render(
            "newneeds", title: app.text("newMatchingNeeds", context),
            [
                "ngoID": ngo.id.rawValue, "ngoName": ngo.name, "since": sinceText, "minimum": Int(minimum),
                "needs": needs,
            ], request, context)
    }
}
