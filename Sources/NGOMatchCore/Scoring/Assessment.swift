/// One need–NGO pair scored and explained: the score, what each factor
/// contributed, and which hard filters it failed.
public struct Assessment: Hashable, Sendable {
    public let need: NeedID
    public let ngo: NGOID
    /// 0–100: the sum of the contributions' points.
    public let score: Double
    public let contributions: [Contribution]
    public let failures: [FilterFailure]

    public var isExcluded: Bool { !failures.isEmpty }

    /// Excluded only because of its certificate: worth knowing, since an
    /// extension or an added area would make it a candidate.
    public var failsOnlyOnCertificate: Bool {
        !failures.isEmpty && failures.allSatisfy { $0.filter.isAboutCertificate }
    }
}

/// What one factor added to a score.
public struct Contribution: Hashable, Sendable {
    public let factor: FactorKind
    public let weight: Double
    /// 0–1.
    public let value: Double
    /// weight × value.
    public let points: Double
    public let evidence: Evidence
}

/// Why a factor has the value it has, in terms a planner can check.
public enum Evidence: Hashable, Sendable {
    case sector(needSector: SectorID?, ngoSector: SectorID?, tier: SectorFit.Tier, expertise: Int, priority: Int)
    case geography(Geography.Tier, province: ProvinceID, via: ProvinceID?)
    case targetGroups(shared: [TargetGroup], wanted: Int)
    case funding(FundingFit.Relation, gap: Double, min: Double?, max: Double?)
    case timeframe(coveredShare: Double, certificateExpires: CalendarDate?)
    case trackRecord(completed: Int)
    case load(open: Int, capacity: Int)
    case underserved(ngosWorkingThere: Int)
    case sectorEmphasis(share: Double)
}

/// The hard filters a rule set can apply.
public enum HardFilter: String, CaseIterable, Hashable, Sendable, Codable {
    case needOpen
    case sectorOverlap
    case certificateValid
    case certificateArea
    case certificateFields
    case optOut
    case declined
    case minimumScore

    public var isAboutCertificate: Bool {
        self == .certificateValid || self == .certificateArea || self == .certificateFields
    }
}

/// A filter a pair failed, with what it would take to pass.
public struct FilterFailure: Hashable, Sendable {
    public enum Detail: Hashable, Sendable {
        case needNotOpen(Need.Status)
        case noSharedSector
        case noCertificate
        case certificateExpired(expires: CalendarDate, needStart: CalendarDate)
        case certificateNotYetValid(issued: CalendarDate, needStart: CalendarDate)
        case areaMissing(ProvinceID)
        case fieldsMissing([SectorID])
        case optedOutOfProvince(ProvinceID)
        case optedOutOfSector(SectorID)
        case declinedBefore
        case belowMinimum(score: Double, minimum: Double)
    }

    public let filter: HardFilter
    public let detail: Detail
}
