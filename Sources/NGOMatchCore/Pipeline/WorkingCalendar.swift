import Yams

/// Which days are working days in Vietnam: Monday to Friday, less the public holidays of the
/// shipped data file (`seeds/calendar/vn-holidays.yaml`). Deadlines in working days (an
/// implementation plan within 45 of a certificate, an opinion within 10 of a dossier) count on it.
package struct WorkingCalendar: Hashable, Sendable {
    /// Month and day of the holidays on fixed solar dates, as `MM-DD`.
    package let everyYear: Set<String>
    /// The days off that move, by year.
    package let days: Set<CalendarDate>
    /// The years whose moving holidays the file holds.
    package let coveredYears: Set<Int>

    package init(everyYear: Set<String>, days: Set<CalendarDate>) {
        self.everyYear = everyYear
        self.days = days
        self.coveredYears = Set(days.map(\.year))
    }

    package func isHoliday(_ day: CalendarDate) -> Bool {
        days.contains(day) || everyYear.contains(String(day.description.dropFirst(5)))
    }

    /// Monday is 1, Sunday 7 (ISO 8601); 1970-01-01 was a Thursday.
    package static func weekday(_ day: CalendarDate) -> Int {
        ((day.dayNumber % 7 + 7) % 7 + 3) % 7 + 1
    }

    package func isWorkingDay(_ day: CalendarDate) -> Bool { Self.weekday(day) <= 5 && !isHoliday(day) }

    /// The working day `count` working days after `start` (not counting `start` itself).
    package func adding(workingDays count: Int, to start: CalendarDate) -> CalendarDate {
        var day = start
        var left = count
        while left > 0 {
            day = CalendarDate(dayNumber: day.dayNumber + 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days after `start` up to and including `end`; negative when `end` is before.
    package func workingDays(from start: CalendarDate, to end: CalendarDate) -> Int {
        guard start != end else { return 0 }
        let (low, high, sign) = start < end ? (start, end, 1) : (end, start, -1)
        var count = 0
        for number in (low.dayNumber + 1)...high.dayNumber where isWorkingDay(CalendarDate(dayNumber: number)) {
            count += 1
        }
        return sign * count
    }

    /// - Throws: `InvalidRuleSet` with every problem of the file.
    package static func parse(_ text: String, file: String) throws(InvalidRuleSet) -> WorkingCalendar {
        var reader = YAMLReader(file: file)
        guard let top = reader.root(text, empty: .key("holidays.empty")) else {
            throw InvalidRuleSet(problems: reader.problems)
        }
        reader.known(top, ["every-year", "years"], in: .verbatim(file))
        var fixed: Set<String> = []
        for node in reader.sequence(top["every-year"], "every-year") {
            guard let map = reader.mapping(node, .verbatim("every-year")) else { continue }
            guard let date = reader.string(map, "date", required: true),
                CalendarDate("2000-\(date)") != nil
            else {
                reader.report(node, .key("holidays.monthDay"))
                continue
            }
            fixed.insert(date)
        }
        var days: Set<CalendarDate> = []
        if let years = top["years"], let map = reader.mapping(years, .verbatim("years")) {
            for (key, list) in map {
                for node in reader.sequence(list, key.string ?? "years") {
                    guard let entry = reader.mapping(node, .verbatim("years")),
                        let text = reader.string(entry, "date", required: true)
                    else { continue }
                    guard let day = CalendarDate(text), "\(day.year)" == key.string else {
                        reader.report(node, .key("holidays.day", text, key.string ?? ""))
                        continue
                    }
                    days.insert(day)
                }
            }
        }
        guard reader.problems.isEmpty else { throw InvalidRuleSet(problems: reader.problems) }
        return WorkingCalendar(everyYear: fixed, days: days)
    }
}
