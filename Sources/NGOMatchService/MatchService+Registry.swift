import Foundation
import NGOMatchCore
import NGOMatchStore

/// The whole registry in and out: imports all or nothing, exports in the import format, and
/// consistent backups. The CLI and the web app both come through here.
extension MatchService {
    /// - Parameter checkOnly: validate against the registry without writing.
    /// - Throws: `ValidationFailure` listing every invalid record (nothing written), or
    ///   `ServiceError.forbidden` for a caller that is not the ministry.
    package func importDocuments(
        _ documents: [ImportDocument], checkOnly: Bool, caller: Caller, progress: (Int) -> Void = { _ in }
    ) throws -> ImportSummary {
        try caller.mayHandle(.wholeRegistry, "import")
        let (summary, compiled) = try registry.importDocumentsCompiling(
            documents, checkOnly: checkOnly, audit: caller.audit("import"), progress: progress)
        if let compiled {
            adopt(compiled.index, at: compiled.revision)
        } else if !checkOnly, summary.leftAHole {
            // Too large to be followed in place: compiled now, and its snapshot written, so that
            // the next process (the CLI's next command) starts from it, not from every record.
            _ = try? index()
        }
        return summary
    }

    /// Every NGO, then every need, then every partnership, in the import format.
    package func exportRecords(caller: Caller) throws -> [JSONValue] {
        try caller.mayHandle(.wholeRegistry, "export")
        return try registry.exportRecords()
    }

    /// A consistent copy of the registry file, taken while others keep writing.
    package func backupData(caller: Caller) throws -> Data {
        try caller.mayHandle(.wholeRegistry, "backup")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ngomatch-backup-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("registry.sqlite")
        try registry.backup(to: file.path)
        return try Data(contentsOf: file)
    }
}

extension MatchService {
    /// How many NGOs and needs the registry holds, for a page that says so before an import.
    package func counts() throws -> (ngos: Int, needs: Int) {
        let counts = try registry.counts()
        return (counts.ngos, counts.needs)
    }
}

extension MatchService {
    /// Uploaded files as documents to import, and the problems of those that cannot be read
    /// at all (not UTF-8, not JSON): every file is read, so that every problem is told at once.
    package func readUploads(_ files: [(name: String, bytes: [UInt8])]) -> (
        documents: [ImportDocument], unreadable: [ImportDocument.FileError]
    ) {
        var documents: [ImportDocument] = []
        var unreadable: [ImportDocument.FileError] = []
        for file in files {
            do {
                documents.append(try ImportDocument(bytes: file.bytes, fileName: file.name))
            } catch {
                unreadable.append(error)
            }
        }
        return (documents, unreadable)
    }
}
