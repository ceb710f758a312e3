import Mustache

/// Escaping for every value a page shows, decided per Unicode scalar.
///
/// Mustache's own HTML escaping compares whole `Character`s, and a quote followed by a
/// combining mark is one `Character`: a name like `x"́ onfocus=…` would leave an attribute
/// open. Every template declares this content type first (`{{% CONTENT_TYPE: ngomatch-html}}`),
/// and a test renders hostile names through each page.
struct HTMLText: MustacheContentType {
    static let name = "ngomatch-html"

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        escaped.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            default:
                // Control characters other than line breaks and tabs are not text a page may hold.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                if (0x7F...0x9F).contains(scalar.value) { continue }
                escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    static func register() { MustacheContentTypes.register(HTMLText(), named: name) }
}
