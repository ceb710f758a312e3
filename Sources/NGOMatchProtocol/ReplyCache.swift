import Foundation
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Synchronization

/// Encoded results of read methods, kept while the registry's changes leave them true.
///
/// Most calls during a meeting ask the same few questions ("which NGOs for this
/// need?") of a registry that changes a few times a minute; explaining and
/// encoding ten candidates costs far more than looking the answer up. A new
/// revision drops the replies its changes could alter (all of them when the changes are
/// not known: an import, another process); reaching the bound drops everything, which
/// keeps memory flat however many distinct questions arrive.
struct ReplyCache: Sendable {
    static let maximumEntries = 4096
    static let maximumBytes = 64 << 20

    private struct Entry: Sendable {
        let result: Data
        let scope: ReplyScope
    }

    private(set) var revision = -1
    private var entries: [[UInt8]: Entry] = [:]
    private var bytes = 0

    /// The key of a call: the method's name and its parameters with sorted keys.
    static func key(method: String, params: JSONValue?) -> [UInt8] {
        var key = Array(method.utf8)
        key.append(0)
        key += StreamingJSONEncoder.bytes(of: params ?? .null)
        return key
    }

    func result(for key: [UInt8], at revision: Int) -> Data? {
        revision == self.revision ? entries[key]?.result : nil
    }

    var count: Int { entries.count }

    /// Moves to a later revision, keeping the replies that `changes` leave true; nil changes
    /// (not known) keep nothing.
    mutating func advance(to revision: Int, changes: RecordChanges?, trackRecordChanged: Bool) {
        guard revision > self.revision else { return }
        self.revision = revision
        guard let changes else { return clear() }
        // Removed where they lie: a write during a meeting changes a few replies of thousands,
        // and building the dictionary afresh for each write cost a server under 100 writes a
        // second a seventh of its time.
        let dropped = entries.compactMap { key, entry in
            entry.scope.survives(changes, trackRecordChanged: trackRecordChanged) ? nil : key
        }
        for key in dropped {
            if let entry = entries.removeValue(forKey: key) { bytes -= key.count + entry.result.count }
        }
    }

    /// Keeps a result made at `revision`; one made at an earlier revision than the cache's is not kept.
    mutating func store(_ result: Data, scope: ReplyScope, for key: [UInt8], at revision: Int) {
        if revision < self.revision { return }
        if revision > self.revision {
            self.revision = revision
            clear()
        }
        if entries.count >= Self.maximumEntries || bytes + result.count > Self.maximumBytes { clear() }
        entries[key] = Entry(result: result, scope: scope)
        bytes += result.count + key.count
    }

    private mutating func clear() {
        entries.removeAll(keepingCapacity: true)
        bytes = 0
    }
}

/// The reply cache shared by a server's connections: the protocol keeps encoded replies,
/// the operations below it never see them.
final class KeptReplies: Sendable {
    private let cache = Mutex(ReplyCache())

    var count: Int { cache.withLock { $0.count } }

    /// The kept reply at `revision`, after dropping those the writes since the last revision seen changed.
    func result(for key: [UInt8], at revision: Int, service: MatchService) -> Data? {
        cache.withLock { cache in
            if revision > cache.revision { Self.advance(&cache, to: revision, service: service) }
            return cache.result(for: key, at: revision)
        }
    }

    func store(_ result: Data, for key: [UInt8], scope: ReplyScope, at revision: Int, service: MatchService) {
        cache.withLock { cache in
            if revision > cache.revision { Self.advance(&cache, to: revision, service: service) }
            cache.store(result, scope: scope, for: key, at: revision)
        }
    }

    private static func advance(_ cache: inout ReplyCache, to revision: Int, service: MatchService) {
        // The first revision seen has nothing kept to carry over.
        let changes = cache.revision < 0 ? nil : service.changes(after: cache.revision, through: revision)
        let trackRecordChanged = changes.map { service.changesTrackRecord($0.needs) } ?? true
        cache.advance(to: revision, changes: changes, trackRecordChanged: trackRecordChanged)
    }

    /// The key of a call whose result may be kept: not one under a rule file, which may
    /// change under the same name (the protocol refuses those anyway; stdio's local user may not).
    static func key(_ method: String, _ params: JSONValue?) -> [UInt8]? {
        func isPath(_ value: JSONValue) -> Bool {
            if case .string(let rules) = value { return RuleSetSource.looksLikePath(rules) }
            return false
        }
        switch params?["rules"] {
        case let rules? where isPath(rules): return nil
        case .array(let items)? where items.contains(where: isPath): return nil
        default: return ReplyCache.key(method: method, params: params)
        }
    }
}
