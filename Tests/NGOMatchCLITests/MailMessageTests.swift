import Foundation
import NGOMatchCore
import Testing

/// Mail as another program reads it: messages with hostile names and subjects, parsed back by
/// Python's `email` package, must say exactly what was meant and nothing more.
@Suite(.timeLimit(.minutes(10)))
struct MailMessageTests {
    static let python = CheckScript.python
    static let stackedMarks =
        "a\u{0301}\u{0323}\u{0302}\u{0306}\u{0309}\u{0303}\u{0300}\u{0301}\u{0323}\u{0302}"
        + String(repeating: "\u{0306}\u{0309}", count: 20)
    static let hostileSubject =
        "Lịch gặp gỡ 2026\r\nBcc: evil@example.com; \"trích dẫn\", =?UTF-8?B?Z2lh?= và "
        + String(repeating: "một câu rất dài bằng tiếng Việt có dấu, ", count: 4) + stackedMarks

    static let longFileName = "Lịch họp của Sở Kế hoạch và Đầu tư tỉnh Cao Bằng với các tổ chức phi chính phủ.ics"

    /// What a reader must see of a text that stood in a header: its line breaks as spaces.
    static func inHeader(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    static func message() throws -> MailMessage {
        let calendar = Array("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".utf8)
        return MailMessage(
            from: try MailAddress("no-reply@ngomatch.example", name: "ngomatch — Bộ Ngoại giao"),
            to: [
                try MailAddress("planner@caobang.example", name: "Nguyễn, \"Văn\" A\r\nBcc: x@evil.example"),
                try MailAddress(" office@ngo.example ", name: stackedMarks),
                try MailAddress("plain@example.org", name: "Plain Name"),
            ],
            subject: hostileSubject, date: Date(timeIntervalSince1970: 1_796_608_800),
            messageID: "<invite-42@ngomatch.example>",
            text: "Xin chào,\nFrom here on, a line starting with From.\r\n.\r\nMột dòng\rcuối.",
            html: "<p>Xin chào <b>Cao Bằng</b> &amp; \(stackedMarks)</p>",
            attachments: [
                .init(fileName: "lịch-họp \"Cao Bằng\".ics", contentType: "text/calendar", data: calendar),
                .init(fileName: Self.longFileName, contentType: "text/calendar; method=PUBLISH", data: calendar),
            ],
            extraHeaders: [(name: "List-Unsubscribe", value: "<https://ngomatch.example/u/abc>")])
    }

    @Test func anAddressIsOneMailboxOrRefused() throws {
        for bad in [
            "a@b.example\r\nBcc: x@y.example", "two@x.example, three@y.example", "no-at", "<a@b.example>",
            "a b@c.example", "a@nodot", "é@b.example", "a@b.example;x",
        ] {
            #expect(throws: MailAddress.Invalid.self, "\(bad)") { try MailAddress(bad) }
        }
        #expect(try MailAddress(" a.b+tag@mail.example.org ").address == "a.b+tag@mail.example.org")
    }

    @Test func headersAreASCIIFoldedAndEndInCRLF() throws {
        let text = try Self.message().rendered
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(head.unicodeScalars.allSatisfy { $0.isASCII })
        for line in text.components(separatedBy: "\r\n") {
            #expect(!line.contains("\r") && !line.contains("\n"))
            #expect(line.count <= 998)
        }
        for line in text.components(separatedBy: "\r\n") where line.hasPrefix("Content-") || line.hasPrefix(" ") {
            #expect(line.count <= 78, "\(line)")
        }
        for line in head.components(separatedBy: "\r\n") { #expect(line.count <= 78, "\(line)") }
        // A line break in a name or a subject never starts a header of its own.
        #expect(!head.components(separatedBy: "\r\n").contains { $0.hasPrefix("Bcc:") })
    }

    @Test(.enabled(if: python != nil, "set NGOMATCH_TEST_PYTHON to a Python (.ci/run does)"))
    func pythonsEmailPackageReadsBackWhatWasMeant() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("invite.eml")
        try Data(Self.message().rendered.utf8).write(to: file)
        let (status, output) = try CheckScript.run("mail-check.py", [file.path])
        #expect(status == 0, "\(String(decoding: output, as: UTF8.self))")
        let report = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])

        #expect(report["subject"] as? String == Self.inHeader(Self.hostileSubject))
        let to = try #require(report["to"] as? [[String]])
        #expect(to.map { $0[1] } == ["planner@caobang.example", "office@ngo.example", "plain@example.org"])
        // A name is one encoded word: whole when it fits, else its beginning in whole
        // characters and "…" (readers disagree on the space between two words of a name).
        // A name's line breaks and runs of spaces are one space each.
        let names = [
            Self.inHeader("Nguyễn, \"Văn\" A\r\nBcc: x@evil.example").split(separator: " ").joined(separator: " "),
            Self.stackedMarks, "Plain Name",
        ]
        for (read, meant) in zip(to.map { $0[0] }, names) {
            let whole = read == meant
            let beginning = read.hasSuffix("…") && meant.hasPrefix(read.dropLast()) && read.utf8.count <= 45
            #expect(whole || beginning, "\(read) for \(meant)")
        }
        #expect(to[2][0] == "Plain Name")
        let from = try #require(report["from"] as? [[String]])
        #expect(from.first == ["ngomatch — Bộ Ngoại giao", "no-reply@ngomatch.example"])
        #expect(report["date"] as? String == "Mon, 07 Dec 2026 02:00:00 +0000")
        #expect(report["messageID"] as? String == "<invite-42@ngomatch.example>")
        #expect(report["autoSubmitted"] as? String == "auto-generated")
        #expect((report["headers"] as? [String])?.contains("Bcc") == false)
        #expect((report["headers"] as? [String])?.contains("List-Unsubscribe") == true)
        #expect(report["bareLineBreaks"] as? Bool == false)
        #expect((report["longestHeaderLine"] as? Int ?? 999) <= 78)

        let parts = try #require(report["parts"] as? [[String: Any]])
        #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html", "text/calendar", "text/calendar"])
        // A body's line breaks become CRLF, which a reader gives back as line feeds.
        let body = (parts[0]["text"] as? String)?.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(body == "Xin chào,\nFrom here on, a line starting with From.\n.\nMột dòng\ncuối.", "\(body ?? "")")
        #expect((parts[1]["text"] as? String)?.contains("<b>Cao Bằng</b> &amp; \(Self.stackedMarks)") == true)
        #expect(parts[2]["filename"] as? String == "lịch-họp 'Cao Bằng'.ics")
        // A long name in RFC 2231 continuations comes back whole.
        #expect(parts[3]["filename"] as? String == Self.longFileName)
        let calendar = Data(base64Encoded: parts[2]["base64"] as? String ?? "")
        #expect(
            calendar.map { String(decoding: $0, as: UTF8.self) }
                == "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")
    }
}
