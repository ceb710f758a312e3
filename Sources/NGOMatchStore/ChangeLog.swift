import NGOMatchCore
import Synchronization

/// The changes committed through this registry, by the revision each made. Only changes
/// whose records are known are logged; anything else (an import, a restored backup, another
/// process) leaves a hole, and whoever needs the revisions across a hole rebuilds.
final class ChangeLog: Sendable {
    static let kept = 4096
    private let entries = Mutex<[Int: RecordChanges]>([:])

    func record(_ changes: RecordChanges?, at revision: Int) {
        entries.withLock { entries in
            if let changes { entries[revision] = changes } else { entries[revision] = nil }
            if entries.count > Self.kept {
                for old in entries.keys.sorted().prefix(entries.count - Self.kept) { entries[old] = nil }
            }
        }
    }

    func forget() { entries.withLock { $0.removeAll() } }

    /// Every change after `start` up to `end`, or nil when any revision between is not logged.
    func changes(after start: Int, through end: Int) -> RecordChanges? {
        guard start < end else { return start == end ? RecordChanges() : nil }
        return entries.withLock { entries in
            var all = RecordChanges()
            for revision in (start + 1)...end {
                guard let changes = entries[revision] else { return nil }
                all.formUnion(changes)
            }
            return all
        }
    }
}
