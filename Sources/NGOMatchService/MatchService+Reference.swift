import NGOMatchCore

public struct ProvincesListParams: OperationParams {
    public static let parameters = [Parameter("region", .text, "Only provinces of this region (id).")]
    public var region: String?
    public init(region: String? = nil) { self.region = region }
}

public struct ProvinceGetParams: OperationParams {
    public static let parameters = [
        Parameter(
            "name", .text, required: true,
            "Any name of a province or centrally-run city, with or without diacritics, Vietnamese or English, former names too."
        )
    ]
    public var name: String
    public init(name: String) { self.name = name }
}

/// A province found by a name, and, when it was a former province's name, which.
public struct ProvinceFound: Encodable, Sendable {
    public let province: Province
    public let mergedFrom: String?
    public let openNeeds: Int
    public let ngosWorkingThere: Int
}

extension MatchService {
    public func sectors() -> [Sector] { reference.taxonomy.sectors }

    public func provinces(_ params: ProvincesListParams) throws -> [Province] {
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

    public func province(_ params: ProvinceGetParams) throws -> ProvinceFound {
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
