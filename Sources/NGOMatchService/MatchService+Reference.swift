import NGOMatchCore

package struct ProvincesListParams: OperationParams {
    package static let parameters = [Parameter("region", .text, "Only provinces of this region (id).")]
    package var region: String?
    package init(region: String? = nil) { self.region = region }
}

package struct ProvinceGetParams: OperationParams {
    package static let parameters = [
        Parameter(
            "name", .text, required: true,
            "Any name of a province or centrally-run city, with or without diacritics, Vietnamese or English, former names too."
        )
    ]
    package var name: String
    package init(name: String) { self.name = name }
}

/// A province found by a name, and, when it was a former province's name, which.
package struct ProvinceFound: Encodable, Sendable {
    package let province: Province
    package let mergedFrom: String?
    package let openNeeds: Int
    package let ngosWorkingThere: Int
}

extension MatchService {
    package func sectors() -> [Sector] { reference.taxonomy.sectors }

    package func provinces(_ params: ProvincesListParams) throws -> [Province] {
        let directory = reference.provinces
        guard let region = params.region else { return directory.provinces }
        let ids = directory.regions.map(\.id.rawValue)
        guard ids.contains(region) else {
            throw LookupError(
                kind: "region", input: region,
                problem: .unknown(suggestions: Suggestions.closest(to: region, among: ids)))
        }
        return directory.provinces.filter { $0.region.rawValue == region }
    }

    package func province(_ params: ProvinceGetParams) throws -> ProvinceFound {
        let match = try reference.provinces.resolve(params.name)
        var former: String? = nil
        if case .formerProvince(let name) = match.route { former = name }
        let counts = try index().counts(in: match.province.id)
        return ProvinceFound(
            province: match.province, mergedFrom: former, openNeeds: counts.openNeeds,
            ngosWorkingThere: counts.ngosWorking)
    }
}

extension MatchService {
    /// - Throws: `LookupError` naming the closest region ids.
    func region(_ text: String) throws -> RegionID {
        let ids = reference.provinces.regions.map(\.id.rawValue)
        guard ids.contains(text) else {
            throw LookupError(
                kind: "region", input: text, problem: .unknown(suggestions: Suggestions.closest(to: text, among: ids)))
        }
        return RegionID(text)
    }
}
