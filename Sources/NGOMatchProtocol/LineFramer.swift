/// Splits a byte stream into lines, one JSON-RPC message each, with a limit.
///
/// A line longer than `maximumLength` is not kept in memory: the framer reports
/// it once, then discards bytes up to the next newline, and the stream goes on.
/// `\r\n` endings are accepted; empty lines are skipped.
public struct LineFramer: Sendable {
    public enum Frame: Equatable, Sendable {
        case line([UInt8])
        /// A line over the limit was dropped.
        case tooLong
    }

    public let maximumLength: Int
    private var buffer: [UInt8] = []
    private var discarding = false

    public init(maximumLength: Int = 1 << 20) { self.maximumLength = maximumLength }

    /// Feeds bytes; returns the complete frames they finish.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [Frame] {
        var frames: [Frame] = []
        var start = bytes.startIndex
        while start != bytes.endIndex {
            let newline = bytes[start...].firstIndex(of: 0x0A)
            let chunk = bytes[start..<(newline ?? bytes.endIndex)]
            if discarding {
                // Dropped: the rest of an over-long line.
            } else if buffer.count + chunk.count > maximumLength {
                discarding = true
                buffer.removeAll(keepingCapacity: false)
                frames.append(.tooLong)
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
            start = bytes.index(after: newline)
        }
        return frames
    }

    /// At the end of the stream: a last line without a newline, if any.
    public mutating func finish() -> Frame? {
        defer {
            buffer.removeAll()
            discarding = false
        }
        guard !discarding else { return nil }
        if buffer.last == 0x0D { buffer.removeLast() }
        return buffer.isEmpty ? nil : .line(buffer)
    }
}
