import Foundation

/// Why a snapshot of the match index cannot be used; the caller compiles the index afresh.
package struct SnapshotUnusable: Error, Sendable, CustomStringConvertible {
    package let reason: String
    package var description: String { reason }
}

/// Plain values and arrays of them written as their bytes in memory, so that reading a
/// snapshot back is a copy per array rather than a parse per value. Only for this machine and
/// build: the header records the layouts, and a snapshot made by another is compiled again.
struct SnapshotWriter {
    private var bytes: [UInt8] = []
    /// Given each full buffer in turn: a large registry's snapshot is never held whole in memory.
    private let sink: ([UInt8]) -> Void
    private static let bufferSize = 1 << 20

    init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        bytes.reserveCapacity(Self.bufferSize)
    }

    private mutating func append(_ raw: UnsafeRawBufferPointer) {
        bytes += raw
        if bytes.count >= Self.bufferSize { flush() }
    }

    /// Hands what is buffered to the sink; call once more at the end.
    mutating func flush() {
        guard !bytes.isEmpty else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func write<Value: BitwiseCopyable>(_ value: Value) {
        withUnsafeBytes(of: value) { append($0) }
    }

    /// Read back by `readArray` as one array: each element takes its stride, padding included.
    mutating func write<Value: BitwiseCopyable>(array values: ChunkedArray<Value>) {
        write(Int64(values.count))
        values.forEachChunk { chunk in chunk.withUnsafeBytes { append($0) } }
    }

    mutating func write<Value: BitwiseCopyable>(array values: [Value]) {
        write(Int64(values.count))
        values.withUnsafeBytes { append($0) }
    }

    /// Texts as their offsets and one run of UTF-8.
    mutating func write(texts: some Collection<String>) {
        var offsets: [Int64] = [0]
        offsets.reserveCapacity(texts.count + 1)
        for text in texts { offsets.append(offsets[offsets.count - 1] + Int64(text.utf8.count)) }
        write(array: offsets)
        write(offsets[offsets.count - 1])
        for text in texts {
            var text = text
            text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        }
    }
}

struct SnapshotReader {
    private let data: Data
    private var offset: Int

    init(_ data: Data) {
        self.data = data
        offset = data.startIndex
    }

    private mutating func take(_ count: Int) throws(SnapshotUnusable) -> Range<Int> {
        guard count >= 0, data.endIndex - offset >= count else { throw SnapshotUnusable(reason: "it is cut short") }
        defer { offset += count }
        return offset..<offset + count
    }

    mutating func read<Value: BitwiseCopyable>(_ type: Value.Type) throws(SnapshotUnusable) -> Value {
        let range = try take(MemoryLayout<Value>.size)
        return data[range].withUnsafeBytes { $0.loadUnaligned(as: Value.self) }
    }

    mutating func readArray<Value: BitwiseCopyable>(_ type: Value.Type) throws(SnapshotUnusable) -> [Value] {
        let count = Int(try read(Int64.self))
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Value>.stride)
        guard !overflow else { throw SnapshotUnusable(reason: "an array's length is impossible") }
        let range = try take(bytes)
        return [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            data[range].withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            initialized = count
        }
    }

    mutating func readTexts() throws(SnapshotUnusable) -> [String] {
        let (utf8, offsets) = try readRuns()
        return utf8.withUnsafeBytes { raw in
            offsets.indices.dropLast().map { item in
                String(decoding: raw[offsets[item]..<offsets[item + 1]], as: UTF8.self)
            }
        }
    }

    /// Texts left as bytes, with where each starts and, last, where the final one ends.
    mutating func readRuns() throws(SnapshotUnusable) -> (bytes: Data, offsets: [Int]) {
        let offsets = try readArray(Int64.self).map(Int.init)
        let count = Int(try read(Int64.self))
        let range = try take(count)
        guard offsets.first == 0, offsets.last == count, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
        else { throw SnapshotUnusable(reason: "its texts are out of order") }
        return (data[range], offsets)
    }

    var isAtEnd: Bool { offset == data.endIndex }
}

/// FNV-1a: a hash that is the same in every process (Swift's `Hasher` is seeded per process).
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ text: String) {
        for byte in text.utf8 { combine(byte) }
        combine(UInt8(0))
    }

    mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }
}
