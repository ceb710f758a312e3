import Hummingbird
import Synchronization

/// Where hummingbird-auth keeps the web's sessions: in memory, and never more than `limit` of
/// them, so memory follows the people signed in however many cookie-less requests arrive.
/// A restart signs everyone out, which a token or an e-mailed code makes cheap.
final class SessionDriver: PersistDriver {
    private struct Item {
        let value: any Codable & Sendable
        let expires: ContinuousClock.Instant?
    }

    let limit: Int
    /// Which values go first when the limit is reached (after the expired ones): a browser that
    /// never signed in loses less than a person who did.
    private let disposable: @Sendable (any Codable & Sendable) -> Bool
    private let items = Mutex<[String: Item]>([:])

    init(limit: Int, disposable: @escaping @Sendable (any Codable & Sendable) -> Bool) {
        self.limit = limit
        self.disposable = disposable
    }

    var count: Int { items.withLock { $0.count } }

    func create(key: String, value: some Codable & Sendable, expires: Duration?) async throws {
        try items.withLock { items in
            guard items[key] == nil else { throw PersistError.duplicate }
            insert(key, Item(value: value, expires: expires.map { .now + $0 }), into: &items)
        }
    }

    func set(key: String, value: some Codable & Sendable, expires: Duration?) async throws {
        items.withLock { items in
            let until = expires.map { ContinuousClock.now + $0 } ?? items[key]?.expires
            insert(key, Item(value: value, expires: until), into: &items)
        }
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: type)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (
        object: Object, ttl: Duration?
    )? {
        let now = ContinuousClock.now
        guard let item = items.withLock({ $0[key] }) else { return nil }
        if let expires = item.expires, expires <= now { return nil }
        guard let object = item.value as? Object else { throw PersistError.invalidConversion }
        return (object, item.expires.map { now.duration(to: $0) })
    }

    func remove(key: String) async throws { _ = items.withLock { $0.removeValue(forKey: key) } }

    /// Makes room before a new key: the expired go first, then the oldest disposable ones down
    /// to nine tenths of the limit (so a flood does not sweep away a stranger's sign-in form
    /// at every step), and only then the oldest of all.
    private func insert(_ key: String, _ item: Item, into items: inout [String: Item]) {
        if items[key] == nil, items.count >= limit {
            let now = ContinuousClock.now
            items = items.filter { $0.value.expires.map { $0 > now } ?? true }
            if items.count >= limit {
                let room = items.count - limit * 9 / 10
                let oldest = items.filter { disposable($0.value.value) }.sorted { Self.older($0.value, $1.value) }
                for (old, _) in oldest.prefix(room) { items[old] = nil }
            }
            if items.count >= limit {
                let oldest = items.sorted { Self.older($0.value, $1.value) }
                for (old, _) in oldest.prefix(items.count - limit + 1) { items[old] = nil }
            }
        }
        items[key] = item
    }

    private static func older(_ one: Item, _ other: Item) -> Bool {
        switch (one.expires, other.expires) {
        case (let a?, let b?): a < b
        case (_?, nil): true
        default: false
        }
    }
}
