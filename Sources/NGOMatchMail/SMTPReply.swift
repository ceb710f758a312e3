/// A relay's answer: its three-digit code and its lines of text (RFC 5321 §4.2).
struct SMTPReply: Hashable, Sendable {
    let code: Int
    let lines: [String]

    var text: String { lines.joined(separator: " ") }
    var isPositive: Bool { (200..<400).contains(code) }

    /// Reads replies out of the bytes received so far: `250-…` lines continue one, `250 …`
    /// ends it. Returns nil until a whole reply has arrived.
    static func take(from buffer: inout [UInt8]) throws(SMTPFailure) -> SMTPReply? {
        var lines: [String] = []
        var start = 0
        while let end = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
            var line = String(decoding: buffer[start..<end], as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            start = end + 1
            let digits = line.prefix(3)
            guard digits.count == 3, let code = Int(digits) else {
                throw SMTPFailure(kind: .transient, code: nil, reason: "not an SMTP reply: \(line)", command: "")
            }
            let separator = line.dropFirst(3).first
            lines.append(String(line.dropFirst(4)))
            if separator != "-" {
                buffer.removeFirst(start)
                return SMTPReply(code: code, lines: lines)
            }
        }
        return nil
    }
}
