import Foundation
import NGOMatchCore
import NGOMatchStore

/// One duty in a list, with the names a reader needs.
package struct ReportingEntry: Encodable, Sendable, Hashable {
    /// The duty's name among the NGO's, `implementation-plan:cao-bang:2026-01-05`.
    package let key: String
    package let duty: ReportingDuty
    package let ngoName: String
    package let provinceName: String?
    package let daysLate: Int

    init(duty: ReportingDuty, ngoName: String, provinceName: String?, daysLate: Int) {
        self.key = duty.key
        self.duty = duty
        self.ngoName = ngoName
        self.provinceName = provinceName
        self.daysLate = daysLate
    }
}

/// The duties a caller may see, judged on one day.
package struct ReportingList: Encodable, Sendable {
    package let on: CalendarDate
    /// Duties due before this day were never recorded here; they are not called late.
    package let trackedSince: CalendarDate
    package let late: Int
    /// Untracked duties left out because no state was asked for.
    package let untrackedHidden: Int
    package let duties: [ReportingEntry]
}

/// What NGOs owe under Decree 58/2022, Article 21, derived from their certificates, and the
/// filings recorded against it: the ministry sees who is late.
extension MatchService {
    /// Days before a report's due date when the NGO's people are reminded, once.
    package static let reportWarningDays = 10

    /// The duties the caller may read: the ministry all, an NGO its own, a province the plans due to it.
    package func reportingDuties(_ params: ReportingListParams, caller: Caller, now: Date = Date()) throws
        -> ReportingList
    {
        let role = try reader(caller)
        let today = try day(params.on, field: "on") ?? CalendarDate(now)
        let province = try params.province.map { try reference.provinces.resolve($0).province.id }
        var ngos: [NGO]
        if case .ngo(let own)? = role {
            ngos = [try registry.ngo(named: own.rawValue)]
            if let asked = try params.ngo.map({ try registry.ngo(named: $0).id }), asked != own { ngos = [] }
        } else if let named = params.ngo {
            ngos = [try registry.ngo(named: named)]
        } else {
            ngos = try registry.ngos()
        }
        let filings = try registry.reportFilings(of: ngos.count == 1 ? ngos[0].id : nil)
        let since = try registry.reportingSince()
        var entries: [ReportingEntry] = []
        var untracked = 0
        for ngo in ngos {
            for duty in duties(of: ngo, filings: filings[ngo.id] ?? [:], today: today, trackedSince: since) {
                if case .province(let own)? = role, duty.province != own { continue }
                guard province.map({ $0 == duty.province }) ?? true,
                    params.kind.map({ $0 == duty.kind.rawValue }) ?? true
                else { continue }
                // Untracked duties are history nobody could record here: listed only when asked for.
                if let state = params.state, state != duty.state.rawValue { continue }
                if params.state == nil, duty.state == .untracked {
                    untracked += 1
                    continue
                }
                entries.append(
                    ReportingEntry(
                        duty: duty, ngoName: ngo.name,
                        provinceName: duty.province.flatMap { reference.provinces[$0]?.name.vi },
                        daysLate: duty.daysLate(on: today)))
            }
        }
        // The late first, longest late first; then what falls due soonest; then what was filed.
        func rank(_ entry: ReportingEntry) -> (Int, Int, String) {
            let order = [ReportingDuty.State.late, .due, .filed, .untracked].firstIndex(of: entry.duty.state) ?? 0
            let day =
                switch entry.duty.state {
                case .late: -entry.daysLate
                case .filed: -(entry.duty.filedOn?.dayNumber ?? 0)
                case .due, .untracked: entry.duty.due.dayNumber
                }
            return (order, day, entry.ngoName)
        }
        entries.sort { rank($0) < rank($1) }
        return ReportingList(
            on: today, trackedSince: since, late: entries.count { $0.duty.state == .late }, untrackedHidden: untracked,
            duties: entries)
    }

    /// Records that the NGO filed a report (or takes the record back): its own people, or the ministry.
    package func fileReport(_ params: ReportFileParams, caller: Caller, now: Date = Date()) throws -> ReportingEntry {
        let method = ReportFileOperation.name
        let ngo = try registry.ngo(named: params.ngo)
        switch try caller.writer(method) {
        case nil, .ministry?: break
        case .ngo(let own)? where own == ngo.id: break
        case let role?: throw ServiceError.forbidden(.key("forbidden.reporting", method, role.description, ngo.name))
        }
        guard let certificate = ngo.registration else {
            throw ServiceError.invalidParams(field: "ngo", expected: .key("reporting.noCertificate", ngo.name))
        }
        guard let kind = ReportingDuty.Kind(rawValue: params.kind) else {
            throw ServiceError.invalidParams(
                field: "kind", expected: .notOneOf(params.kind, ReportingDuty.Kind.allCases.map(\.rawValue)))
        }
        let today = CalendarDate(now)
        let filedOn = try day(params.filedOn, field: "filedOn") ?? today
        guard filedOn <= today else {
            throw ServiceError.invalidParams(field: "filedOn", expected: .key("reporting.futureFiling"))
        }
        let areas = certifiedProvinces(certificate)
        var province: ProvinceID?
        let period: String
        switch kind {
        case .implementationPlan:
            guard let named = params.province, !named.isEmpty else {
                throw ServiceError.invalidParams(field: "province", expected: .key("reporting.provinceNeeded"))
            }
            let id = try reference.provinces.resolve(named).province.id
            guard areas.contains(id) else {
                let names = areas.compactMap { reference.provinces[$0]?.name.vi }.joined(separator: ", ")
                throw ServiceError.invalidParams(
                    field: "province",
                    expected: .key("reporting.notAnArea", ngo.name, reference.provinces[id]?.name.vi ?? named, names))
            }
            province = id
            period = certificate.issued.description
        case .annualReport:
            let year = params.year ?? today.year
            guard year >= certificate.issued.year, year <= certificate.expires.year, year <= today.year else {
                throw ServiceError.invalidParams(
                    field: "year",
                    expected: .key(
                        "reporting.yearOutside", "\(year)", certificate.issued.description,
                        certificate.expires.description))
            }
            period = String(year)
        }
        let key = ReportingDuty.key(kind, province: province, period: period)
        _ = try registry.fileReport(
            ngo: ngo.id, duty: key, filedOn: params.undo == true ? nil : filedOn, by: caller.actor,
            note: params.note, audit: caller.audit(method))
        let filings = try registry.reportFilings(of: ngo.id)[ngo.id] ?? [:]
        let duty = duties(of: ngo, filings: filings, today: today, trackedSince: try registry.reportingSince())
            .first { $0.key == key }
        guard let duty else {
            // The year is within the certificate but it did not hold on the period's last day.
            throw ServiceError.invalidParams(
                field: "year",
                expected: .key(
                    "reporting.yearOutside", period, certificate.issued.description, certificate.expires.description))
        }
        return ReportingEntry(
            duty: duty, ngoName: ngo.name, provinceName: province.flatMap { reference.provinces[$0]?.name.vi },
            daysLate: duty.daysLate(on: today))
    }

