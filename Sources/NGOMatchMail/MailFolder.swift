import Foundation
import NGOMatchStore

/// Messages as `.eml` files in a folder: what a mail program opens with a double click.
struct MailFolder {
    let path: String

    /// Writes the message whole or not at all; written again (after a crash before it was
    /// recorded), it replaces itself rather than making a second file.
    func write(_ message: ClaimedMessage) throws {
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = String(format: "%06d", message.id) + "-" + Self.safeName(message.recipient) + ".eml"
        let target = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent(".\(name).\(getpid()).tmp")
        try Data(message.message.utf8).write(to: temporary)
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw MailFolderError(path: target.path, reason: reason)
        }
    }

    /// The address as a file name: letters, digits, `@`, `.`, `-`, `_` only.
    static func safeName(_ address: String) -> String {
        String(address.map { $0.isASCII && ($0.isLetter || $0.isNumber || "@.-_".contains($0)) ? $0 : "_" })
    }
}

struct MailFolderError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write \(path): \(reason)" }
}
