import Foundation
import Hummingbird
import NGOMatchCore
import NGOMatchPlanner
import ZIPFoundation

/// Responses a browser saves as a file rather than shows.
enum Downloads {
    static func file(_ text: String, type: String, name: String) -> Response {
        file(ByteBuffer(string: text), type: type, name: name)
    }

    static func file(_ bytes: ByteBuffer, type: String, name: String) -> Response {
        var response = Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: bytes))
        response.headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// One zip of many files, deflated, built in memory: an event's agendas are a few
    /// hundred kilobytes at most.
    static func zip(_ files: [AgendaBundle.File], name: String, modified: Date = Date()) throws -> Response {
        let archive = try Archive(accessMode: .create)
        for file in files {
            let data = Data(file.text.utf8)
            try archive.addEntry(
                with: file.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return file(ByteBuffer(bytes: bytes), type: "application/zip", name: name)
    }
}