    /// The day filings count from; the ministry moves it.
    package func reportingSettings(_ params: ReportingSettingsParams, caller: Caller) throws -> ReportingSettings {
        if let day = try day(params.trackedSince, field: "trackedSince") {
            try caller.mayHandle(.reporting, ReportingSettingsOperation.name)
            try registry.setReportingSince(day, audit: caller.audit(ReportingSettingsOperation.name))
        }
        return ReportingSettings(trackedSince: try registry.reportingSince())
    }

    func duties(of ngo: NGO, filings: [String: CalendarDate], today: CalendarDate, trackedSince: CalendarDate)
        -> [ReportingDuty]
    {
        guard let certificate = ngo.registration else { return [] }
        return ReportingDuties.duties(
            ngo: ngo.id, certificate: certificate, provinces: certifiedProvinces(certificate),
            calendar: Registry.workingCalendar, filed: filings, today: today, trackedSince: trackedSince)
    }

    /// The certificate's areas as current provinces: names from before the 2025 merger count.
    func certifiedProvinces(_ certificate: Registration) -> [ProvinceID] {
        var seen = Set<ProvinceID>()
        return certificate.areas.compactMap { try? reference.provinces.resolve($0).province.id }.filter {
            seen.insert($0).inserted
        }
    }

    func day(_ text: String?, field: String) throws -> CalendarDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = CalendarDate(text) else {
            throw ServiceError.invalidParams(field: field, expected: .key("params.day", text))
        }
        return day
    }

    /// A report's name for the reader: "the plan of activities to Cao Bằng", "the annual report for 2026".
    package static func reportName(_ duty: ReportingDuty, provinceName: String?, _ language: Language) -> String {
        switch duty.kind {
        case .implementationPlan:
            Messages.text("report.plan", language, provinceName ?? duty.province?.rawValue ?? "")
        case .annualReport: Messages.text("report.annual", language, duty.period)
        }
    }

    /// A duty's state for the reader: "due", "12 days late", "filed 3 days late".
    package static func reportState(_ entry: ReportingEntry, _ language: Language) -> String {
        switch (entry.duty.state, entry.daysLate) {
        case (.late, _): Messages.text("reportsDaysLate", language, "\(entry.daysLate)")
        case (.filed, 1...): Messages.text("reportsFiledLate", language, "\(entry.daysLate)")
        default: Messages.text("reportState." + entry.duty.state.rawValue, language)
        }
    }

    /// Reminds each NGO's people of a report due within `reportWarningDays`, once each.
    func writeReportNotices(now: Date) throws -> Int {
        let today = CalendarDate(now)
        let since = try registry.reportingSince()
        let filings = try registry.reportFilings()
        var written = 0
        for (ngo, people) in try certifiedNGOsWithPeople() {
            let soon = duties(of: ngo, filings: filings[ngo.id] ?? [:], today: today, trackedSince: since).filter {
                $0.state == .due && $0.due.dayNumber - today.dayNumber <= Self.reportWarningDays
            }
            guard !soon.isEmpty else { continue }
            for duty in soon {
                let provinceName = duty.province.flatMap { reference.provinces[$0]?.name.vi }
                written += try remind(people, topic: "report:\(ngo.id.rawValue):\(duty.key)", now: now) { person in
                    DeadlineMail(
                        .reportDue(Self.reportName(duty, provinceName: provinceName, person.language)), ngo: ngo.name,
                        due: LocalFormat.date(duty.due, person.language),
                        daysLeft: duty.due.dayNumber - today.dayNumber, name: person.name,
                        language: person.language, link: "\(mail.publicURL)/reports")
                }
            }
        }
        return written
    }
}

extension ReportingEntry {
    package static func csvRows(_ entries: [ReportingEntry]) -> [[String]] {
        [["ngo", "ngo_name", "kind", "province", "period", "due", "state", "filed_on", "days_late"]]
            + entries.map {
                [
                    $0.duty.ngo.rawValue, $0.ngoName, $0.duty.kind.rawValue, $0.duty.province?.rawValue ?? "",
                    $0.duty.period, $0.duty.due.description, $0.duty.state.rawValue,
                    $0.duty.filedOn?.description ?? "", "\($0.daysLate)",
                ]
            }
    }
}
