import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchService

/// The NGOs a directory page shows, from its query; the page and its downloads read the same.
struct NGOListing {
    enum Order: String, CaseIterable {
        case name, expiry, country
    }

    var problem: String?
    var search: String?
    var province: String?
    var region: String?
    var sector: String?
    var country: String?
    var expiringWithin: Int?
    var order: Order
    var ngos: [NGO] = []

    init(_ query: FormData, app: WebApp, context: WebContext) {
        search = query.text("q")
        province = query.text("province")
        region = query.text("region")
        sector = query.text("sector")
        country = query.text("country")
        order = query.text("sort").flatMap(Order.init(rawValue:)) ?? .name
        if let days = query.text("expiring") {
            if let number = Int(days), number >= 0 {
                expiringWithin = number
            } else {
                problem = app.text("expiringExpected", context, days)
            }
        }
        let listed = app.filter(context) {
            try app.service.ngos(
                NGOsListParams(
                    sector: sector, province: province, country: country, region: region, search: search,
                    certificateExpiresWithin: expiringWithin))
        }
        ngos = listed.value ?? []
        problem = problem ?? listed.problem
        ngos.sort(by: order.precedes)
    }

    func query(page: Int? = nil) -> String {
        Pages.query([
            ("q", search), ("province", province), ("region", region), ("sector", sector), ("country", country),
            ("expiring", expiringWithin.map(String.init)), ("sort", order == .name ? nil : order.rawValue),
            ("page", page.map(String.init)),
        ])
    }
}

extension NGOListing.Order {
    func precedes(_ a: NGO, _ b: NGO) -> Bool {
        switch self {
        case .name:
            return (NameKey.fold(a.name), a.id.rawValue) < (NameKey.fold(b.name), b.id.rawValue)
        case .expiry:
            // NGOs without a certificate last: nothing of theirs expires.
            let never = Int.max
            return (a.registration?.expires.dayNumber ?? never, a.id.rawValue)
                < (b.registration?.expires.dayNumber ?? never, b.id.rawValue)
        case .country:
            return (NameKey.fold(a.country), NameKey.fold(a.name)) < (NameKey.fold(b.country), NameKey.fold(b.name))
        }
    }
}
