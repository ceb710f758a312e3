import Foundation
import NGOMatchCore

/// What every page is, whatever it lists: for describing results (MCP's output schemas).
package protocol PagedResult {
    /// Each item as JSON, one at a time: a whole page of 100,000 NGOs read back as one value took a gigabyte.
    func forEachItem(_ body: (Data) throws -> Void) throws
}

/// One page of a list, in a stable order, with the total and where the next page starts.
package struct Page<Item: Encodable & Sendable>: Encodable, Sendable, PagedResult {
    package let items: [Item]
    /// How many items the whole list has, on every page.
    package let total: Int
    /// Pass as `after` for the next page; absent on the last one.
    package let next: String?

    package func forEachItem(_ body: (Data) throws -> Void) throws {
        for item in items { try body(StreamingJSONEncoder.encode(item)) }
    }
}

/// Cuts lists into pages. A cursor is opaque to clients: it names the list and the last key
/// of the page, so the next page starts right after it even when items were added in between.
package enum Paging {
    package static let largest = 1_000

    package static let limit = Parameter(
        "limit", .integer, "How many items to return, 1–1000 (default: all). Pass 'next' as 'after' for the next page.")
    package static let after = Parameter(
        "after", .text, "The 'next' value of the previous page, to continue the list after it.")

    /// - Parameters:
    ///   - list: the list's name ("needs"), written into cursors so that one list's cursor is not taken by another.
    ///   - key: each item's place in the order; unique.
    package static func page<Item>(
        _ items: [Item], list: String, key: (Item) -> String, limit: Int?, after: String?
    ) throws -> Page<Item> {
        try check(limit: limit)
        let keyed = items.map { (key: key($0), item: $0) }.sorted { $0.key < $1.key }
        var start = 0
        if let last = try lastKey(after: after, list: list) {
            start = keyed.partitionPoint { $0.key <= last }
        }
        let end = limit.map { min(keyed.count, start + $0) } ?? keyed.count
        let next = end < keyed.count && end > start ? encode(keyed[end - 1].key, list: list) : nil
        return Page(items: keyed[start..<end].map(\.item), total: keyed.count, next: next)
    }

    /// A page holds 1–1000 items, or the whole list when no limit is given.
    static func check(limit: Int?) throws {
        if let limit, !(1...largest).contains(limit) {
            throw ServiceError.invalidParams(field: "limit", expected: .key("params.limit", limit))
        }
    }

    /// The key of the last item of the previous page, from its cursor; nil on the first page.
    static func lastKey(after cursor: String?, list: String) throws -> String? {
        guard let cursor else { return nil }
        guard let last = decode(cursor, list: list) else {
            throw ServiceError.invalidParams(field: "after", expected: .key("params.after", list, cursor))
        }
        return last
    }

    static func encode(_ key: String, list: String) -> String {
        Data("\(list)\n\(key)".utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String, list: String) -> String? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let prefix = list + "\n"
        guard text.hasPrefix(prefix) else { return nil }
        return String(text.dropFirst(prefix.count))
    }
}

extension Array {
    /// The first index whose element does not satisfy `belongs`, in an array where every element
    /// that does comes first.
    fileprivate func partitionPoint(_ belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
