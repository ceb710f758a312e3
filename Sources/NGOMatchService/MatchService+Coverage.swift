import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchSeeds

package struct CoverageParams: OperationParams {
    package static let parameters = [
        Parameter(
            "measure", .choice(CoverageMap.Measure.allCases.map(\.rawValue)),
            "What colours the map: openNeeds (the default), unservedNeeds (open needs no NGO may take), fundingGap (USD), ngosPerNeed (NGOs that may take at least one open need, per open need)."
        ),
        Parameter.sector, Parameter.rules, Parameter.lang,
    ]
    package var measure: String?
    package var sector: String?
    package var rules: String?
    package var lang: Language?

    package init(measure: String? = nil, sector: String? = nil, rules: String? = nil, lang: Language? = nil) {
        self.measure = measure
        self.sector = sector
        self.rules = rules
        self.lang = lang
    }
}

/// The map's figures and, for files and pages, its SVG.
package struct CoverageResult: Encodable, Sendable {
    package let map: CoverageMap
    package let title: String
    package let svg: String
}

extension MatchService {
    /// The embedded boundaries, parsed once.
    static let shapes = ProvinceShapes(SeedFile.text(SeedFile.provinceMap) ?? "")

    /// Each unit's figure for the measure, over the open needs (of a sector, when given).
    /// - Parameter computed: the gaps report of the same rules and sector, when the caller has it.
    package func coverage(
        _ params: CoverageParams, link: ((CoverageMap.Unit) -> String)? = nil, computed: GapsReport? = nil
    ) throws -> CoverageResult {
        let language = params.lang ?? .en
        let measure =
            try params.measure.map { text in
                guard let measure = CoverageMap.Measure(rawValue: text) else {
                    let names = CoverageMap.Measure.allCases.map(\.rawValue)
                    throw ServiceError.invalidParams(
                        field: "measure",
                        expected: .notOneOf(text, names))
                }
                return measure
            } ?? .openNeeds
        let sector = try params.sector.map { try reference.taxonomy.resolve($0) }
        let index = try index()
        let gaps =
            try computed ?? index.gaps(rules: rules(params.rules), threshold: 50, sector: sector?.id, today: .today)
        let coverage = Dictionary(gaps.provinces.map { ($0.province, $0) }, uniquingKeysWith: { a, _ in a })
        var unserved: [ProvinceID: Int] = [:]
        for weak in gaps.weakNeeds where weak.bestNGO == nil { unserved[weak.province, default: 0] += 1 }
        var funding: [ProvinceID: Double] = [:]
        let taxonomy = reference.taxonomy
        for need in index.needs.all() where need.status == .open {
            if let sector, !need.sectors.contains(where: { taxonomy.isWithin($0.sector, sector.id) }) { continue }
            funding[need.province, default: 0] += need.fundingGapUSD
        }
        let units = reference.provinces.provinces.map { province -> (String, String, String, Double?) in
            let open = coverage[province.id]?.openNeeds ?? 0
            let value: Double? =
                switch measure {
                case .openNeeds: Double(open)
                case .unservedNeeds: Double(unserved[province.id] ?? 0)
                case .fundingGap: funding[province.id] ?? 0
                case .ngosPerNeed:
                    open == 0 ? nil : Double(coverage[province.id]?.viablePartners ?? 0) / Double(open)
                }
            return (province.id.rawValue, province.name.vi, province.code, value)
        }
        func figure(_ value: Double) -> String {
            switch measure {
            case .fundingGap: return LocalFormat.usd(value, language)
            case .ngosPerNeed:
                let text = String(format: "%.1f", value)
                return language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
            case .openNeeds, .unservedNeeds: return String(Int(value))
            }
        }
        func label(_ value: Double) -> String {
            let key = "map.value.\(measure.rawValue)" + (value == 1 && measure != .fundingGap ? ".one" : "")
            return Messages.text(key, language, figure(value))
        }
        let map = CoverageMap(
            measure: measure, sector: sector?.id.rawValue,
            units: units.map { (id: $0.0, name: $0.1, code: $0.2, value: $0.3) }, label: label, figure: figure,
            noValue: Messages.text("map.noOpenNeeds", language),
            range: { Messages.text("map.range", language, figure($0), figure($1)) })
        let measureName = Messages.text("map.measure.\(measure.rawValue)", language)
        let heading =
            sector.map { Messages.text("map.inSector", language, measureName, $0.name.in(language)) } ?? measureName
        let title = Messages.text("map.title", language, heading)
        let svg = map.svg(
            shapes: Self.shapes, title: title, legendTitle: heading,
            attribution: Messages.text("map.attribution", language), link: link, escape: HTMLAgenda.escape)
        return CoverageResult(map: map, title: title, svg: svg)
    }
}
