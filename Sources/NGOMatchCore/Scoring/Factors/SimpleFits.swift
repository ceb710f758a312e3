/// Factors with a single formula each; every one gives a value from 0 to 1.
package enum TargetGroupFit {
    /// The share of the need's groups the NGO serves; 1 when the need names none.
    package static func value(need: UInt32, ngo: UInt32) -> Double {
        let wanted = need.nonzeroBitCount
        guard wanted > 0 else { return 1 }
        return Double((need & ngo).nonzeroBitCount) / Double(wanted)
    }
}

package enum FundingFit {
    package enum Relation: Hashable, Sendable {
        case within
        /// The gap is smaller than the NGO's smallest typical grant.
        case belowRange
        /// The gap is larger than its largest: it could fund part.
        case aboveRange
        case unknown
    }

    /// 1 inside the range; below it, gap / min; above it, the share the largest grant covers;
    /// 0.5 when the NGO states no range.
    package static func evaluate(gap: Double, min: Double?, max: Double?) -> (value: Double, relation: Relation) {
        guard let min, let max else { return (0.5, .unknown) }
        if gap < min { return (min > 0 ? gap / min : 1, .belowRange) }
        if gap > max { return (gap > 0 ? max / gap : 1, .aboveRange) }
        return (1, .within)
    }
}

package enum TimeframeFit {
    /// The share of the need's days inside the certificate's validity; 0 without a certificate.
    package static func value(needStart: Int, needEnd: Int, certificate: ClosedRange<Int>?) -> Double {
        guard let certificate else { return 0 }
        let overlap = min(needEnd, certificate.upperBound) - max(needStart, certificate.lowerBound) + 1
        return overlap <= 0 ? 0 : Double(overlap) / Double(needEnd - needStart + 1)
    }
}

package enum Load {
    /// Spare yearly capacity: 1 with no open partnerships, 0 when full or with no capacity.
    package static func value(open: Int, capacity: Int) -> Double {
        guard capacity > 0 else { return 0 }
        return Swift.max(0, 1 - Double(open) / Double(capacity))
    }
}

package enum Underserved {
    /// 1 when no NGO works in the province, falling to 0 at `saturation` NGOs.
    package static func value(ngosWorkingThere: Int, saturation: Double) -> Double {
        Swift.max(0, 1 - Double(ngosWorkingThere) / saturation)
    }
}

package enum SectorEmphasis {
    /// The share of the need's priority in the emphasised sectors.
    package static func value(needSectors: some Collection<SectorEntry>, emphasised: UInt128) -> Double {
        var total: Int32 = 0
        var inside: Int32 = 0
        for entry in needSectors {
            total += entry.level
            if emphasised & (1 << UInt128(entry.node)) != 0 { inside += entry.level }
        }
        return total > 0 ? Double(inside) / Double(total) : 0
    }
}
