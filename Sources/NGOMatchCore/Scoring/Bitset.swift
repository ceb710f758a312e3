/// A fixed-size set of small integers, for intersecting candidate lists quickly.
struct Bitset: Sendable, Equatable {
    private(set) var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    init(words: [UInt64]) { self.words = words }

    mutating func insert(_ member: Int) { words[member >> 6] |= 1 << UInt64(member & 63) }

    mutating func remove(_ member: Int) { words[member >> 6] &= ~(1 << UInt64(member & 63)) }

    /// Makes room for members below `count`, as `init(count:)` would: sets over the same
    /// records must have the same size to be intersected.
    mutating func grow(toHold count: Int) {
        let needed = (count + 63) / 64
        if words.count < needed { words += [UInt64](repeating: 0, count: needed - words.count) }
    }

    func contains(_ member: Int) -> Bool { words[member >> 6] & (1 << UInt64(member & 63)) != 0 }

    mutating func formUnion(_ other: Bitset) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    mutating func formIntersection(_ other: Bitset) {
        for index in words.indices { words[index] &= other.words[index] }
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Calls `body` with each member in increasing order.
    func forEachMember(_ body: (Int) -> Void) {
        for (wordIndex, word) in words.enumerated() {
            var remaining = word
            while remaining != 0 {
                body(wordIndex << 6 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
    }
}
