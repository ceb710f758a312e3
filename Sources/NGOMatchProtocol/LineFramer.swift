#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a byte stream into lines, one JSON-RPC message each, with a limit.
///
/// A line longer than `maximumLength` is not kept in memory: the framer reports
/// it once, then discards bytes up to the next newline, and the stream goes on.
/// `\r\n` endings are accepted; empty lines are skipped.
package struct LineFramer: Sendable {
    package enum Frame: Equatable, Sendable {
        case line([UInt8])
        /// A line over the limit was dropped.
        case tooLong
    }

    package let maximumLength: Int
    private var buffer: [UInt8] = []
    private var discarding = false

    package init(maximumLength: Int = 1 << 20) { self.maximumLength = maximumLength }

    /// Feeds bytes; returns the complete frames they finish.
    package mutating func feed(_ bytes: some Collection<UInt8>) -> [Frame] {
        if let frames = bytes.withContiguousStorageIfAvailable({ feed(UnsafeRawBufferPointer($0)) }) {
            return frames
        }
        return Array(bytes).withUnsafeBytes { feed($0) }
    }

    /// Feeds bytes in place; newlines are found with `memchr`, the framer's whole cost under pipelined load.
    package mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [Frame] {
        var frames: [Frame] = []
        var start = 0
        while start < bytes.count {
            let rest = bytes.count - start
            let found = memchr(bytes.baseAddress! + start, 0x0A, rest)
            let newline = found.map { bytes.baseAddress!.distance(to: UnsafeRawPointer($0)) }
            let chunk = UnsafeRawBufferPointer(rebasing: bytes[start..<(newline ?? bytes.count)])
            if discarding {
                // Dropped: the rest of an over-long line.
            } else if buffer.count + chunk.count > maximumLength {
                discarding = true
                buffer.removeAll(keepingCapacity: false)
                frames.append(.tooLong)
            } else if buffer.isEmpty, let newline {
                // The whole line is in this read: copied once, without the buffer.
                var line = Array(chunk)
                if line.last == 0x0D { line.removeLast() }
                if !line.isEmpty { frames.append(.line(line)) }
                start = newline + 1
                continue
            } else {
                buffer.append(contentsOf: chunk)
            }
            guard let newline else { break }
            if discarding {
                discarding = false
            } else {
                if buffer.last == 0x0D { buffer.removeLast() }
                if !buffer.isEmpty { frames.append(.line(buffer)) }
                buffer.removeAll(keepingCapacity: true)
            }
            start = newline + 1
        }
        return frames
    }

    /// At the end of the stream: a last line without a newline, if any.
    package mutating func finish() -> Frame? {
        defer {
            buffer.removeAll()
            discarding = false
        }
        guard !discarding else { return nil }
        if buffer.last == 0x0D { buffer.removeLast() }
        return buffer.isEmpty ? nil : .line(buffer)
    }
}
