import Dispatch
import Synchronization

/// Work started on other threads now, its result taken later: an import reads its next slice of
/// records while the writing thread inserts the one before.
final class SliceReading<Item: Sendable>: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let items = Mutex<[Item]>([])

    init(_ work: @escaping @Sendable () -> [Item]) {
        DispatchQueue.global().async {
            let read = work()
            self.items.withLock { $0 = read }
            self.finished.signal()
        }
    }

    /// Waits for the work; call once.
    func result() -> [Item] {
        finished.wait()
        return items.withLock { items in
            defer { items = [] }
            return items
        }
    }
}
