import Foundation
import GRDB
import NGOMatchCore
import Synchronization

/// A snapshot of the compiled match index kept beside the registry file (as SQLite keeps its
/// `-wal` and `-shm` files), so that a new process on a large registry starts from it instead of
/// decoding and compiling every record. It is only ever replaced whole, never written in place,
/// and is used only for the registry and revision it names: anything else is compiled afresh.
extension Registry {
    package var snapshotPath: String { path + "-index" }

    static func lineage(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM registry_info WHERE key = 'lineage'")
    }

    /// The index the snapshot holds and the revision it was compiled at, when it is this
    /// registry's and no newer than the file; nil when there is none to use.
    package func snapshotMatchIndex() throws -> (index: MatchIndex, revision: Int)? {
        guard FileManager.default.fileExists(atPath: snapshotPath),
            let data = try? Data(contentsOf: URL(fileURLWithPath: snapshotPath), options: .alwaysMapped)
        else { return nil }
        guard let header = try? MatchIndex.snapshotHeader(data, reference: reference) else { return nil }
        let (revision, lineage, token) = try database.read { db in
            (try Self.revision(db), try Self.lineage(db), try Self.token(of: header.revision, db))
        }
        // The revision's token says the file reached that revision by the same writes.
        guard header.lineage == lineage, header.revision <= revision, header.token == token else { return nil }
        let damaged = MatchIndex.DamagedRecords(
            need: { [self] id in
                var changes = RecordChanges()
                changes.needs = [id]
                return try? records(changes).needs.first
            },
            ngo: { [self] id in
                var changes = RecordChanges()
                changes.ngos = [id]
                return try? records(changes).ngos.first
            })
        guard let loaded = try? MatchIndex(snapshot: data, reference: reference, damaged: damaged) else { return nil }
        return (loaded, header.revision)
    }

    /// Replaces the snapshot, through a file renamed into place so that a reader never sees half
    /// of one. A folder that refuses the file only costs the next process its head start.
    func writeSnapshot(_ write: (@escaping ([UInt8]) -> Void) -> Void) {
        removeAbandonedSnapshots()
        let temporary = snapshotPath + ".\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let file = FileHandle(forWritingAtPath: temporary)
        else { return }
        let failed = Mutex(false)
        write { buffer in
            guard !failed.withLock({ $0 }) else { return }
            do { try file.write(contentsOf: buffer) } catch { failed.withLock { $0 = true } }
        }
        let closed = (try? file.close()) != nil
        if failed.withLock({ $0 }) || !closed || rename(temporary, snapshotPath) != 0 { unlink(temporary) }
    }

    /// Half-written snapshots of processes that stopped while writing one (killed, out of disk):
    /// each may be as large as the snapshot. One younger than an hour may still be being written.
    private func removeAbandonedSnapshots() {
        let snapshot = URL(fileURLWithPath: snapshotPath)
        let folder = snapshot.deletingLastPathComponent()
        let prefix = snapshot.lastPathComponent + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let path = folder.appendingPathComponent(name).path
            guard let modified = try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date,
                Date().timeIntervalSince(modified) > 3600
            else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
