import Foundation

/// A message as RFC 5322 and MIME (RFC 2045–2049) write it: a UTF-8 `text/plain` part, an
/// optional `text/html` alternative, attachments, and headers that are ASCII, folded and free
/// of any line break the caller's text held. Values in, bytes out: sending is not its concern.
package struct MailMessage: Sendable {
    package struct Attachment: Hashable, Sendable {
        package let fileName: String
        /// e.g. `text/calendar; method=PUBLISH`.
        package let contentType: String
        package let data: [UInt8]

        package init(fileName: String, contentType: String, data: [UInt8]) {
            self.fileName = fileName
            self.contentType = contentType
            self.data = data
        }
    }

    package var from: MailAddress
    package var to: [MailAddress]
    package var subject: String
    package var date: Date
    /// `<unique@host>`: kept across retries, so that a repeat is recognisable.
    package var messageID: String
    package var text: String
    package var html: String?
    package var attachments: [Attachment]
    /// Further fields (`List-Unsubscribe`), their values already in header form.
    package var extraHeaders: [(name: String, value: String)]

    package init(
        from: MailAddress, to: [MailAddress], subject: String, date: Date, messageID: String, text: String,
        html: String? = nil, attachments: [Attachment] = [], extraHeaders: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.html = html
        self.attachments = attachments
        self.extraHeaders = extraHeaders
    }

    /// The whole message, lines ended by CRLF.
    package var rendered: String {
        var lines = [
            MailHeader.field("From", mailboxes: [from]), MailHeader.field("To", mailboxes: to),
            MailHeader.field("Subject", text: subject), "Date: \(Self.dateText(date))",
            "Message-ID: \(MailHeader.oneLine(messageID))", "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
        ]
        for header in extraHeaders {
            lines.append("\(header.name): \(MailHeader.oneLine(header.value))")
        }
        // "=_" never stands in base64 or in the parts' own headers, so the boundary cannot
        // occur in the content; made from the Message-ID, a message renders the same every time.
        let boundary = "=_ngomatch_" + String(Self.fnv1a(messageID), radix: 16)
        let body = Self.alternative(text: text, html: html, boundary: boundary + "_alt")
        if attachments.isEmpty {
            lines += body.headers
            return lines.joined(separator: "\r\n") + "\r\n\r\n" + body.content
        }
        // Folded before the boundary: with it, the line could pass 78 characters.
        lines.append("Content-Type: multipart/mixed;\r\n boundary=\"\(boundary)\"")
        var content = "--\(boundary)\r\n" + body.headers.joined(separator: "\r\n") + "\r\n\r\n" + body.content
        for attachment in attachments {
            let name = MailHeader.oneLine(attachment.fileName).replacingOccurrences(of: "\"", with: "'")
            content += "\r\n--\(boundary)\r\n"
            content += "Content-Type: \(MailHeader.oneLine(attachment.contentType))\r\n"
            content += "Content-Transfer-Encoding: base64\r\n"
            // A name that is not plain ASCII in UTF-8, as RFC 2231 writes a parameter.
            let ascii = name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }
            content +=
                ascii
                ? "Content-Disposition: attachment; filename=\"\(name)\"\r\n\r\n"
                : "Content-Disposition: attachment;\r\n" + Self.continued(Self.percentEncoded(name)) + "\r\n\r\n"
            content += Self.base64Lines(attachment.data)
        }
        content += "\r\n--\(boundary)--\r\n"
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + content
    }

    /// The text part alone, or the text and HTML parts as alternatives.
    private static func alternative(text: String, html: String?, boundary: String) -> (
        headers: [String], content: String
    ) {
        let textPart = (
            ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"],
            base64Lines(Array(normalised(text).utf8))
        )
        guard let html else { return textPart }
        let htmlPart = base64Lines(Array(normalised(html).utf8))
        let content =
            "--\(boundary)\r\n" + textPart.0.joined(separator: "\r\n") + "\r\n\r\n" + textPart.1
            + "\r\n--\(boundary)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + htmlPart + "\r\n--\(boundary)--\r\n"
        return (["Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\""], content)
    }

    /// A body's line breaks as CRLF, whatever the text used.
    private static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// Base64 in lines of 76 characters, each ended by CRLF (RFC 2045 §6.8).
    static func base64Lines(_ bytes: [UInt8]) -> String {
        let encoded = Data(bytes).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return encoded.isEmpty ? "" : encoded + "\r\n"
    }

    /// An encoded file name in RFC 2231 continuations (`filename*0*=UTF-8''…;`), each line
    /// within 78 characters, never splitting a `%XX`.
    private static func continued(_ encoded: String) -> String {
        var pieces: [String] = []
        var piece = ""
        for character in encoded {
            // A `%` starts three characters that stay together.
            if character == "%", piece.count > 54 {
                pieces.append(piece)
                piece = ""
            } else if character != "%", piece.count >= 60, piece.dropLast().last != "%", piece.last != "%" {
                pieces.append(piece)
                piece = ""
            }
            piece.append(character)
        }
        pieces.append(piece)
        return pieces.enumerated().map { index, piece in
            " filename*\(index)*=\(index == 0 ? "UTF-8''" : "")\(piece)\(index < pieces.count - 1 ? ";" : "")"
        }.joined(separator: "\r\n")
    }

    /// RFC 2231's percent-encoding: letters, digits and `-._` as they are.
    private static func percentEncoded(_ name: String) -> String {
        name.utf8.map { byte in
            let scalar = Unicode.Scalar(byte)
            return byte < 0x80
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))
                    || "-._".contains(Character(scalar)))
                ? String(Character(scalar)) : String(format: "%%%02X", byte)
        }.joined()
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    /// `Mon, 07 Dec 2026 09:15:00 +0000` (RFC 5322 §3.3), in UTC.
    static func dateText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) "
            + "\(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
