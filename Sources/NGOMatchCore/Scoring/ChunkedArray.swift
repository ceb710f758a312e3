/// An array kept in fixed-size chunks, so that changing one element of a copy that is
/// shared (an index a reader still holds while a write updates it) copies one chunk, not
/// the whole array: on 100,000 NGOs a whole copy cost more than the write itself.
package struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
    static var shift: Int { 10 }
    static var chunkSize: Int { 1 << shift }

    private var chunks: [[Element]] = []
    package private(set) var count = 0

    package init() {}

    package init(_ elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    package subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "index out of range")
            return chunks[position >> Self.shift][position & (Self.chunkSize - 1)]
        }
        set {
            precondition(position >= 0 && position < count, "index out of range")
            chunks[position >> Self.shift][position & (Self.chunkSize - 1)] = newValue
        }
    }

    /// Calls `body` with each chunk in order: the elements without copying them into one array.
    func forEachChunk(_ body: ([Element]) -> Void) {
        for chunk in chunks { body(chunk) }
    }

    package mutating func append(_ element: Element) {
        if count & (Self.chunkSize - 1) == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
