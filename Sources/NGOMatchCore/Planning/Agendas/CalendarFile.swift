/// A participant's meetings as an iCalendar file (RFC 5545) to load into any calendar.
///
/// Times are written in UTC: Vietnam keeps UTC+7 all year, so the conversion is exact.
public enum CalendarFile {
    /// - Returns: nil when the event has no date or start time to put meetings at.
    public static func calendar(_ agenda: AgendaBook.Agenda, in book: AgendaBook) -> String? {
        guard let date = book.event.date, book.event.start != nil else { return nil }
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ngomatch//meeting planner//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        let minutes = book.event.slotMinutes ?? 20
        for meeting in agenda.meetings {
            guard let start = book.event.slotStart(meeting.slot) else { continue }
            lines += [
                "BEGIN:VEVENT",
                "UID:" + uid(book.event, meeting),
                "DTSTAMP:" + stamp(date, minutes: 0),
                "DTSTART:" + stamp(date, minutes: start),
                "DTEND:" + stamp(date, minutes: start + minutes),
                "SUMMARY:" + text("\(agenda.counterpart(meeting)) — \(book.event.name)"),
                "LOCATION:" + text(meeting.tableLabel),
                "DESCRIPTION:" + text(meeting.reasons.joined(separator: "\n")),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The same meeting has the same UID in both parties' files and in every replan.
    static func uid(_ event: Event, _ meeting: PlanReport.Meeting) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(event.name)\u{1}\(meeting.province)\u{1}\(meeting.ngo)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16) + "@ngomatch"
    }

    /// `date` at `minutes` after local midnight, in UTC (`20250826T070000Z`).
    static func stamp(_ date: CalendarDate, minutes: Int) -> String {
        let utc = minutes - 7 * 60
        let dayShift = utc < 0 ? -1 : utc / (24 * 60)
        let day = CalendarDate(dayNumber: date.dayNumber + dayShift)
        let inDay = utc - dayShift * 24 * 60
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(day.year)\(two(day.month))\(two(day.day))T\(two(inDay / 60))\(two(inDay % 60))00Z"
    }

    /// Escapes the characters RFC 5545 reserves in text values.
    static func text(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n": escaped += "\\n"
            default:
                if scalar.properties.generalCategory != .control { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// Lines longer than 75 bytes continue on the next line after a space, never inside a character.
    static func fold(_ line: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var bytes = 0
        for character in line {
            let size = character.utf8.count
            if bytes + size > (lines.isEmpty ? 75 : 74) {
                lines.append(current)
                current = ""
                bytes = 0
            }
            current.append(character)
            bytes += size
        }
        lines.append(current)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }
    }
}
