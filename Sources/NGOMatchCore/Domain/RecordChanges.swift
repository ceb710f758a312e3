/// Which records a committed change touched, by id: what an index kept in memory must read
/// again to follow the change instead of being built afresh.
package struct RecordChanges: Hashable, Sendable {
    package var needs: Set<NeedID> = []
    package var ngos: Set<NGOID> = []
    /// Pairs as (need, NGO).
    package var partnerships: Set<[String]> = []
    /// A stored rule set was added or removed: nothing the index holds, but every score under it.
    package var ruleSets = false

    package init() {}

    package var count: Int { needs.count + ngos.count + partnerships.count }

    package mutating func formUnion(_ other: RecordChanges) {
        needs.formUnion(other.needs)
        ngos.formUnion(other.ngos)
        partnerships.formUnion(other.partnerships)
        ruleSets = ruleSets || other.ruleSets
    }
}
