import NGOMatchCore

/// What became of the participants' minimums: all met, or which are not and why.
package struct MinimumOutcome: Hashable, Sendable {
    package enum Status: String, Hashable, Sendable, Codable {
        /// Every party has at least its minimum.
        case met
        /// Some minimums cannot all hold in any schedule; `certificates` (or a count before
        /// planning) shows why, and every party left short is covered by such a proof.
        case proven
        /// The planner found no schedule meeting them within its budget and could not prove that
        /// none exists; the shortfall is as small as it could make it.
        case notFound
    }

    package struct Shortfall: Hashable, Sendable, Codable {
        package let party: String
        package let name: String
        package let side: MinimumCertificate.Side
        package let wanted: Int
        package let got: Int
        /// Whether a proof covers this party's shortfall.
        package var proven = false
    }

    package let shortfalls: [Shortfall]
    package let certificates: [MinimumCertificate]
    /// Set when an exact search proved it: every schedule misses at least this many meetings
    /// in all (and the plan misses no more).
    package var leastMissing: Int? = nil

    package var status: Status {
        if shortfalls.isEmpty { return .met }
        return shortfalls.allSatisfy(\.proven) ? .proven : .notFound
    }

    /// Meetings missing in all, below the minimums.
    package var total: Int { shortfalls.reduce(0) { $0 + $1.wanted - $1.got } }
}
