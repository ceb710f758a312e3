import Foundation
import NGOMatchCore
import NGOMatchService

/// Numbers, money, dates and names as each language writes them on a page.
struct Formatting {
    /// A registry time as a person reads it: `2026-12-07T05:44:12.345Z` → `2026-12-07 05:44` (UTC).
    static func minute(_ stamp: String) -> String {
        String(stamp.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    let language: Language
    let reference: ReferenceData

    /// `$250,000` or `250.000 USD`.
    func money(_ amount: Double) -> String { LocalFormat.usd(amount, language) }

    /// `2028-03-14` or `14/03/2028`.
    func date(_ date: CalendarDate) -> String { LocalFormat.date(date, language) }

    func timeframe(_ timeframe: Need.Timeframe) -> String { "\(date(timeframe.start)) – \(date(timeframe.end))" }

    /// Proper names as the registry holds them, diacritics included, in both languages.
    func province(_ id: ProvinceID) -> String { reference.provinces[id]?.name.vi ?? id.rawValue }

    func sector(_ id: SectorID) -> String { reference.taxonomy[id]?.name.in(language) ?? id.rawValue }

    func score(_ value: Double) -> String { LocalFormat.decimal(value, digits: 1, language) }

    /// A plan's value or bound, three decimals.
    func value(_ value: Double) -> String { LocalFormat.decimal(value, digits: 3, language) }

    /// A share such as 99.8 %, never rounded up to a full 100 %.
    func percent(_ share: Double) -> String { LocalFormat.percent(share, language) }

    func status(_ status: Need.Status) -> String {
        switch status {
        case .open: WebText.text("statusOpen", language)
        case .inDiscussion: WebText.text("statusInDiscussion", language)
        case .partnered: WebText.text("statusPartnered", language)
        case .closed: WebText.text("statusClosed", language)
        }
    }

    func partnership(_ status: Partnership.Status) -> String {
        WebText.text("partnership" + status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst(), language)
    }

    func needSectors(_ need: Need) -> String {
        need.sectors.map { "\(sector($0.sector)) (\($0.priority))" }.joined(separator: ", ")
    }
}
