import Foundation
import NGOMatchCore
import NGOMatchSeeds
import Testing

/// Working days on Vietnam's calendar: weekends and the public holidays of the data file, each
/// expectation counted by hand on a calendar.
struct WorkingDayTests {
    let calendar: WorkingCalendar

    init() throws {
        calendar = try WorkingCalendar.parse(SeedFile.text(SeedFile.holidays)!, file: SeedFile.holidays)
    }

    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func weekdaysFollowTheCalendar() {
        #expect(WorkingCalendar.weekday(day("2026-12-07")) == 1)  // a Monday
        #expect(WorkingCalendar.weekday(day("2026-02-17")) == 2)  // Tết 2026, a Tuesday
        #expect(WorkingCalendar.weekday(day("2025-09-02")) == 2)
        #expect(WorkingCalendar.weekday(day("2000-01-01")) == 6)  // a Saturday
    }

    @Test func holidaysAndWeekendsAreNotWorkingDays() {
        #expect(!calendar.isWorkingDay(day("2026-01-01")))  // New Year
        #expect(!calendar.isWorkingDay(day("2026-02-18")))  // Tết
        #expect(!calendar.isWorkingDay(day("2026-04-27")))  // Hùng Kings, given for a Sunday
        #expect(!calendar.isWorkingDay(day("2027-09-02")))  // National Day, every year
        #expect(!calendar.isWorkingDay(day("2026-12-12")))  // a Saturday
        #expect(calendar.isWorkingDay(day("2026-12-07")))
    }

    @Test func tenWorkingDaysAcrossTetTakeThreeWeeks() {
        // From Friday 13 February 2026: the 16th–20th are Tết, so the 10 working days are
        // 23–27 February and 2–6 March.
        #expect(calendar.adding(workingDays: 10, to: day("2026-02-13")) == day("2026-03-06"))
        #expect(calendar.workingDays(from: day("2026-02-13"), to: day("2026-03-06")) == 10)
        // Without holidays, two weeks.
        #expect(calendar.adding(workingDays: 10, to: day("2026-11-06")) == day("2026-11-20"))
    }

    @Test func fortyFiveWorkingDaysFromACertificate() {
        // Issued Monday 1 June 2026, no holiday until September: June has 21 working days
        // after the 1st, July 23; 44 by Friday 31 July, so the 45th is Monday 3 August.
        #expect(calendar.adding(workingDays: 45, to: day("2026-06-01")) == day("2026-08-03"))
        #expect(calendar.workingDays(from: day("2026-08-03"), to: day("2026-06-01")) == -45)
    }

    @Test func aBrokenHolidaysFileIsRefused() {
        #expect(throws: InvalidRuleSet.self) {
            _ = try WorkingCalendar.parse("every-year:\n  - {date: \"13-01\"}\n", file: "h.yaml")
        }
        #expect(throws: InvalidRuleSet.self) {
            _ = try WorkingCalendar.parse("years:\n  2026:\n    - {date: \"2025-01-01\"}\n", file: "h.yaml")
        }
    }
}
