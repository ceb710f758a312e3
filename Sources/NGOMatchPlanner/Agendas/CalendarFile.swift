import NGOMatchCore

/// A participant's meetings as an iCalendar file (RFC 5545) to load into any calendar.
///
/// Times are written in UTC: Vietnam keeps UTC+7 all year, so the conversion is exact.
package enum CalendarFile {
    /// - Returns: nil when the event has no date or start time to put meetings at.
    /// - Parameters:
    ///   - sequence: the revision of the schedule these meetings are from (RFC 5545 `SEQUENCE`),
    ///     so that a calendar takes a replan's times over the earlier ones; nil leaves it out.
    ///   - cancelled: meetings of an earlier schedule that are no more, written `STATUS:CANCELLED`
    ///     under their own UID so that calendars remove them.
    package static func calendar(
        _ agenda: AgendaBook.Agenda, in book: AgendaBook, sequence: Int? = nil, cancelled: [PlanReport.Meeting] = []
    ) -> String? {
        guard let date = book.event.date, book.event.start != nil else { return nil }
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ngomatch//meeting planner//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        let minutes = book.event.slotMinutes ?? 20
        let revision = sequence.map { ["SEQUENCE:\($0)"] } ?? []
        for (meeting, status) in agenda.meetings.map({ ($0, "CONFIRMED") }) + cancelled.map({ ($0, "CANCELLED") }) {
            guard let start = book.event.slotStart(meeting.slot) else { continue }
            lines +=
                ["BEGIN:VEVENT", "UID:" + uid(book.event, meeting)] + revision + [
                    "DTSTAMP:" + stamp(date, minutes: 0),
                    "DTSTART:" + stamp(date, minutes: start),
                    "DTEND:" + stamp(date, minutes: start + minutes),
                    "SUMMARY:" + text("\(agenda.counterpart(meeting)) — \(book.event.name)"),
                    "LOCATION:" + text(meeting.tableLabel),
                    "DESCRIPTION:" + text(meeting.reasons.joined(separator: "\n")),
                ] + (sequence == nil ? [] : ["STATUS:" + status]) + ["END:VEVENT"]
        }
        if agenda.meetings.isEmpty && cancelled.isEmpty {
            // RFC 5545 wants at least one component: the day itself, so the delegation still has it.
            lines += [
                "BEGIN:VEVENT",
                "UID:" + eventUID(book.event),
                "DTSTAMP:" + stamp(date, minutes: 0),
                "DTSTART;VALUE=DATE:" + day(date),
                "DTEND;VALUE=DATE:" + day(CalendarDate(dayNumber: date.dayNumber + 1)),
                "SUMMARY:" + text(book.event.name),
                "DESCRIPTION:" + text(book.say("agenda.noneFor", agenda.name)),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The same meeting has the same UID in both parties' files and in every replan.
    static func uid(_ event: Event, _ meeting: PlanReport.Meeting) -> String {
        uid(hashing: "\(event.name)\u{1}\(meeting.province)\u{1}\(meeting.ngo)")
    }

    /// The event as a whole, the same in every participant's file.
    static func eventUID(_ event: Event) -> String { uid(hashing: "\(event.name)\u{1}event") }

    private static func uid(hashing text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16) + "@ngomatch"
    }

    /// `20251210`
    static func day(_ date: CalendarDate) -> String { "\(date.year)\(two(date.month))\(two(date.day))" }

    /// `date` at `minutes` after local midnight, in UTC (`20250826T070000Z`).
    static func stamp(_ date: CalendarDate, minutes: Int) -> String {
        let utc = minutes - 7 * 60
        let dayShift = utc < 0 ? -1 : utc / (24 * 60)
        let inDay = utc - dayShift * 24 * 60
        return day(CalendarDate(dayNumber: date.dayNumber + dayShift)) + "T\(two(inDay / 60))\(two(inDay % 60))00Z"
    }

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

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

    /// Lines longer than 75 octets continue on the next line after a space. Counted in
    /// octets and cut between Unicode scalars, never inside one's UTF-8 bytes: a letter
    /// with forty combining marks is one `Character` but many octets.
    static func fold(_ line: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > (lines.isEmpty ? 75 : 74) {
                lines.append(String(current))
                current = String.UnicodeScalarView()
                octets = 0
            }
            current.append(scalar)
            octets += size
        }
        lines.append(String(current))
        return lines.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }
    }
}
