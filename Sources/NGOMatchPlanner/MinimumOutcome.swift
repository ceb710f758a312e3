import NGOMatchCore

/// What became of the participants' minimums: all met, or which are not and why.
public struct MinimumOutcome: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable {
        /// Every party has at least its minimum.
        case met
        /// Some minimums cannot all hold in any schedule; `certificates` (or a count before
        /// planning) shows why, and every party left short is covered by such a proof.
        case proven
        /// The planner found no schedule meeting them within its budget and could not prove that
        /// none exists; the shortfall is as small as it could make it.
        case notFound
    }

    public struct Shortfall: Hashable, Sendable, Codable {
        public let party: String
        public let name: String
        public let side: MinimumCertificate.Side
        public let wanted: Int
        public let got: Int
        /// Whether a proof covers this party's shortfall.
        public var proven = false
    }

    public let shortfalls: [Shortfall]
    public let certificates: [MinimumCertificate]
    /// Set when an exact search proved it: every schedule misses at least this many meetings
    /// in all (and the plan misses no more).
    public var leastMissing: Int? = nil

    public var status: Status {
        if shortfalls.isEmpty { return .met }
        return shortfalls.allSatisfy(\.proven) ? .proven : .notFound
    }

    /// Meetings missing in all, below the minimums.
    public var total: Int { shortfalls.reduce(0) { $0 + $1.wanted - $1.got } }
}
