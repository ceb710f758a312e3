import Crypto
import Foundation

/// A registry table as both stores hold it: what a copy between SQLite and PostgreSQL reads,
/// writes and checks, with no meaning attached to any row.
package struct TableShape: Hashable, Sendable {
    package struct Column: Hashable, Sendable {
        package enum Kind: String, Sendable {
            case text, integer, real, boolean, blob
        }
        package let name: String
        package let kind: Kind
        package let nullable: Bool

        package init(name: String, kind: Kind, nullable: Bool) {
            self.name = name
            self.kind = kind
            self.nullable = nullable
        }
    }

    package let name: String
    package let columns: [Column]
    /// An auto-incremented id whose next value must follow the copied rows.
    package let identity: String?

    package init(name: String, columns: [Column], identity: String?) {
        self.name = name
        self.columns = columns
        self.identity = identity
    }
}

/// One cell of a row; a boolean is the integer 0 or 1, as SQLite keeps it.
package enum CellValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A table's row count and a digest of its rows that does not depend on their order, so that
/// two stores that sort text differently still agree on the same rows.
package struct TableChecksum: Hashable, Sendable, CustomStringConvertible {
    package let rows: Int
    package let digest: String

    package var description: String { "\(rows) rows, sha256 \(digest.prefix(16))" }

    /// The running form: fed row by row, finished once.
    package struct Builder: Sendable {
        private var rowDigests: [[UInt8]] = []

        package init() {}

        package mutating func add(_ row: [CellValue]) {
            var hasher = SHA256()
            for cell in row { Self.feed(cell, into: &hasher) }
            rowDigests.append(Array(hasher.finalize()))
        }

        package func finish() -> TableChecksum {
            let sorted = rowDigests.sorted { $0.lexicographicallyPrecedes($1) }
            var hasher = SHA256()
            for digest in sorted { hasher.update(data: digest) }
            let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
            return TableChecksum(rows: rowDigests.count, digest: hex)
        }

        // A tag and a length before every value, so that no two rows encode alike.
        private static func feed(_ cell: CellValue, into hasher: inout SHA256) {
            func put(_ tag: UInt8, _ bytes: [UInt8]) {
                var length = UInt64(bytes.count).bigEndian
                hasher.update(data: [tag])
                withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
                hasher.update(data: bytes)
            }
            switch cell {
            case .null: put(0, [])
            case .integer(let value): put(1, withUnsafeBytes(of: value.bigEndian) { Array($0) })
            case .real(let value): put(2, withUnsafeBytes(of: value.bitPattern.bigEndian) { Array($0) })
            case .text(let value): put(3, Array(value.utf8))
            case .blob(let value): put(4, value)
            }
        }
    }
}
