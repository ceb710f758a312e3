import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core, in order: for pure work on many records, such as reading and
    /// encoding the records of a large import, or on a few large pieces of work.
    /// - Parameter grain: how many elements a task takes at a time. Tasks are handed out as
    ///   cores come free, so a few slow elements do not hold one core while the other waits.
    package func concurrentMap<T: Sendable>(grain: Int = 256, _ transform: @Sendable (Element) -> T) -> [T] {
        let grain = Swift.max(1, grain)
        let chunkCount = (count + grain - 1) / grain
        let workers = Swift.min(chunkCount, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return map(transform) }
        let next = Atomic<Int>(0)
        let chunks = Mutex<[Int: [T]]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard chunk < chunkCount else { return }
                let start = chunk * grain
                let mapped = self[start..<Swift.min(count, start + grain)].map(transform)
                chunks.withLock { $0[chunk] = mapped }
            }
        }
        return chunks.withLock { chunks in (0..<chunkCount).flatMap { chunks[$0] ?? [] } }
    }
}
