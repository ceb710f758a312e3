import Hummingbird

/// A page that cannot be shown, with what the reader can do about it; rendered as an
/// error page in the reader's language by `ErrorPageMiddleware`.
struct WebError: Error {
    enum Kind { case notFound, forbidden, csrf, host, tooMany, badRequest }
    let kind: Kind
    /// Already in the reader's language.
    let message: String

    var status: HTTPResponse.Status {
        switch kind {
        case .notFound: .notFound
        case .forbidden, .csrf, .host: .forbidden
        case .tooMany: .tooManyRequests
        case .badRequest: .badRequest
        }
    }
}
