import Foundation
import NGOMatchCore

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
