/// A declarative rule set: which factors count and how much, which hard filters
/// apply, and the minimum score. Read from `rules/*.yaml`.
package struct RuleSet: Hashable, Sendable {
    package var name: String
    package var description: String
    /// Candidates scoring below this (0–100) are left out.
    package var minimumScore: Double
    package var sectorFit: SectorFitRule?
    package var geography: GeographyRule?
    package var targetGroups: WeightOnly?
    package var funding: WeightOnly?
    package var timeframe: WeightOnly?
    package var trackRecord: TrackRecordRule?
    package var load: WeightOnly?
    package var underservedProvince: UnderservedRule?
    package var sectorEmphasis: SectorEmphasisRule?
    package var filters: Filters

    package init(name: String, description: String = "", minimumScore: Double = 0, filters: Filters = Filters()) {
        self.name = name
        self.description = description
        self.minimumScore = minimumScore
        self.filters = filters
    }

    package struct WeightOnly: Hashable, Sendable {
        package var weight: Double
        package init(weight: Double) { self.weight = weight }
    }

    package struct SectorFitRule: Hashable, Sendable {
        package var weight: Double
        /// Value of a match through the parent: the NGO works in the need's
        /// top-level sector, or the need asks a top-level sector the NGO has a subsector of.
        package var sameParent: Double = 0.6
        /// Value of another subsector of the same parent.
        package var sibling: Double = 0.35

        package init(weight: Double, sameParent: Double = 0.6, sibling: Double = 0.35) {
            self.weight = weight
            self.sameParent = sameParent
            self.sibling = sibling
        }
    }

    package struct GeographyRule: Hashable, Sendable {
        package var weight: Double
        package var past: Double = 0.7
        /// Works in a province of the same region or within `nearbyKm`.
        package var nearby: Double = 0.5
        package var nearbyKm: Double = 150
        package var nationwide: Double = 0.4
        /// Works elsewhere: this value, decaying with the distance to the nearest province it works in.
        package var elsewhere: Double = 0.25
        package var decayKm: Double = 500

        package init(weight: Double) { self.weight = weight }
    }

    package struct TrackRecordRule: Hashable, Sendable {
        package var weight: Double
        /// Completed partnerships in the sector or province that earn the full value.
        package var saturation: Double = 3
        /// What one activity the NGO published (in IATI) counts for, against 1 for a partnership
        /// recorded here: 0 leaves published work out, 0.5 counts two activities as one partnership.
        package var published: Double = 1
        /// A published activity counts if it ran in the years up to this many before the need starts.
        package var publishedWithinYears: Int = 10

        package init(weight: Double) { self.weight = weight }
    }

    package struct UnderservedRule: Hashable, Sendable {
        package var weight: Double
        /// A province with this many NGOs working in it (or more) is not underserved.
        package var saturation: Double = 10

        package init(weight: Double) { self.weight = weight }
    }

    package struct SectorEmphasisRule: Hashable, Sendable {
        package var weight: Double
        /// Sectors to favour; their subsectors count too.
        package var sectors: [SectorID] = []

        package init(weight: Double) { self.weight = weight }
    }

    package struct Filters: Hashable, Sendable {
        /// How much of the need the certificate's fields must cover.
        package enum FieldCoverage: String, CaseIterable, Hashable, Sendable {
            /// At least one of the need's highest-priority sectors.
            case primary
            /// Every sector of the need.
            case all
            /// At least one sector of the need.
            case any
            case off
        }

        package var needOpen = true
        package var sectorOverlap = true
        package var certificateValid = true
        package var certificateArea = true
        package var certificateFields = FieldCoverage.primary
        package var optOut = true
        package var declined = true

        package init() {}
    }

    /// The factors in use with their weights, in a fixed order.
    package var weights: [(factor: FactorKind, weight: Double)] {
        let all: [(FactorKind, Double?)] = [
            (.sectorFit, sectorFit?.weight), (.geography, geography?.weight), (.targetGroups, targetGroups?.weight),
            (.funding, funding?.weight), (.timeframe, timeframe?.weight), (.trackRecord, trackRecord?.weight),
            (.load, load?.weight), (.underservedProvince, underservedProvince?.weight),
            (.sectorEmphasis, sectorEmphasis?.weight),
        ]
        return all.compactMap { factor, weight in weight.map { (factor, $0) } }
    }

    package func weight(of factor: FactorKind) -> Double {
        weights.first { $0.factor == factor }?.weight ?? 0
    }
}

/// The factors a rule set can weigh.
package enum FactorKind: String, CaseIterable, Hashable, Sendable, Codable {
    case sectorFit
    case geography
    case targetGroups
    case funding
    case timeframe
    case trackRecord
    case load
    case underservedProvince
    case sectorEmphasis

    package var name: LocalizedName {
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
