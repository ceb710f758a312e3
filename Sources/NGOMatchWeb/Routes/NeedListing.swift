import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// The needs a directory page shows, from its query: filters, search and order. The page and
/// its CSV/JSON downloads read the same listing, so a download holds what the reader saw.
struct NeedListing {
    enum Order: String, CaseIterable {
        case open, newest, funding, ending, title
    }

    var province: Province?
    var mergedNote: String?
    var problem: String?
    var status: String
    var sector: String?
    var region: String?
    var search: String?
    var order: Order
    var needs: [Need] = []

    init(_ query: FormData, session: WebSession, app: WebApp, context: WebContext) throws {
        let directory = app.service.reference.provinces
        if let own = session.ownProvince {
            province = directory[own]
        } else if let text = query.text("province") {
            let (match, unknown) = app.filter(context) { try directory.resolve(text) }
            province = match?.province
            problem = unknown
            if let match, case .formerProvince(let former) = match.route {
                mergedNote = app.text("mergedNote", context, former, match.province.name.vi)
            }
        }
        status = query.text("status") ?? "open"
        sector = query.text("sector")
        region = province == nil ? query.text("region") : nil
        search = query.text("q")
        order = query.text("sort").flatMap(Order.init(rawValue:)) ?? .open
        let listed = app.filter(context) {
            try app.service.needs(
                NeedsListParams(
                    province: province?.id.rawValue, sector: sector, region: region,
                    status: status == "any" ? nil : status, search: search))
        }
        needs = listed.value ?? []
        problem = problem ?? listed.problem
        needs.sort(by: order.precedes)
    }

    /// The query that gives this listing again, for page links and downloads.
    func query(page: Int? = nil) -> String {
        Pages.query([
            ("status", status), ("province", province?.id.rawValue), ("sector", sector), ("region", region),
            ("q", search), ("sort", order == .open ? nil : order.rawValue), ("page", page.map(String.init)),
        ])
    }
}

extension NeedListing.Order {
    /// Ties fall back to the id, so the order is stable from page to page.
    func precedes(_ a: Need, _ b: Need) -> Bool {
        switch self {
        case .open:
            return (a.status == .open ? 0 : 1, a.id.rawValue) < (b.status == .open ? 0 : 1, b.id.rawValue)
        case .newest:
            return (a.createdAt ?? "", b.id.rawValue) > (b.createdAt ?? "", a.id.rawValue)
        case .funding:
            return (-a.fundingGapUSD, a.id.rawValue) < (-b.fundingGapUSD, b.id.rawValue)
        case .ending:
            return (a.timeframe.end.dayNumber, a.id.rawValue) < (b.timeframe.end.dayNumber, b.id.rawValue)
        case .title:
            return (NameKey.fold(a.title), a.id.rawValue) < (NameKey.fold(b.title), b.id.rawValue)
        }
    }
}
