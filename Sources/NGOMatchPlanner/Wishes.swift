import NGOMatchCore

/// Participants' wishes to meet, and how they raise a pair's value.
///
/// A wish multiplies the pair's score: each side's wish adds a quarter of its
/// weight, and a mutual wish adds half the smaller weight again, so a mutual wish
/// of weight 1 doubles the value and a one-sided one raises it by a quarter.
/// A wish never makes a pair that may not meet (unscored, avoided, below
/// `minScore`) possible.
package struct Wishes: Sendable {
    package enum Kind: String, Hashable, Sendable, Codable {
        case fromProvince, fromNGO, mutual

        var reason: String {
            switch self {
            case .fromProvince: "the province asked for this meeting"
            case .fromNGO: "the NGO asked for this meeting"
            case .mutual: "both sides asked for this meeting"
            }
        }
    }

    private var byPair: [ResolvedEvent.Position: (province: Double, ngo: Double)] = [:]

    package init(_ wishes: [ResolvedEvent.Wish]) {
        for wish in wishes {
            let key = ResolvedEvent.Position(province: wish.province, ngo: wish.ngo)
            var weights = byPair[key] ?? (0, 0)
            if wish.fromProvince {
                weights.province = max(weights.province, wish.weight)
            } else {
                weights.ngo = max(weights.ngo, wish.weight)
            }
            byPair[key] = weights
        }
    }

    package func factor(province: Int, ngo: Int) -> Double {
        guard let weights = byPair[ResolvedEvent.Position(province: province, ngo: ngo)] else { return 1 }
        return 1 + 0.25 * weights.province + 0.25 * weights.ngo + 0.5 * min(weights.province, weights.ngo)
    }

    package func kind(province: Int, ngo: Int) -> Kind? {
        guard let weights = byPair[ResolvedEvent.Position(province: province, ngo: ngo)] else { return nil }
        switch (weights.province > 0, weights.ngo > 0) {
        case (true, true): return .mutual
        case (true, false): return .fromProvince
        case (false, true): return .fromNGO
        case (false, false): return nil
        }
    }
}
