import Foundation

/// Where an NGO works, seen from the need's province: there now > there before >
/// nearby (same region or close) > nationwide > elsewhere, fading with distance.
package enum Geography {
    package enum Tier: Hashable, Sendable {
        case current
        case past
        /// The nearest province it works in, nearby.
        case nearby(province: Int)
        case nationwide
        /// The nearest province it works in, and how far it is.
        case elsewhere(province: Int, km: Double)
        case unknown
    }

    package struct Result: Hashable, Sendable {
        package var value: Double
        package var tier: Tier
    }

    /// - Parameters:
    ///   - province: the need's province
    ///   - current, past: bit masks of provinces
    ///   - sameRegion: whether two provinces share a region
    ///   - distance: km between two provinces' centres
    package static func evaluate(
        province: Int, current: UInt64, past: UInt64, nationwide: Bool, rule: RuleSet.GeographyRule,
        sameRegion: (Int, Int) -> Bool, distance: (Int, Int) -> Double
    ) -> Result {
        let bit: UInt64 = 1 << UInt64(province)
        if current & bit != 0 { return Result(value: 1, tier: .current) }
        var best = Result(value: 0, tier: .unknown)
        if past & bit != 0 { best = Result(value: rule.past, tier: .past) }
        var nearest = -1
        var nearestKm = Double.infinity
        var remaining = current
        while remaining != 0 {
            let other = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            let km = distance(province, other)
            let isNear = sameRegion(province, other) || km <= rule.nearbyKm
            if isNear, rule.nearby > best.value { best = Result(value: rule.nearby, tier: .nearby(province: other)) }
            if km < nearestKm {
                nearestKm = km
                nearest = other
            }
        }
        if nationwide, rule.nationwide > best.value { best = Result(value: rule.nationwide, tier: .nationwide) }
        if nearest >= 0 {
            let faded = rule.elsewhere * exp(-nearestKm / rule.decayKm)
            if faded > best.value { best = Result(value: faded, tier: .elsewhere(province: nearest, km: nearestKm)) }
        }
        return best
    }
}

extension Geography {
    /// The value every NGO would get for one need's province, worked out once for a ranking
    /// that bounds thousands of NGOs: what working in each other province is worth (nearby, or
    /// faded with distance), so an NGO's value is the best of its provinces' entries. The same
    /// value `evaluate` gives, without its distances and exponentials per NGO.
    package struct Table: Sendable {
        let province: Int
        let rule: RuleSet.GeographyRule
        let worthOfWorkingIn: [Double]

        package init(
            province: Int, provinceCount: Int, rule: RuleSet.GeographyRule, sameRegion: (Int, Int) -> Bool,
            distance: (Int, Int) -> Double
        ) {
            self.province = province
            self.rule = rule
            worthOfWorkingIn = (0..<provinceCount).map { other in
                let km = distance(province, other)
                let near = sameRegion(province, other) || km <= rule.nearbyKm ? rule.nearby : 0
                return max(near, rule.elsewhere * exp(-km / rule.decayKm))
            }
        }

        @inline(__always)
        package func value(current: UInt64, past: UInt64, nationwide: Bool) -> Double {
            let bit: UInt64 = 1 << UInt64(province)
            if current & bit != 0 { return 1 }
            var best = past & bit != 0 ? rule.past : 0
            if nationwide { best = max(best, rule.nationwide) }
            var remaining = current
            while remaining != 0 {
                best = max(best, worthOfWorkingIn[remaining.trailingZeroBitCount])
                remaining &= remaining - 1
            }
            return best
        }
    }
}
