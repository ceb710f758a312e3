import Hummingbird

/// The stylesheet, the script and the icon, compiled into the binary. Pages link them with
/// the assets' version in the query, so a browser may keep each for a year.
struct StaticRoutes {
    let pages: Pages

    static let types = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
    ]

    func add(to router: Router<WebContext>) {
        router.get("/static/:file") { _, context -> Response in
            let file = try context.parameters.require("file")
            let kind = String(file.split(separator: ".").last ?? "")
            guard let text = EmbeddedWebFiles.files[file], let type = Self.types[kind] else {
                throw HTTPError(.notFound)
            }
            var response = Response(
                status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
            response.headers[.cacheControl] = "public, max-age=31536000, immutable"
            response.headers[.eTag] = "\"\(pages.assetVersion)\""
            return response
        }
    }
}
