/// Rows of a table built in Swift rather than by a Mustache section, for tables of hundreds of
/// rows (an event's master grid, its participants, the day's check-in list): a section costs
/// about a tenth of a millisecond a row in context lookups, the whole page's time on a large
/// event. Every value still goes through `HTMLText.escape`; the template inserts the result
/// unescaped (`{{{rows}}}`) because it is already HTML.
struct HTMLRows {
    enum Cell {
        case text(String)
        case link(String, href: String)
        /// Already HTML, made by `HTMLRows` itself (a form).
        case html(String)
    }

    private(set) var html = ""

    mutating func row(_ cells: [Cell]) {
        html += "<tr>"
        for cell in cells {
            html += "<td>"
            switch cell {
            case .text(let text): html += HTMLText.escape(text)
            case .link(let text, let href):
                html += "<a href=\"\(HTMLText.escape(href))\">\(HTMLText.escape(text))</a>"
            case .html(let markup): html += markup
            }
            html += "</td>"
        }
        html += "</tr>"
    }

    /// A form posting to `action` with the CSRF token and one button per `(name, value, label)`.
    static func form(action: String, csrf: String, buttons: [(name: String, value: String, label: String)]) -> String {
        var markup =
            "<form method=\"post\" action=\"\(HTMLText.escape(action))\" class=\"inline\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(HTMLText.escape(csrf))\">"
        for button in buttons {
            markup +=
                "<button type=\"submit\" name=\"\(HTMLText.escape(button.name))\" value=\"\(HTMLText.escape(button.value))\""
                + " class=\"secondary\">\(HTMLText.escape(button.label))</button> "
        }
        return markup + "</form>"
    }
}
