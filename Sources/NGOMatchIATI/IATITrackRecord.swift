import NGOMatchCore

/// An IATI activity as ngomatch counts it: work one registry NGO did, where, in what, when
/// and for how much, beside the partnerships recorded here.
package struct IATITrackRecord: Hashable, Sendable, Codable {
    /// How the NGO took part: it published the activity, or the publisher named it as implementer.
    package enum Role: String, Hashable, Sendable, Codable {
        case reporter
        case implementer
    }

    package struct SectorShare: Hashable, Sendable, Codable {
        package var sector: SectorID
        /// The share the publisher gave the code it came from, if any.
        package var percentage: Double?

        package init(sector: SectorID, percentage: Double?) {
            self.sector = sector
            self.percentage = percentage
        }
    }

    package var identifier: String
    package var ngo: NGOID
    package var role: Role
    package var title: String?
    /// ActivityStatus code (2 implementation, 4 closed…).
    package var status: String?
    package var start: String?
    package var end: String?
    /// Empty with `national` when the activity names Viet Nam and no place in it.
    package var provinces: [ProvinceID]
    package var national: Bool
    package var sectors: [SectorShare]
    /// The budgets, or else the money spent, summed in each currency the file gives.
    package var amounts: [String: Double]
    /// Viet Nam's share of a several-country activity, in per cent, when the file says.
    package var vietnamShare: Double?

    /// The calendar years the activity ran in (start to end, or start to its start when it has no end).
    package var years: ClosedRange<Int>? {
        guard let first = (start ?? end).flatMap(Self.year) else { return nil }
        let last = end.flatMap(Self.year) ?? first
        return min(first, last)...max(first, last)
    }

    private static func year(_ date: String) -> Int? { Int(date.prefix(4)) }
}
