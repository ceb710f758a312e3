/// One need–NGO pair scored and explained: the score, what each factor
/// contributed, and which hard filters it failed.
package struct Assessment: Hashable, Sendable {
    package let need: NeedID
    package let ngo: NGOID
    /// 0–100: the sum of the contributions' points.
    package let score: Double
    package let contributions: [Contribution]
    package let failures: [FilterFailure]

    package var isExcluded: Bool { !failures.isEmpty }

    /// Excluded only because of its certificate: worth knowing, since an
    /// extension or an added area would make it a candidate.
    package var failsOnlyOnCertificate: Bool {
        !failures.isEmpty && failures.allSatisfy { $0.filter.isAboutCertificate }
    }
}

/// What one factor added to a score.
package struct Contribution: Hashable, Sendable {
    package let factor: FactorKind
    package let weight: Double
    /// 0–1.
    package let value: Double
    /// weight × value.
    package let points: Double
    package let evidence: Evidence
}

/// Why a factor has the value it has, in terms a planner can check.
package enum Evidence: Hashable, Sendable {
    case sector(needSector: SectorID?, ngoSector: SectorID?, tier: SectorFit.Tier, expertise: Int, priority: Int)
    case geography(Geography.Tier, province: ProvinceID, via: ProvinceID?)
    case targetGroups(shared: [TargetGroup], wanted: Int)
    case funding(FundingFit.Relation, gap: Double, min: Double?, max: Double?)
    case timeframe(coveredShare: Double, certificateExpires: CalendarDate?)
    case trackRecord(TrackRecord.Tally, province: ProvinceID)
    case load(open: Int, capacity: Int)
    case underserved(ngosWorkingThere: Int)
    case sectorEmphasis(share: Double)
}

/// The hard filters a rule set can apply.
package enum HardFilter: String, CaseIterable, Hashable, Sendable, Codable {
    case needOpen
    case sectorOverlap
    case certificateValid
    case certificateArea
    case certificateFields
    case optOut
    case declined
    case minimumScore

    package var isAboutCertificate: Bool {
        self == .certificateValid || self == .certificateArea || self == .certificateFields
    }
}

/// A filter a pair failed, with what it would take to pass.
package struct FilterFailure: Hashable, Sendable {
    package enum Detail: Hashable, Sendable {
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

    package let filter: HardFilter
    package let detail: Detail
}
