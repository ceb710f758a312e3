import NGOMatchCore
import NGOMatchStore
import Synchronization

/// The operations of ngomatch, over one registry. The CLI and the protocol both
/// call these methods: one operation, two doors.
///
/// Reads share a compiled `MatchIndex`, rebuilt only when the registry's revision
/// moves (a write here, or by another process on the same file).
public final class Service: Sendable {
    public let registry: Registry
    private let cache = Mutex<(revision: Int, index: MatchIndex)?>(nil)
    /// Parsed rule sets by name or by file and modification time: parsing YAML
    /// costs far more than a ranking.
    private let ruleCache = Mutex<[String: RuleSet]>([:])
    /// Told of every need registered through this service, after it is stored.
    private let needObservers = Mutex<[@Sendable (NeedID) -> Void]>([])

    public init(registry: Registry) { self.registry = registry }

    public var reference: ReferenceData { registry.reference }

    /// The compiled index at the registry's current revision.
    public func index() throws -> MatchIndex {
        let revision = try registry.revision()
        if let cached = cache.withLock({ $0 }), cached.revision == revision { return cached.index }
        let fresh = try registry.revisedMatchIndex()
        cache.withLock { current in
            if current == nil || current!.revision < fresh.revision { current = (fresh.revision, fresh.index) }
        }
        return fresh.index
    }

    /// Calls `observer` with the id of each need registered from now on (subscriptions use it).
    public func observeRegisteredNeeds(_ observer: @escaping @Sendable (NeedID) -> Void) {
        needObservers.withLock { $0.append(observer) }
    }

    func needRegistered(_ id: NeedID) {
        for observer in needObservers.withLock({ $0 }) { observer(id) }
    }

    /// A rule set by shipped name or file.
    public func rules(_ name: String?) throws -> RuleSet {
        let name = name ?? "default"
        let key = RuleSetSource.cacheKey(name)
        if let cached = ruleCache.withLock({ $0[key] }) { return cached }
        let rules = try RuleSetSource.load(name, taxonomy: reference.taxonomy)
        ruleCache.withLock { $0[key] = rules }
        return rules
    }
}
