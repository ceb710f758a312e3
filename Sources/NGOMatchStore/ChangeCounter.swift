import Synchronization

/// A count shared by a registry and its copies (the registry is a value; its
/// connection pool and this counter are shared).
final class ChangeCounter: Sendable {
    private let value = Atomic<Int>(0)

    var count: Int { value.load(ordering: .acquiring) }

    func increment() { value.add(1, ordering: .releasing) }
}
