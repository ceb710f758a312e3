import Foundation
import Hummingbird
import Mustache
import NGOMatchCore
import NGOMatchService

/// The templates, compiled once, and how a page becomes a response.
struct Pages: Sendable {
    let library: MustacheLibrary
    /// Changes whenever a stylesheet or script changes, so browsers may keep them for a year.
    let assetVersion: String

    init() throws {
        HTMLText.register()
        var library = MustacheLibrary()
        for (path, text) in EmbeddedWebFiles.files where path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            try library.register(text, named: name)
        }
        self.library = library
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for path in EmbeddedWebFiles.files.keys.sorted() where !path.hasSuffix(".mustache") {
            for byte in EmbeddedWebFiles.files[path]!.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        assetVersion = String(hash, radix: 36)
    }

    /// A page: `values` for the template, beside what the layout needs.
    func render(
        _ template: String, title: String, _ values: PageRecord, context: WebContext, request: Request,
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        var all = layout(title: title, context: context, request: request)
        if let notice { all["notice"] = notice }
        for (key, value) in values { all[key] = value }
        let html = library.render(all.pageValue, withTemplate: template) ?? ""
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func layout(title: String, context: WebContext, request: Request) -> PageRecord {
        let language = context.language
        let session = context.session
        var values: PageRecord = [
            "lang": language.rawValue, "title": title, "t": WebText.table(language), "assetVersion": assetVersion,
            "isVi": language == .vi, "isEn": language == .en, "here": Self.percentEncoded(request.uri.path),
            "csrf": session?.csrf,
        ]
        values["nav"] = Navigation.links(
            for: session, language: language, path: request.uri.path, unread: context.unread)
        values["who"] = context.who
        values["canSignOut"] = session.map { $0.caller.role != nil } ?? false
        return values
    }

    /// A path as a query value: only unreserved characters and `/` stay as they are.
    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }

    /// A query string of the pairs that have a value, in their order, each value percent-encoded.
    static func query(_ pairs: [(key: String, value: String?)]) -> String {
        pairs.compactMap { pair in pair.value.map { "\(pair.key)=\(percentEncoded($0))" } }.joined(separator: "&")
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
