/// How well an NGO's sectors match a need's: exact subsector > same parent >
/// another subsector of the parent, weighted by the need's priority for each
/// sector and the NGO's expertise there.
package enum SectorFit {
    package enum Tier: Int, Sendable, Comparable {
        case none, sibling, sameParent, exact
        package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    package struct Result: Hashable, Sendable {
        package var value: Double
        /// The need sector that contributed most, and the NGO sector it matched.
        package var needSector: Int
        package var ngoSector: Int
        package var tier: Tier
        package var expertise: Int
    }

    /// - Parameters:
    ///   - needSectors: taxonomy node and priority 1–5 of each sector the need asks for
    ///   - ngoSectors: taxonomy node and expertise 1–5 of each sector the NGO offers
    ///   - parent: each node's parent node, or -1 for a top-level sector
    package static func evaluate<
        Wanted: RandomAccessCollection<SectorEntry>, Offered: RandomAccessCollection<SectorEntry>
    >(
        needSectors: Wanted, ngoSectors: Offered, parent: [Int32], rule: RuleSet.SectorFitRule
    ) -> Result {
        var weighted = 0.0
        var prioritySum: Int32 = 0
        var best = Result(value: 0, needSector: -1, ngoSector: -1, tier: .none, expertise: 0)
        var bestContribution = -1.0
        for wanted in needSectors {
            prioritySum += wanted.level
            let match = bestOffer(for: wanted.node, among: ngoSectors, parent: parent, rule: rule)
            let contribution = match.value * Double(wanted.level)
            weighted += contribution
            if contribution > bestContribution, match.node >= 0 {
                bestContribution = contribution
                best.needSector = Int(wanted.node)
                best.ngoSector = Int(match.node)
                best.tier = match.tier
                best.expertise = Int(match.level)
            }
        }
        best.value = prioritySum > 0 ? weighted / Double(prioritySum) : 0
        return best
    }

    /// The sector fit from each wanted node's best offer, already known: the same
    /// sum as `evaluate`, for callers that score one NGO against many needs.
    @inline(__always)
    package static func value<Wanted: RandomAccessCollection<SectorEntry>>(
        needSectors: Wanted, bestOffer: (Int32) -> Double
    ) -> Double {
        var weighted = 0.0
        var prioritySum: Int32 = 0
        for wanted in needSectors {
            prioritySum += wanted.level
            weighted += bestOffer(wanted.node) * Double(wanted.level)
        }
        return prioritySum > 0 ? weighted / Double(prioritySum) : 0
    }

    /// The NGO sector that serves `wanted` best, and its value: the tier's value × expertise / 5.
    @inline(__always)
    package static func bestOffer<Offered: Collection<SectorEntry>>(
        for wanted: Int32, among offered: Offered, parent: [Int32], rule: RuleSet.SectorFitRule
    ) -> (value: Double, node: Int32, tier: Tier, level: Int32) {
        var best = (value: 0.0, node: Int32(-1), tier: Tier.none, level: Int32(0))
        for offer in offered {
            let tier = tier(wanted, offer.node, parent)
            let tierValue: Double
            switch tier {
            case .exact: tierValue = 1
            case .sameParent: tierValue = rule.sameParent
            case .sibling: tierValue = rule.sibling
            case .none: continue
            }
            let value = tierValue * Double(offer.level) / 5
            if value > best.value { best = (value, offer.node, tier, offer.level) }
        }
        return best
    }

    /// How `offered` relates to `wanted` in the taxonomy.
    @inline(__always)
    package static func tier(_ wanted: Int32, _ offered: Int32, _ parent: [Int32]) -> Tier {
        if wanted == offered { return .exact }
        let wantedParent = parent[Int(wanted)]
        let offeredParent = parent[Int(offered)]
        if wantedParent == offered || offeredParent == wanted { return .sameParent }
        if wantedParent >= 0 && wantedParent == offeredParent { return .sibling }
        return .none
    }
}

/// A sector of a need or an NGO, compiled: its taxonomy node and its priority or expertise (1–5).
package struct SectorEntry: Hashable, Sendable, BitwiseCopyable {
    package var node: Int32
    package var level: Int32

    package init(node: Int, level: Int) {
        self.node = Int32(node)
        self.level = Int32(level)
    }
}

extension SectorFit {
    /// One need's sectors against every taxonomy node, worked out once for a ranking that bounds
    /// thousands of NGOs: each wanted sector's tier value for each node an NGO may offer. The same
    /// value `evaluate` gives, without working out tiers per NGO.
    package struct Table: Sendable {
        let nodeCount: Int
        let priorities: [Double]
        /// `tierValues[wanted * nodeCount + node]`.
        let tierValues: [Double]
        let prioritySum: Int32

        package init<Wanted: Collection<SectorEntry>>(needSectors: Wanted, parent: [Int32], rule: RuleSet.SectorFitRule)
        {
            nodeCount = parent.count
            priorities = needSectors.map { Double($0.level) }
            prioritySum = needSectors.reduce(0) { $0 + $1.level }
            tierValues = needSectors.flatMap { wanted in
                (0..<parent.count).map { node in
                    switch tier(wanted.node, Int32(node), parent) {
                    case .exact: 1
                    case .sameParent: rule.sameParent
                    case .sibling: rule.sibling
                    case .none: 0
                    }
                }
            }
        }

        @inline(__always)
        package func value<Offered: Collection<SectorEntry>>(offered: Offered) -> Double {
            guard prioritySum > 0 else { return 0 }
            var weighted = 0.0
            for (wanted, priority) in priorities.enumerated() {
                let row = wanted * nodeCount
                var best = 0.0
                for offer in offered { best = max(best, tierValues[row + Int(offer.node)] * Double(offer.level)) }
                weighted += best / 5 * priority
            }
            return weighted / Double(prioritySum)
        }
    }
}
