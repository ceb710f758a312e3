/// What a certified NGO owes the authorities on a date, by Decree 58/2022/ND-CP, Article 21:
/// its plan of activities to each province it works in, within 45 working days of its
/// certificate being issued or extended, and its annual report by 18 December.
package struct ReportingDuty: Hashable, Sendable, Codable {
    package enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case implementationPlan = "implementation-plan"
        case annualReport = "annual-report"
    }

    package enum State: String, CaseIterable, Hashable, Sendable, Codable {
        case filed
        /// Not yet due, and not filed.
        case due
        case late
        /// Due before ngomatch began keeping filings: nobody could have recorded it here.
        case untracked
    }

    package let ngo: NGOID
    package let kind: Kind
    /// The province a plan goes to; nil for an annual report.
    package let province: ProvinceID?
    /// The certificate's issue date for a plan, the year for an annual report.
    package let period: String
    package let due: CalendarDate
    package let filedOn: CalendarDate?
    package let state: State

    /// One duty's name among an NGO's: `implementation-plan:cao-bang:2026-01-05`, `annual-report:2026`.
    package var key: String { Self.key(kind, province: province, period: period) }

    package static func key(_ kind: Kind, province: ProvinceID?, period: String) -> String {
        ([kind.rawValue] + (province.map { [$0.rawValue] } ?? []) + [period]).joined(separator: ":")
    }

    /// Days past its due date: on `day` for a late duty, when it was filed for a filed one.
    package func daysLate(on day: CalendarDate) -> Int {
        switch state {
        case .late: max(0, day.dayNumber - due.dayNumber)
        case .filed: max(0, (filedOn ?? due).dayNumber - due.dayNumber)
        case .due, .untracked: 0
        }
    }
}

/// The duties of one certificate, dated on a working calendar.
package enum ReportingDuties {
    package static let planWorkingDays = 45
    /// The annual report is due by this day of December; it covers 15 December to 14 December.
    package static let annualReportDay = 18

    /// Every duty of the certificate due up to the end of `today`'s year, filed or not.
    /// - Parameters:
    ///   - provinces: the certificate's areas, as current provinces.
    ///   - filed: the day each duty (by key) was filed.
    ///   - trackedSince: the first day ngomatch kept filings.
    package static func duties(
        ngo: NGOID, certificate: Registration, provinces: [ProvinceID], calendar: WorkingCalendar,
        filed: [String: CalendarDate], today: CalendarDate, trackedSince: CalendarDate
    ) -> [ReportingDuty] {
        func duty(_ kind: ReportingDuty.Kind, _ province: ProvinceID?, _ period: String, _ due: CalendarDate)
            -> ReportingDuty
        {
            let filedOn = filed[ReportingDuty.key(kind, province: province, period: period)]
            let state: ReportingDuty.State =
                if filedOn != nil {
                    .filed
                } else if due < trackedSince {
                    .untracked
                } else if due < today {
                    .late
                } else {
                    .due
                }
            return ReportingDuty(
                ngo: ngo, kind: kind, province: province, period: period, due: due, filedOn: filedOn, state: state)
        }
        let planDue = calendar.adding(workingDays: planWorkingDays, to: certificate.issued)
        var duties = Set(provinces).sorted { $0.rawValue < $1.rawValue }.map {
            duty(.implementationPlan, $0, certificate.issued.description, planDue)
        }
        let lastYear = min(today.year, certificate.expires.year)
        if certificate.issued.year <= lastYear {
            for year in certificate.issued.year...lastYear {
                // A year is reported when the certificate held on the last day of its period.
                guard let end = CalendarDate(year: year, month: 12, day: 14), certificate.isValid(on: end),
                    let due = CalendarDate(year: year, month: 12, day: annualReportDay)
                else { continue }
                duties.append(duty(.annualReport, nil, String(year), due))
            }
        }
        return duties
    }
}
