/// The HTML of a notice: one column with the site's colours, styles inline as mail readers
/// need them, every text escaped.
package enum NoticeLayout {
    package struct Block: Sendable {
        let html: String

        package static func paragraph(_ text: String) -> Block {
            Block(html: "<p style=\"margin:0 0 1em\">\(escape(text))</p>")
        }

        /// A paragraph whose lines stay lines (a list of meetings).
        package static func lines(_ text: String) -> Block {
            Block(
                html: "<p style=\"margin:0 0 1em\">"
                    + text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
                    .joined(separator: "<br>") + "</p>")
        }

        /// A line that leads somewhere: its text is the link.
        package static func link(_ text: String, href: String) -> Block {
            Block(html: "<p style=\"margin:0 0 1em\"><a href=\"\(escape(href))\">\(escape(text))</a></p>")
        }

        /// A link drawn as the site's main button.
        package static func button(_ label: String, href: String) -> Block {
            Block(
                html: """
                    <p style="margin:1.5em 0"><a href="\(escape(href))" style="background:#0b5cab;color:#ffffff;\
                    padding:.7em 1.4em;border-radius:4px;text-decoration:none;font-weight:600;\
                    display:inline-block">\(escape(label))</a></p>
                    """)
        }

        /// A code to type, large and spaced so it reads at a glance.
        package static func code(_ label: String, _ code: String) -> Block {
            Block(
                html: """
                    <p style="margin:0 0 .25em;color:#4a5563">\(escape(label))</p>
                    <p style="margin:0 0 1em;font-size:1.6em;letter-spacing:.2em;font-weight:700;\
                    font-family:Menlo,Consolas,monospace">\(escape(code))</p>
                    """)
        }

        /// One entry of a list: its text (a link when it leads somewhere) and a line under it.
        package static func item(_ text: String, href: String?, detail: String?) -> Block {
            let title = href.map { "<a href=\"\(escape($0))\">\(escape(text))</a>" } ?? escape(text)
            let under = detail.map { "<br><span style=\"color:#4a5563;font-size:.875em\">\(escape($0))</span>" } ?? ""
            return Block(html: "<p style=\"margin:0 0 .75em\">\(title)\(under)</p>")
        }

        /// A section's title within the message.
        package static func heading(_ text: String) -> Block {
            Block(html: "<h2 style=\"margin:1.5em 0 .5em;font-size:1.1em\">\(escape(text))</h2>")
        }

        package static func small(_ text: String) -> Block {
            Block(html: "<p style=\"margin:1.5em 0 0;color:#4a5563;font-size:.875em\">\(escape(text))</p>")
        }
    }

    package static func page(title: String, language: Language, _ blocks: [Block]) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
        <title>\(escape(title))</title></head>
        <body style="margin:0;background:#f3f5f8;color:#1b2430;\
        font-family:'Noto Sans','Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;line-height:1.5">
        <div style="background:#12344d;color:#ffffff;padding:.75em 1.25em;font-weight:700;font-size:1.25em">ngomatch</div>
        <div style="max-width:36em;margin:1em auto;background:#ffffff;border:1px solid #d5dae1;border-radius:6px;\
        padding:1em 1.25em">
        <h1 style="font-size:1.4em;line-height:1.25;margin:.25em 0 1em">\(escape(title))</h1>
        \(blocks.map(\.html).joined(separator: "\n"))
        </div>
        </body>
        </html>
        """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
