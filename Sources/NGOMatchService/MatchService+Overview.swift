import Foundation
import NGOMatchCore
import NGOMatchStore

/// Each person's overview, daily or weekly by their settings (weekly unless they chose): what
/// is new for their organisation since the last one. Nothing new, no message.
extension MatchService {
    /// New needs listed in an NGO's overview, best first.
    package static let overviewNeeds = 5
    /// Stalled pairs listed in the ministry's overview, longest first.
    package static let overviewStalled = 10

    package func writeOverviews(now: Date = Date()) throws -> Int {
        var written = 0
        for due in try registry.dueOverviews(now: now) {
            let person = due.person
            var draft: OutboxDraft?
            if let role = person.role, let address = try? MailAddress(person.email, name: person.name) {
                let content = OverviewMail(
                    cadence: due.cadence, organisation: organisationName(role, person.language), name: person.name,
                    language: person.language, sections: try overviewSections(role, since: due.since, person.language),
                    settings: "\(mail.publicURL)/inbox")
                if !content.isEmpty {
                    let messageID = mail.messageID(content.kind, secret: Secret.make(bytes: 12))
                    let message = content.message(
                        to: address, from: mail.from, messageID: messageID, date: now,
                        unsubscribe: try unsubscribeLink(person: person.id, kind: content.kind))
                    draft = OutboxDraft(
                        messageID: messageID, recipient: address.address, personID: person.id, kind: content.kind,
                        subject: content.subject, message: message.rendered, holdsSecret: false)
                }
            }
            if try registry.recordOverview(due, draft, now: now) { written += 1 }
        }
        return written
    }

    /// What is new for the organisation since `since`, in sections for the reader's language.
    package func overviewSections(_ role: Role, since: String, _ language: Language, now: Date = Date()) throws
        -> [OverviewMail.Section]
    {
        switch role {
        case .ngo(let id): try ngoOverview(id, since: since, language)
        case .province(let id): try provinceOverview(id, since: since, language)
        case .ministry: try ministryOverview(language, now: now)
        }
    }

    private func ngoOverview(_ id: NGOID, since: String, _ language: Language) throws -> [OverviewMail.Section] {
        let found = try discover(
            DiscoverParams(
                ngo: id.rawValue, since: since,
                ranking: RankingParams(limit: Self.overviewNeeds, lang: language)))
        let needs = found.ranked.map { report in
            OverviewMail.Item(
                Messages.text(
                    "overview.need", language, report.needTitle, provinceName(report.province),
                    LocalFormat.decimal(report.score, digits: 0, language)),
                detail: report.reasons.prefix(2).joined(separator: "; "),
                link: "\(mail.publicURL)/needs/\(report.need)")
        }
        return [
            OverviewMail.Section(Messages.text("overview.newNeeds", language), needs),
            OverviewMail.Section(
                Messages.text("overview.waiting", language), try waitingRequests(.ngo(id), from: .province, language)),
        ]
    }

    private func provinceOverview(_ id: ProvinceID, since: String, _ language: Language) throws
        -> [OverviewMail.Section]
    {
        let received = try registry.interestRequests(organisation: .province(id)).filter {
            $0.from == .ngo && $0.createdAt > since
        }
        let newInterest = received.map { request in
            OverviewMail.Item(
                Messages.text("overview.interest", language, name(ofNGO: request.ngo), title(ofNeed: request.need)),
                detail: String(request.message.prefix(160)), link: "\(mail.publicURL)/interest/\(request.id)")
        }
        let sinceDay = CalendarDate(String(since.prefix(10))) ?? .today
        let certified = try registry.ngos().filter { ngo in
            guard let certificate = ngo.registration, certificate.issued >= sinceDay else { return false }
            return certifiedProvinces(certificate).contains(id)
        }.map { ngo in
            OverviewMail.Item(
                Messages.text(
                    "overview.certified", language, ngo.name,
                    LocalFormat.date(ngo.registration!.issued, language)),
                link: "\(mail.publicURL)/ngos/\(ngo.id)")
        }
        let waiting = try waitingRequests(.province(id), from: .ngo, language).filter { item in
            !newInterest.contains { $0.link == item.link }
        }
        return [
            OverviewMail.Section(Messages.text("overview.newInterest", language), newInterest),
            OverviewMail.Section(Messages.text("overview.waiting", language), waiting),
            OverviewMail.Section(Messages.text("overview.newlyCertified", language), certified),
        ]
    }

    private func ministryOverview(_ language: Language, now: Date) throws -> [OverviewMail.Section] {
        let ministry = Caller.local("overview")
        let figures = try pipelineFigures(PipelineFiguresParams(by: "province"), caller: ministry, now: now)
        var byStage: [String: Int] = [:]
        for group in figures.groups { byStage.merge(group.byStage, uniquingKeysWith: +) }
        let counts = figures.stages.compactMap { stage in
            byStage[stage.id].map { OverviewMail.Item("\(stage.name(language)): \($0)") }
        }
        let stalled = figures.stalled.sorted { $0.daysAtStage > $1.daysAtStage }.prefix(Self.overviewStalled).map {
            entry in
            OverviewMail.Item(
                Messages.text(
                    "overview.stalled", language, entry.needTitle, entry.ngoName,
                    figures.stages.first { $0.id == entry.stage }?.name(language) ?? entry.stage, "\(entry.daysAtStage)"
                ),
                link: "\(mail.publicURL)/pipeline/\(entry.need)/\(entry.ngo)")
        }
        let late = try reportingDuties(ReportingListParams(state: "late"), caller: ministry, now: now).late
        let reports =
            late == 0
            ? []
            : [
                OverviewMail.Item(
                    Messages.text("overview.lateReports", language, "\(late)"),
                    link: "\(mail.publicURL)/reports?state=late")
            ]
        return [
            OverviewMail.Section(Messages.text("overview.pipeline", language), counts),
            OverviewMail.Section(
                Messages.text("overview.stalledPairs", language, "\(Self.stalledAfterDays)"), Array(stalled)),
            OverviewMail.Section(Messages.text("overview.reports", language), reports),
        ]
    }

    /// Open requests the organisation has yet to answer.
    private func waitingRequests(_ role: Role, from side: InterestRequest.Side, _ language: Language) throws
        -> [OverviewMail.Item]
    {
        try registry.interestRequests(organisation: role, status: .open).filter { $0.from == side }.map { request in
            let other: String =
                switch side {
                case .ngo: name(ofNGO: request.ngo)
                case .province: provinceName(request.province)
                }
            let expires = CalendarDate(String(request.expiresAt.prefix(10))).map { LocalFormat.date($0, language) }
            return OverviewMail.Item(
                Messages.text("overview.waitingItem", language, other, title(ofNeed: request.need), expires ?? ""),
                link: "\(mail.publicURL)/interest/\(request.id)")
        }
    }

    private func provinceName(_ id: ProvinceID) -> String { reference.provinces[id]?.name.vi ?? id.rawValue }
}
