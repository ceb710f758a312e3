import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core, in order: for pure work on many records, such as reading and
    /// encoding the records of a large import.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let chunkCount = Swift.min(count / 256 + 1, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard chunkCount > 1 else { return map(transform) }
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let chunks = Mutex<[Int: [T]]>([:])
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * chunkSize
            let end = Swift.min(count, start + chunkSize)
            guard start < end else { return }
            let mapped = self[start..<end].map(transform)
            chunks.withLock { $0[chunk] = mapped }
        }
        return chunks.withLock { chunks in (0..<chunkCount).flatMap { chunks[$0] ?? [] } }
    }
}
