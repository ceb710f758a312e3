import Foundation
import NGOMatchCore
import NGOMatchSeeds
import Testing

/// What a certificate makes due under Decree 58, Article 21, each date counted by hand on a
/// calendar.
struct ReportingDutyTests {
    let calendar: WorkingCalendar
    // Issued Monday 1 June 2026: the 45th working day after is Monday 3 August (June has 21
    // working days after the 1st, July 23, and no holiday falls before September).
    let certificate = Registration(
        kind: .operationRegistration, issued: CalendarDate("2026-06-01")!, expires: CalendarDate("2028-05-31")!,
        areas: ["Cao Bằng", "Điện Biên"], fields: [])
    let provinces = [ProvinceID("dien-bien"), ProvinceID("cao-bang"), ProvinceID("cao-bang")]

    init() throws {
        calendar = try WorkingCalendar.parse(SeedFile.text(SeedFile.holidays)!, file: SeedFile.holidays)
    }

    func duties(today: String, since: String = "2026-01-01", filed: [String: String] = [:]) -> [ReportingDuty] {
        ReportingDuties.duties(
            ngo: NGOID("mcnv"), certificate: certificate, provinces: provinces, calendar: calendar,
            filed: filed.mapValues { CalendarDate($0)! }, today: CalendarDate(today)!,
            trackedSince: CalendarDate(since)!)
    }

    @Test func aPlanToEachProvinceAndAReportEachDecember() {
        let early = duties(today: "2026-07-01")
        // One plan a province, however often the certificate names it; no report before its year.
        #expect(
            early.map(\.key) == [
                "implementation-plan:cao-bang:2026-06-01", "implementation-plan:dien-bien:2026-06-01",
                "annual-report:2026",
            ])
        #expect(early.filter { $0.kind == .implementationPlan }.allSatisfy { $0.due == CalendarDate("2026-08-03")! })
        #expect(early.first { $0.kind == .annualReport }?.due == CalendarDate("2026-12-18")!)
        #expect(early.allSatisfy { $0.state == .due })
        // In 2028 the certificate ends in May: no report for 2028, one for 2027.
        let late = duties(today: "2028-12-30").filter { $0.kind == .annualReport }.map(\.period)
        #expect(late == ["2026", "2027"])
    }

    @Test func unfiledPastItsDayIsLateByTheDaysSince() {
        let on = duties(today: "2026-09-01", filed: ["implementation-plan:cao-bang:2026-06-01": "2026-08-10"])
        let caoBang = on.first { $0.province == ProvinceID("cao-bang") }!
        let dienBien = on.first { $0.province == ProvinceID("dien-bien") }!
        #expect(caoBang.state == .filed && caoBang.filedOn == CalendarDate("2026-08-10"))
        // Filed a week after 3 August.
        #expect(caoBang.daysLate(on: CalendarDate("2026-09-01")!) == 7)
        // 3 August to 1 September: 29 days.
        #expect(dienBien.state == .late && dienBien.daysLate(on: CalendarDate("2026-09-01")!) == 29)
        // Due on the day itself is not late yet.
        #expect(duties(today: "2026-08-03").first { $0.kind == .implementationPlan }?.state == .due)
    }

    @Test func dueBeforeFilingsWereKeptIsUntrackedNotLate() {
        let on = duties(today: "2026-09-01", since: "2026-08-20")
        #expect(on.filter { $0.kind == .implementationPlan }.allSatisfy { $0.state == .untracked })
        #expect(on.first { $0.kind == .annualReport }?.state == .due)
        #expect(on.allSatisfy { $0.daysLate(on: CalendarDate("2026-09-01")!) == 0 })
    }
}
