/// How one ranking changes between two rule sets: each candidate's rank and score under
/// both, its move, and the factors whose points changed most, so a planner can see why.
package struct RankingComparison: Hashable, Sendable, Encodable {
    /// Where a candidate stands under one rule set.
    package struct Standing: Hashable, Sendable, Encodable {
        /// 1 for the best; nil when a hard filter (or the minimum score) removes it.
        package let rank: Int?
        package let score: Double
        /// The filters that removed it, when it is removed.
        package let removedBy: [String]
    }

    /// A factor's points for this candidate under each rule set.
    package struct FactorChange: Hashable, Sendable, Encodable {
        package let factor: String
        package let name: String
        package let before: Double
        package let after: Double
        package var change: Double { ((after - before) * 100).rounded() / 100 }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(factor, forKey: .factor)
            try container.encode(name, forKey: .name)
            try container.encode(before, forKey: .before)
            try container.encode(after, forKey: .after)
            try container.encode(change, forKey: .change)
        }

        private enum Keys: String, CodingKey { case factor, name, before, after, change }
    }

    package struct Row: Hashable, Sendable, Encodable {
        /// The NGO (ranking for a need) or the need (ranking for an NGO).
        package let id: String
        package let name: String
        package let before: Standing?
        package let after: Standing?
        /// Places gained (positive) or lost; nil when it is ranked under only one of the two.
        package let move: Int?
        /// The factors whose points changed, largest change first (at most three).
        package let factors: [FactorChange]
    }

    /// What is ranked: a need (for NGOs) or an NGO (for needs).
    package let subject: String
    package let subjectName: String
    package let before: String
    package let after: String
    /// Every candidate in the top `limit` under either rule set, in the order of the second.
    package let rows: [Row]

    /// - Parameters:
    ///   - before, after: each rule set's ranked and removed candidates, best first.
    ///   - key: the candidate's id and name in a report.
    package init(
        subject: String, subjectName: String,
        before: (rules: String, ranked: [AssessmentReport], excluded: [AssessmentReport]),
        after: (rules: String, ranked: [AssessmentReport], excluded: [AssessmentReport]), limit: Int,
        key: (AssessmentReport) -> (id: String, name: String)
    ) {
        self.subject = subject
        self.subjectName = subjectName
        self.before = before.rules
        self.after = after.rules
        func standings(_ ranked: [AssessmentReport], _ excluded: [AssessmentReport]) -> [String: (
            Standing, AssessmentReport
        )] {
            var result: [String: (Standing, AssessmentReport)] = [:]
            for (offset, report) in ranked.enumerated() {
                result[key(report).id] = (Standing(rank: offset + 1, score: report.score, removedBy: []), report)
            }
            for report in excluded where result[key(report).id] == nil {
                result[key(report).id] = (
                    Standing(rank: nil, score: report.score, removedBy: report.failedFilters.map(\.filter.rawValue)),
                    report
                )
            }
            return result
        }
        let old = standings(before.ranked, before.excluded)
        let new = standings(after.ranked, after.excluded)
        var ids: [String] = []
        var seen: Set<String> = []
        for report in after.ranked.prefix(limit) + before.ranked.prefix(limit)
        where seen.insert(key(report).id).inserted {
            ids.append(key(report).id)
        }
        rows = ids.map { id in
            let was = old[id]
            let now = new[id]
            let report = (now ?? was)!.1
            let move: Int? =
                if let from = was?.0.rank, let to = now?.0.rank { from - to } else { nil }
            return Row(
                id: id, name: key(report).name, before: was?.0, after: now?.0, move: move,
                factors: Self.changes(was?.1, now?.1))
        }
        .sorted { Self.order($0.after?.rank, $1.after?.rank, $0.before?.rank, $1.before?.rank) }
    }

    /// Ranked under the second set first, by rank; then those only the first ranked, by their old rank.
    private static func order(_ a: Int?, _ b: Int?, _ oldA: Int?, _ oldB: Int?) -> Bool {
        switch (a, b) {
        case (let a?, let b?): a < b
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): (oldA ?? .max) < (oldB ?? .max)
        }
    }

    private static func changes(_ before: AssessmentReport?, _ after: AssessmentReport?) -> [FactorChange] {
        var byFactor: [String: (name: String, before: Double, after: Double)] = [:]
        for factor in before?.factors ?? [] { byFactor[factor.factor.rawValue] = (factor.name, factor.points, 0) }
        for factor in after?.factors ?? [] {
            byFactor[factor.factor.rawValue, default: (factor.name, 0, 0)].after = factor.points
            byFactor[factor.factor.rawValue]?.name = factor.name
        }
        let changes: [FactorChange] = byFactor.map { factor, points in
            FactorChange(factor: factor, name: points.name, before: points.before, after: points.after)
        }
        let sorted = changes.filter { $0.change != 0 }.sorted { (a: FactorChange, b: FactorChange) -> Bool in
            abs(a.change) != abs(b.change) ? abs(a.change) > abs(b.change) : a.factor < b.factor
        }
        return Array(sorted.prefix(3))
    }

    /// The rows that moved most (entering or leaving the ranking counts as the largest move).
    package var biggestMoves: [Row] {
        rows.filter { $0.move != 0 }
            .sorted { weight($0) != weight($1) ? weight($0) > weight($1) : $0.id < $1.id }
            .prefix(3)
            .map { $0 }
    }

    private func weight(_ row: Row) -> Int { row.move.map(abs) ?? Int.max }
}
