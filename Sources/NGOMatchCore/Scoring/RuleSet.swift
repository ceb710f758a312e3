/// A declarative rule set: which factors count and how much, which hard filters
/// apply, and the minimum score. Read from `rules/*.yaml`.
public struct RuleSet: Hashable, Sendable {
    public var name: String
    public var description: String
    /// Candidates scoring below this (0–100) are left out.
    public var minimumScore: Double
    public var sectorFit: SectorFitRule?
    public var geography: GeographyRule?
    public var targetGroups: WeightOnly?
    public var funding: WeightOnly?
    public var timeframe: WeightOnly?
    public var trackRecord: TrackRecordRule?
    public var load: WeightOnly?
    public var underservedProvince: UnderservedRule?
    public var sectorEmphasis: SectorEmphasisRule?
    public var filters: Filters

    public init(name: String, description: String = "", minimumScore: Double = 0, filters: Filters = Filters()) {
        self.name = name
        self.description = description
        self.minimumScore = minimumScore
        self.filters = filters
    }

    public struct WeightOnly: Hashable, Sendable {
        public var weight: Double
        public init(weight: Double) { self.weight = weight }
    }

    public struct SectorFitRule: Hashable, Sendable {
        public var weight: Double
        /// Value of a match through the parent: the NGO works in the need's
        /// top-level sector, or the need asks a top-level sector the NGO has a subsector of.
        public var sameParent: Double = 0.6
        /// Value of another subsector of the same parent.
        public var sibling: Double = 0.35

        public init(weight: Double, sameParent: Double = 0.6, sibling: Double = 0.35) {
            self.weight = weight
            self.sameParent = sameParent
            self.sibling = sibling
        }
    }

    public struct GeographyRule: Hashable, Sendable {
        public var weight: Double
        public var past: Double = 0.7
        /// Works in a province of the same region or within `nearbyKm`.
        public var nearby: Double = 0.5
        public var nearbyKm: Double = 150
        public var nationwide: Double = 0.4
        /// Works elsewhere: this value, decaying with the distance to the nearest province it works in.
        public var elsewhere: Double = 0.25
        public var decayKm: Double = 500

        public init(weight: Double) { self.weight = weight }
    }

    public struct TrackRecordRule: Hashable, Sendable {
        public var weight: Double
        /// Completed partnerships in the sector or province that earn the full value.
        public var saturation: Double = 3

        public init(weight: Double) { self.weight = weight }
    }

    public struct UnderservedRule: Hashable, Sendable {
        public var weight: Double
        /// A province with this many NGOs working in it (or more) is not underserved.
        public var saturation: Double = 10

        public init(weight: Double) { self.weight = weight }
    }

    public struct SectorEmphasisRule: Hashable, Sendable {
        public var weight: Double
        /// Sectors to favour; their subsectors count too.
        public var sectors: [SectorID] = []

        public init(weight: Double) { self.weight = weight }
    }

    public struct Filters: Hashable, Sendable {
        /// How much of the need the certificate's fields must cover.
        public enum FieldCoverage: String, CaseIterable, Hashable, Sendable {
            /// At least one of the need's highest-priority sectors.
            case primary
            /// Every sector of the need.
            case all
            /// At least one sector of the need.
            case any
            case off
        }

        public var needOpen = true
        public var sectorOverlap = true
        public var certificateValid = true
        public var certificateArea = true
        public var certificateFields = FieldCoverage.primary
        public var optOut = true
        public var declined = true

        public init() {}
    }

    /// The factors in use with their weights, in a fixed order.
    public var weights: [(factor: FactorKind, weight: Double)] {
        let all: [(FactorKind, Double?)] = [
            (.sectorFit, sectorFit?.weight), (.geography, geography?.weight), (.targetGroups, targetGroups?.weight),
            (.funding, funding?.weight), (.timeframe, timeframe?.weight), (.trackRecord, trackRecord?.weight),
            (.load, load?.weight), (.underservedProvince, underservedProvince?.weight),
            (.sectorEmphasis, sectorEmphasis?.weight),
        ]
        return all.compactMap { factor, weight in weight.map { (factor, $0) } }
    }

    public func weight(of factor: FactorKind) -> Double {
        weights.first { $0.factor == factor }?.weight ?? 0
    }
}

/// The factors a rule set can weigh.
public enum FactorKind: String, CaseIterable, Hashable, Sendable, Codable {
    case sectorFit
    case geography
    case targetGroups
    case funding
    case timeframe
    case trackRecord
    case load
    case underservedProvince
    case sectorEmphasis

    public var name: LocalizedName {
        switch self {
        case .sectorFit: LocalizedName(vi: "Phù hợp lĩnh vực", en: "Sector fit")
        case .geography: LocalizedName(vi: "Địa bàn", en: "Geography")
        case .targetGroups: LocalizedName(vi: "Đối tượng hưởng lợi", en: "Target groups")
        case .funding: LocalizedName(vi: "Quy mô tài trợ", en: "Funding fit")
        case .timeframe: LocalizedName(vi: "Thời hạn", en: "Timeframe fit")
        case .trackRecord: LocalizedName(vi: "Kinh nghiệm hợp tác", en: "Track record")
        case .load: LocalizedName(vi: "Năng lực còn lại", en: "Spare capacity")
        case .underservedProvince: LocalizedName(vi: "Địa phương ít được hỗ trợ", en: "Underserved province")
        case .sectorEmphasis: LocalizedName(vi: "Lĩnh vực ưu tiên", en: "Emphasised sector")
        }
    }
}
