import Foundation
import NGOMatchCore
import NGOMatchStore
import Synchronization

/// Encoded results of read methods at one registry revision.
///
/// Most calls during a meeting ask the same few questions ("which NGOs for this
/// need?") of a registry that changes a few times a minute; explaining and
/// encoding ten candidates costs far more than looking the answer up. A new
/// revision empties the cache; so does reaching its bound, which keeps memory
/// flat however many distinct questions arrive.
struct ReplyCache: Sendable {
    static let maximumEntries = 4096
    static let maximumBytes = 64 << 20

    private(set) var revision = -1
    private var entries: [[UInt8]: Data] = [:]
    private var bytes = 0

    /// The key of a call: the method's name and its parameters with sorted keys.
    static func key(method: String, params: JSONValue?) -> [UInt8] {
        var key = Array(method.utf8)
        key.append(0)
        key += StreamingJSONEncoder.bytes(of: params ?? .null)
        return key
    }

    func result(for key: [UInt8], at revision: Int) -> Data? {
        revision == self.revision ? entries[key] : nil
    }

    mutating func store(_ result: Data, for key: [UInt8], at revision: Int) {
        // Lookups ask at the current revision, so a result stored at any other is never served.
        if revision != self.revision
            || entries.count >= Self.maximumEntries || bytes + result.count > Self.maximumBytes
        {
            clear(revision)
        }
        entries[key] = result
        bytes += result.count + key.count
    }

    private mutating func clear(_ revision: Int) {
        self.revision = revision
        entries.removeAll(keepingCapacity: true)
        bytes = 0
    }
}

/// The reply cache shared by a server's connections: the protocol keeps encoded replies,
/// the operations below it never see them.
final class KeptReplies: Sendable {
    private let cache = Mutex(ReplyCache())

    func result(for key: [UInt8], at revision: Int) -> Data? {
        cache.withLock { $0.result(for: key, at: revision) }
    }

    func store(_ result: Data, for key: [UInt8], at revision: Int) {
        cache.withLock { $0.store(result, for: key, at: revision) }
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
