import Foundation
import Synchronization

/// The index's records by position: each one either held decoded or, in an index loaded from
/// a snapshot, kept as its stored document and decoded the first time it is read. A ranking
/// reads only the records it reports, so a new process loading 100,000 NGOs from a snapshot
/// decodes a handful rather than all of them.
package struct RecordTable<Record: Decodable & Sendable>: RandomAccessCollection, MutableCollection, Sendable {
    private var stored: StoredDocuments<Record>?
    /// Stored records written since the snapshot was loaded, by position, in groups of 1,024
    /// positions: a write copies the one group a reader still shares, not every record written
    /// since the start (which grew with every write of a long-running server).
    private var replaced: [[Int: Record]] = []
    private static var groupShift: Int { 10 }
    /// Every record of a table built from records; in a loaded one, those appended after the stored ones.
    private var held: ChunkedArray<Record>

    package init(_ records: some Sequence<Record>) {
        held = ChunkedArray(records)
    }

    init(stored: StoredDocuments<Record>) {
        self.stored = stored
        held = ChunkedArray()
    }

    private var storedCount: Int { stored?.count ?? 0 }

    package var startIndex: Int { 0 }
    package var endIndex: Int { storedCount + held.count }

    package subscript(position: Int) -> Record {
        get {
            guard let stored, position < stored.count else { return held[position - storedCount] }
            return replacement(at: position) ?? stored.record(at: position)
        }
        set {
            guard position < storedCount else {
                held[position - storedCount] = newValue
                return
            }
            let group = position >> Self.groupShift
            if replaced.count <= group { replaced += Array(repeating: [:], count: group + 1 - replaced.count) }
            replaced[group][position] = newValue
        }
    }

    private func replacement(at position: Int) -> Record? {
        let group = position >> Self.groupShift
        return group < replaced.count ? replaced[group][position] : nil
    }

    package mutating func append(_ record: Record) { held.append(record) }

    /// Every record, in order: the stored ones not read yet are decoded on every core, as
    /// one by one would take a list of 100,000 NGOs seconds.
    package func all() -> [Record] {
        guard let stored else { return Array(held) }
        let missing = Array(0..<stored.count).filter { replacement(at: $0) == nil }
        stored.decode(missing)
        return Array(self)
    }
}

/// Documents of one snapshot, decoded on first use and kept: every reader of the index shares them.
final class StoredDocuments<Record: Decodable & Sendable>: Sendable {
    private let bytes: Data
    /// Where each document starts in `bytes`; one more entry than documents, for the last one's end.
    private let offsets: [Int]
    private let decoded = Mutex<[Int: Record]>([:])
    /// The record as the registry holds it now, for a document damaged on disk since it was written.
    private let damaged: @Sendable (Int) -> Record?

    init(bytes: Data, offsets: [Int], damaged: @escaping @Sendable (Int) -> Record?) {
        self.bytes = bytes
        self.offsets = offsets
        self.damaged = damaged
    }

    var count: Int { offsets.count - 1 }

    /// Decodes the records at these positions that are not decoded yet, on every core.
    func decode(_ positions: [Int]) {
        let known = decoded.withLock { Set($0.keys) }
        let wanted = positions.filter { !known.contains($0) }
        let records = wanted.concurrentMap { position in (position, self.decodeDocument(at: position)) }
        decoded.withLock { decoded in
            for (position, record) in records { decoded[position] = record }
        }
    }

    func record(at position: Int) -> Record {
        if let record = decoded.withLock({ $0[position] }) { return record }
        let record = decodeDocument(at: position)
        decoded.withLock { $0[position] = record }
        return record
    }

    private func decodeDocument(at position: Int) -> Record {
        let document = bytes[bytes.startIndex + offsets[position]..<bytes.startIndex + offsets[position + 1]]
        do {
            return try JSONParser.parse(Array(document)).decode(Record.self)
        } catch {
            // The document decoded when the snapshot was written, and a snapshot is replaced
            // whole, never written in place: only a damaged disk gets here. The record is read
            // from the registry instead, as it is now.
            guard let record = damaged(position) else {
                preconditionFailure(
                    "a record in the index snapshot no longer decodes (\(error)); delete the -index file")
            }
            return record
        }
    }
}
