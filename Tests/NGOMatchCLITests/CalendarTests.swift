import Foundation
import NGOMatchCore
import Testing

/// Agenda and calendar files as other programs read them: one file per participant,
/// none overwriting another, and every calendar valid RFC 5545 for a real parser.
@Suite(.timeLimit(.minutes(10)))
struct CalendarTests {
    static let stackedMarks = "A" + String(repeating: "\u{301}", count: 40)

    /// Two NGOs whose names make the same file name, one with no meeting, a name of 81 octets.
    static var event: [String: Any] {
        [
            "name": "Gặp gỡ 2026; \"side\" meetings, Hà Nội", "date": "2026-12-10", "start": "14:00",
            "slotMinutes": 20, "slots": 3,
            "provinces": [["id": stackedMarks], ["id": "Cao Bằng"]],
            "ngos": [["id": "Ngo, With Comma"], ["id": "Ngo; With Comma"], ["id": "NGO, with comma"], ["id": "Idle"]],
            "scores": [
                ["province": stackedMarks, "ngo": "Ngo, With Comma", "score": 0.9],
                ["province": "Cao Bằng", "ngo": "Ngo; With Comma", "score": 0.8],
                ["province": "Cao Bằng", "ngo": "NGO, with comma", "score": 0.7],
            ],
        ]
    }

    static func writeAgendas() throws -> (CLI, URL) {
        let cli = try CLI()
        let file = try cli.file(
            "event.json", String(decoding: try JSONSerialization.data(withJSONObject: event), as: UTF8.self))
        let out = cli.folder.appendingPathComponent("agendas")
        let result = try cli.run("pair", "--event", file, "--format", "csv", "--out", out.path)
        #expect(result.status == 0, "\(result.stderr)")
        return (cli, out)
    }

    static func files(_ folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).sorted {
            $0.lastPathComponent < $1.lastPathComponent
        }
    }

    @Test func participantsWhoseNamesClashGetFilesOfTheirOwn() throws {
        let (_, out) = try Self.writeAgendas()
        let calendars = try Self.files(out.appendingPathComponent("calendars/ngos"))
        #expect(
            calendars.map(\.lastPathComponent) == [
                "Idle.ics", "NGO--with-comma-3.ics", "Ngo--With-Comma-2.ics", "Ngo--With-Comma.ics",
            ])
        #expect(Set(calendars.map { $0.lastPathComponent.lowercased() }).count == 4)
        let agendas = try Self.files(out.appendingPathComponent("ngos"))
        #expect(agendas.count == 4)
        // Each clashing NGO's own meeting is in its own file.
        let texts = try calendars.map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(texts.filter { $0.contains("SUMMARY:Cao Bằng") }.count == 2)
        // By scalar: a letter with forty marks is one Character, unequal to a letter with one.
        #expect(texts.filter { $0.unicodeScalars.contains("\u{301}") }.count == 1)
    }

    @Test func everyLineIsFoldedAt75OctetsWithoutSplittingACharacter() throws {
        let (_, out) = try Self.writeAgendas()
        // This NGO meets the province whose name is a letter with forty combining marks.
        let calendar = try Data(contentsOf: out.appendingPathComponent("calendars/ngos/Ngo--With-Comma.ics"))
        // Split on CRLF in bytes: each physical line must be ≤ 75 octets and valid UTF-8.
        var lines: [[UInt8]] = [[]]
        let bytes = [UInt8](calendar)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append([])
                index += 2
            } else {
                lines[lines.count - 1].append(bytes[index])
                index += 1
            }
        }
        #expect(lines.allSatisfy { $0.count <= 75 })
        #expect(lines.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
        // Unfolded, the summary holds every combining mark.
        let unfolded = String(decoding: calendar, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.unicodeScalars.filter { $0 == "\u{301}" }.count == 40)
        #expect(unfolded.contains("\\; \"side\" meetings\\, Hà Nội\r\n"))
    }

    @Test func theMasterCSVReadsBackWithEveryNameExact() throws {
        let (_, out) = try Self.writeAgendas()
        let text = try String(contentsOf: out.appendingPathComponent("master.csv"), encoding: .utf8)
        #expect(text.hasSuffix("\r\n"))
        let table = try CSVTable(parsing: text)
        let column = try #require(table.header.firstIndex(of: "ngo_name"))
        let province = try #require(table.header.firstIndex(of: "province_name"))
        #expect(Set(table.rows.map { $0.fields[column] }) == ["Ngo, With Comma", "Ngo; With Comma", "NGO, with comma"])
        #expect(
            table.rows.contains { $0.fields[province].unicodeScalars.elementsEqual(Self.stackedMarks.unicodeScalars) })
    }

    @Test func aParticipantWithoutMeetingsGetsTheDayItself() throws {
        let (_, out) = try Self.writeAgendas()
        let calendar = try String(contentsOf: out.appendingPathComponent("calendars/ngos/Idle.ics"), encoding: .utf8)
        #expect(calendar.contains("BEGIN:VEVENT\r\n"))
        #expect(calendar.contains("DTSTART;VALUE=DATE:20261210\r\n"))
        #expect(calendar.contains("DTEND;VALUE=DATE:20261211\r\n"))
    }

    /// The Python `icalendar` package that .ci/run installs; elsewhere this test says it was not run.
    static let python = CheckScript.python

    @Test(.enabled(if: python != nil, "set NGOMATCH_TEST_PYTHON to a Python with icalendar (.ci/run does)"))
    func aRealParserReadsEveryCalendarBack() throws {
        let (_, out) = try Self.writeAgendas()
        let paths =
            try Self.files(out.appendingPathComponent("calendars/ngos"))
            + Self.files(out.appendingPathComponent("calendars/provinces"))
        let (status, output) = try CheckScript.run("ical-check.py", paths.map(\.path))
        #expect(status == 0, "\(String(decoding: output, as: UTF8.self))")
        let reports = try String(decoding: output, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(reports.count == paths.count)
        let events = reports.flatMap { ($0["events"] as? [[String: Any]]) ?? [] }
        let summaries = events.compactMap { $0["summary"] as? String }
        // The parser gives back the exact names: commas, semicolons, quotes and combining marks.
        #expect(summaries.contains("Cao Bằng — Gặp gỡ 2026; \"side\" meetings, Hà Nội"))
        #expect(summaries.contains("\(Self.stackedMarks) — Gặp gỡ 2026; \"side\" meetings, Hà Nội"))
        #expect(summaries.contains("Ngo, With Comma — Gặp gỡ 2026; \"side\" meetings, Hà Nội"))
        #expect(summaries.contains("Gặp gỡ 2026; \"side\" meetings, Hà Nội"))
    }
}
