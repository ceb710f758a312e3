import Foundation

/// A document uploaded to a pair's dossier, checked before it is kept: within the size limit,
/// of a type a dossier holds, its bytes starting as that type's do (HTML named `.pdf` is
/// refused), and its name reduced to a plain file name.
package struct UploadedDocument: Hashable, Sendable {
    package static let maximumBytes = 10 * 1024 * 1024

    package let fileName: String
    package let contentType: String
    package let bytes: [UInt8]

    /// What a dossier may hold, by extension, with how each type's files begin.
    static let types: [String: (contentType: String, magic: [[UInt8]])] = [
        "pdf": ("application/pdf", [Array("%PDF-".utf8)]),
        "docx": (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]
        ),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [[0x50, 0x4B, 0x03, 0x04]]),
        "odt": ("application/vnd.oasis.opendocument.text", [[0x50, 0x4B, 0x03, 0x04]]),
        "doc": ("application/msword", [[0xD0, 0xCF, 0x11, 0xE0]]),
        "jpg": ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        "jpeg": ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        "png": ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
    ]

    package static var allowedExtensions: [String] { types.keys.sorted() }

    /// - Throws: `UploadProblem` saying what is wrong and what would do.
    package init(fileName typed: String, bytes: [UInt8]) throws(UploadProblem) {
        let name = Self.plainName(typed)
        guard !bytes.isEmpty else { throw UploadProblem(.key("upload.empty", name)) }
        guard bytes.count <= Self.maximumBytes else {
            throw UploadProblem(.key("upload.tooLarge", name, "\(bytes.count / 1024 / 1024)", "10"))
        }
        let suffix = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard name.contains("."), let type = Self.types[suffix] else {
            throw UploadProblem(.key("upload.type", name, Self.allowedExtensions.joined(separator: ", ")))
        }
        guard type.magic.contains(where: { bytes.starts(with: $0) }) else {
            throw UploadProblem(.key("upload.notWhatItSays", name, suffix.uppercased()))
        }
        self.fileName = name
        self.contentType = type.contentType
        self.bytes = bytes
    }

    /// The last part of what was typed, with nothing that a file system or a header would read
    /// as more than a name: `../x` is `x`, `C:\a\b.pdf` is `b.pdf`.
    static func plainName(_ typed: String) -> String {
        let last = typed.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { scalar in
            scalar.value >= 0x20 && scalar.value != 0x7F && !"\"<>|:*?".unicodeScalars.contains(scalar)
        }
        var name = String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespaces)
        while name.hasPrefix(".") { name.removeFirst() }
        return name.isEmpty ? "document" : String(name.prefix(120))
    }
}

/// Why an upload was refused.
package struct UploadProblem: Error, Hashable, Sendable, CustomStringConvertible, Readable {
    package let phrase: Phrase
    init(_ phrase: Phrase) { self.phrase = phrase }
    package var description: String { text(.en) }
}
