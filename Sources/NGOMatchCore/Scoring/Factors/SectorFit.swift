/// How well an NGO's sectors match a need's: exact subsector > same parent >
/// another subsector of the parent, weighted by the need's priority for each
/// sector and the NGO's expertise there.
public enum SectorFit {
    public enum Tier: Int, Sendable, Comparable {
        case none, sibling, sameParent, exact
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct Result: Hashable, Sendable {
        public var value: Double
        /// The need sector that contributed most, and the NGO sector it matched.
        public var needSector: Int
        public var ngoSector: Int
        public var tier: Tier
        public var expertise: Int
    }

    /// - Parameters:
    ///   - needSectors: (taxonomy node, priority 1–5)
    ///   - ngoSectors: (taxonomy node, expertise 1–5)
    ///   - parent: each node's parent node, or -1 for a top-level sector
    public static func evaluate(
        needSectors: [(node: Int, priority: Int)], ngoSectors: [(node: Int, expertise: Int)], parent: [Int],
        rule: RuleSet.SectorFitRule
    ) -> Result {
        var weighted = 0.0
        var prioritySum = 0
        var best = Result(value: 0, needSector: -1, ngoSector: -1, tier: .none, expertise: 0)
        var bestContribution = -1.0
        for wanted in needSectors {
            prioritySum += wanted.priority
            var sectorBest = 0.0
            var sectorMatch = (node: -1, tier: Tier.none, expertise: 0)
            for offered in ngoSectors {
                let tier = tier(wanted.node, offered.node, parent)
                let tierValue: Double
                switch tier {
                case .exact: tierValue = 1
                case .sameParent: tierValue = rule.sameParent
                case .sibling: tierValue = rule.sibling
                case .none: continue
                }
                let value = tierValue * Double(offered.expertise) / 5
                if value > sectorBest {
                    sectorBest = value
                    sectorMatch = (offered.node, tier, offered.expertise)
                }
            }
            weighted += sectorBest * Double(wanted.priority)
            let contribution = sectorBest * Double(wanted.priority)
            if contribution > bestContribution, sectorMatch.node >= 0 {
                bestContribution = contribution
                best.needSector = wanted.node
                best.ngoSector = sectorMatch.node
                best.tier = sectorMatch.tier
                best.expertise = sectorMatch.expertise
            }
        }
        best.value = prioritySum > 0 ? weighted / Double(prioritySum) : 0
        return best
    }

    /// How `offered` relates to `wanted` in the taxonomy.
    public static func tier(_ wanted: Int, _ offered: Int, _ parent: [Int]) -> Tier {
        if wanted == offered { return .exact }
        let wantedParent = parent[wanted]
        let offeredParent = parent[offered]
        if wantedParent == offered || offeredParent == wanted { return .sameParent }
        if wantedParent >= 0 && wantedParent == offeredParent { return .sibling }
        return .none
    }
}
