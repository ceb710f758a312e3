import Foundation
import Hummingbird
import MultipartKit

/// A submitted `multipart/form-data` form (RFC 7578): the fields and the uploaded files.
struct MultipartForm {
    struct Part {
        let name: String
        /// The name the browser gave the file, without any folder; nil for a plain field.
        let fileName: String?
        let bytes: [UInt8]
    }

    let parts: [Part]

    /// - Throws: `WebError.badRequest` when the body is not multipart or is larger than `limit`.
    static func read(_ request: Request, limit: Int, problem: String) async throws -> MultipartForm {
        guard let type = request.headers[.contentType], let boundary = boundary(in: type) else {
            throw WebError(kind: .badRequest, message: problem)
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: limit) } catch {
            throw WebError(kind: .badRequest, message: problem)
        }
        var parts: [Part] = []
        var headers: [(String, String)] = []
        var bytes: [UInt8] = []
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { buffer in bytes += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            if let name = parameter("name", in: disposition) {
                let fileName = parameter("filename", in: disposition).map(baseName)
                parts.append(Part(name: name, fileName: fileName, bytes: bytes))
            }
            headers = []
            bytes = []
        }
        do { try parser.execute(body) } catch { throw WebError(kind: .badRequest, message: problem) }
        return MultipartForm(parts: parts)
    }

    subscript(field: String) -> String? {
        parts.first { $0.name == field && $0.fileName == nil }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// Files chosen in the field, skipping the empty part a browser sends when none was chosen.
    func files(_ field: String) -> [Part] {
        parts.filter { $0.name == field && $0.fileName.map { !$0.isEmpty } == true }
    }

    static func boundary(in contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            let value = piece.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 70 ? nil : value
        }
        return nil
    }

    /// A parameter of a Content-Disposition header, quoted or not.
    static func parameter(_ name: String, in header: String) -> String? {
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let key = rest[..<equals].lowercased()
            var value = rest[rest.index(after: equals)...]
            var parsed = ""
            if value.first == "\"" {
                value = value.dropFirst()
                var escaped = false
                var end = value.endIndex
                for index in value.indices {
                    let character = value[index]
                    if escaped {
                        parsed.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        end = index
                        break
                    } else {
                        parsed.append(character)
                    }
                }
                rest = end < value.endIndex ? value[value.index(after: end)...] : value[value.endIndex...]
            } else {
                let end = value.firstIndex(of: ";") ?? value.endIndex
                parsed = String(value[..<end]).trimmingCharacters(in: .whitespaces)
                rest = value[end...]
            }
            if key == name { return parsed }
        }
        return nil
    }

    /// Old browsers send the whole path of the chosen file.
    private static func baseName(_ name: String) -> String {
        String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
    }
}
