/// Which records a committed change touched, by id: what an index kept in memory must read
/// again to follow the change instead of being built afresh.
public struct RecordChanges: Hashable, Sendable {
    public var needs: Set<NeedID> = []
    public var ngos: Set<NGOID> = []
    /// Pairs as (need, NGO).
    public var partnerships: Set<[String]> = []
    /// A stored rule set was added or removed: nothing the index holds, but every score under it.
    public var ruleSets = false

    public init() {}

    public var count: Int { needs.count + ngos.count + partnerships.count }

    public mutating func formUnion(_ other: RecordChanges) {
        needs.formUnion(other.needs)
        ngos.formUnion(other.ngos)
        partnerships.formUnion(other.partnerships)
        ruleSets = ruleSets || other.ruleSets
    }
}
