import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchStore

/// What `events.plan` did: the plan kept, whether it was published, and how it differs from
/// the schedule published before.
package struct EventPlanResult: Encodable, Sendable {
    package let event: String
    package let plan: EventPlanRecord
    package let published: String?
    /// Against the schedule published before; empty when there was none.
    package let changes: ScheduleChanges
    package let report: PlanReport
}

/// A published schedule, or one participant's part of it.
package struct EventAgenda: Encodable, Sendable {
    package let event: String
    package let name: String
    package let date: CalendarDate?
    package let status: MeetingEvent.Status
    /// `preliminary` or `final`.
    package let published: String?
    /// The plan the schedule was published from.
    package let plan: Int
    /// The participant whose agenda this is, when one was asked for.
    package let participant: String?
    /// By number; declined and cancelled meetings are listed with their status.
    package let meetings: [EventMeeting]
}

/// Participants whose meetings changed, for the protocol's `events.changed` notification.
package struct EventChange: Sendable {
    package let event: String
    package let parties: [EventPair.Party]
    package let message: String
}

extension EventPair {
    /// One participant, by side and registry id.
    package struct Party: Hashable, Sendable {
        package let side: EventParticipant.Side
        package let id: String
    }
}

extension MatchService {
    // MARK: - Planning and publishing

    /// Plans the event from the registry: confirmed meetings stay where they are, declined
    /// pairs are not proposed again. With `publish`, the plan becomes the schedule.
    package func planEvent(_ params: EventPlanParams, caller: Caller) throws -> EventPlanResult {
        try caller.mayOrganise("events.plan")
        if let publish = params.publish, !["preliminary", "final"].contains(publish) {
            throw ServiceError.invalidParams(field: "publish", expected: .notOneOf(publish, ["preliminary", "final"]))
        }
        let event = try registry.event(params.event)
        try refuseIfClosed(event, "events.plan")
        guard !event.provinces.isEmpty, !event.ngos.isEmpty else {
            throw RegistryError.conflict(.key("conflict.nobodyToPlan", event.id))
        }
        let previous = try registry.eventMeetings(event.id)
        let declined = previous.filter { $0.status == .declined }.map { EventPair(province: $0.province, ngo: $0.ngo) }
        let keep = previous.filter { $0.status == .confirmed }.map {
            KeptMeeting(province: $0.province, ngo: $0.ngo, slot: $0.slot, table: $0.table)
        }
        let language = params.lang ?? .en
        let request = PlanRequest(
            event: event.planning(declined: declined), keep: keep, language: language, source: "event '\(event.id)'")
        var report = PlanReport(try plan(request), rules: request.scoringRules, language: language)
        let rules = try self.rules(request.scoringRules)
        let index = try index()
        let languages = Dictionary(
            event.participants.map { ("\($0.side.rawValue)\t\($0.id)", Set($0.languages)) },
            uniquingKeysWith: { a, _ in a })
        let dropReasons = Dictionary(
            (report.replan?.dropped ?? []).map { ("\($0.province)\t\($0.ngo)", $0.reason ?? "it could not be kept") },
            uniquingKeysWith: { a, _ in a })
        let (meetings, changes) = ScheduleNumbering.schedule(
            report.meetings, previous: previous,
            need: { province, ngo in self.bestNeed(province: province, ngo: ngo, rules: rules, index: index) },
            interpreter: { province, ngo in
                let spoken = languages["province\t\(province)"] ?? []
                let heard = languages["ngo\t\(ngo)"] ?? []
                return !spoken.isEmpty && !heard.isEmpty && spoken.isDisjoint(with: heard)
            }, dropReasons: dropReasons)
        let numbers = Dictionary(meetings.map { ("\($0.province)\t\($0.ngo)", $0) }, uniquingKeysWith: { a, _ in a })
        report.meetings = report.meetings.map { planned in
            var shown = planned
            let stored = numbers["\(planned.province)\t\(planned.ngo)"]
            shown.number = stored?.number
            shown.status = stored?.status.rawValue
            shown.interpreter = stored?.interpreter
            return shown
        }
        let summary = EventPlanRecord(
            number: 0, madeAt: "", madeBy: "", publishedAs: params.publish, meetings: report.meetingCount,
            totalValue: report.totalValue, upperBound: report.upperBound, minimums: report.minimums.status.rawValue)
        let people = params.publish == nil ? [:] : peopleOfParticipants(event.participants)
        // What participants were last told: the meetings of the last published schedule.
        let told = try registry.eventPlanReport(event.id).map {
            try JSONParser.parse([UInt8]($0.report)).decode(PlanReport.self).meetings
        }
        let record = try registry.storeEventPlan(
            event.id, report: try StreamingJSONEncoder.encode(report), summary: summary, publish: params.publish,
            meetings: meetings, audit: caller.audit("events.plan"),
            check: { current in try refuseIfClosed(current, "events.plan") },
            notices: { _, record in
                guard let kind = params.publish else { return [] }
                return scheduleNotices(
                    event, kind: kind, sequence: record.number, report: report, meetings: meetings, told: told,
                    changes: changes, people: people)
            })
        if params.publish != nil && !changes.isEmpty {
            let touched = Set(changes.moved.map(\.number) + changes.dropped.map(\.number) + changes.added)
            var parties: [EventPair.Party] = []
            for meeting in meetings + previous where touched.contains(meeting.number) {
                for party in [
                    EventPair.Party(side: .province, id: meeting.province),
                    EventPair.Party(side: .ngo, id: meeting.ngo),
                ] where !parties.contains(party) {
                    parties.append(party)
                }
            }
            eventChanged(
                EventChange(
                    event: event.id, parties: parties,
                    message: "The \(params.publish!) schedule of \(event.name) changed your meetings."))
        }
        return EventPlanResult(
            event: event.id, plan: record, published: params.publish, changes: changes, report: report)
    }

    /// The province's open need an NGO would best serve, as the planner scored the pair.
    func bestNeed(province: String, ngo: String, rules: RuleSet, index: MatchIndex) -> String? {
        guard let position = index.ngoPosition(NGOID(ngo)) else { return nil }
        let needs = index.needs.indices.filter {
            index.needs[$0].province.rawValue == province && index.needs[$0].status == .open
        }
        return index.bestNeed(forNGO: position, among: needs, rules: rules)?.need.rawValue
    }

    // MARK: - Agendas

    /// The published schedule, or one participant's part; `book` renders it as agendas and calendars.
    package func eventAgenda(_ params: EventAgendaParams, caller: Caller) throws -> (
        agenda: EventAgenda, book: AgendaBook
    ) {
        let event = try registry.event(params.event)
        try mayRead(event, caller: caller, "events.agenda")
        guard let published = try registry.eventPlanReport(event.id) else {
            throw RegistryError.conflict(.key("conflict.nothingPublished", event.id))
        }
        var report = try JSONParser.parse([UInt8](published.report)).decode(PlanReport.self)
        var meetings = try registry.eventMeetings(event.id)
        var participant: EventParticipant? = nil
        if let name = params.participant {
            let found = try invited(name, in: event.id)
            participant = found
            meetings = meetings.filter { (found.side == .province ? $0.province : $0.ngo) == found.id }
        }
        let planned = Dictionary(
            report.meetings.map { ("\($0.province)\t\($0.ngo)", $0) }, uniquingKeysWith: { a, _ in a })
        report.meetings = meetings.filter(\.status.isScheduled).map {
            Self.reported($0, planned: planned["\($0.province)\t\($0.ngo)"])
        }.sorted { ($0.slot, $0.table) < ($1.slot, $1.table) }
        report.meetingCount = report.meetings.count
        let agenda = EventAgenda(
            event: event.id, name: event.name, date: event.date, status: event.status, published: event.published,
            plan: published.number, participant: participant?.id, meetings: meetings)
        return (agenda, AgendaBook(report, event: event.planning(), language: params.lang ?? .en))
    }

    // MARK: - Meetings

    /// Confirms, declines, checks in, cancels or records the outcome of one meeting.
    package func updateMeeting(_ params: EventMeetingParams, caller: Caller) throws -> EventMeeting {
        let method = "events.meeting.update"
        guard EventMeetingParams.actions.contains(params.action) else {
            throw ServiceError.invalidParams(
                field: "action",
                expected: .notOneOf(params.action, EventMeetingParams.actions))
        }
        if case .anonymous = caller { throw ServiceError.unauthorized }
        let updated = try registry.changeEventMeeting(
            params.event, number: params.meeting, door: caller.door, audit: caller.audit(method)
        ) { meeting, event, partnerships in
            let isProvince = caller.isParty(.province, meeting.province)
            let isNGO = caller.isParty(.ngo, meeting.ngo)
            guard caller.isOrganiser || isProvince || isNGO else {
                let role = caller.role.map { "\($0)" } ?? "this"
                throw ServiceError.forbidden(
                    .key(
                        "forbidden.meeting", method, meeting.number, meeting.provinceName, meeting.ngoName,
                        role.description))
            }
            func organiserOnly() throws {
                guard caller.isOrganiser else {
                    throw ServiceError.forbidden(.key("forbidden.meetingAction", method, params.action))
                }
            }
            func requireStatus(_ allowed: [EventMeeting.Status]) throws {
                guard allowed.contains(meeting.status) else {
                    throw RegistryError.conflict(
                        .key(
                            "conflict.meetingStatus", meeting.number,
                            Phrase.key("meetingStatus." + meeting.status.rawValue),
                            params.action, allowed.map(\.rawValue).joined(separator: " / ")))
                }
            }
            if let note = params.note { meeting.note = note.isEmpty ? nil : note }
            switch params.action {
            case "confirm", "decline":
                try refuseIfClosed(event, method)
                try requireStatus([.proposed, .confirmed, .declined])
                let answer: EventMeeting.Answer = params.action == "confirm" ? .confirmed : .declined
                if isProvince || caller.isOrganiser && !isNGO { meeting.provinceAnswer = answer }
                if isNGO || caller.isOrganiser && !isProvince { meeting.ngoAnswer = answer }
                meeting.status = EventMeeting.status(province: meeting.provinceAnswer, ngo: meeting.ngoAnswer)
            case "held", "no-show":
                try organiserOnly()
                try requireStatus([.proposed, .confirmed, .held, .noShow])
                meeting.status = params.action == "held" ? .held : .noShow
            case "cancel":
                try organiserOnly()
                try requireStatus([.proposed, .confirmed, .declined])
                meeting.status = .cancelled
            default:
                try requireStatus([.proposed, .confirmed, .held])
                let before = meeting.outcome
                meeting.status = .held
                meeting.outcome = params.action == "follow-up" ? .followUp : .noFollowUp
                // Saying it twice advances the partnership once.
                guard meeting.outcome == .followUp, before != .followUp, let need = meeting.need else { return nil }
                return try Self.advance(
                    partnerships.partnership(need: need, ngo: meeting.ngo), need: need, ngo: meeting.ngo,
                    note: "follow-up agreed at \(event.name) (meeting \(meeting.number))"
                        + (params.note.map { ": \($0)" } ?? ""))
            }
            return nil
        }
        eventChanged(
            EventChange(
                event: params.event,
                parties: [.init(side: .province, id: updated.province), .init(side: .ngo, id: updated.ngo)],
                message:
                    "Meeting \(updated.number) (\(updated.provinceName) — \(updated.ngoName)) is \(updated.status.rawValue)."
            ))
        return updated
    }

    /// A follow-up agreed opens the pair's partnership (proposed) or takes a proposed one to agreed.
    static func advance(_ current: Partnership?, need: String, ngo: String, note: String) -> Partnership? {
        switch current?.status {
        case nil: Partnership(need: NeedID(need), ngo: NGOID(ngo), status: .proposed, note: note, recordedAt: nowText())
        case .proposed?:
            Partnership(need: NeedID(need), ngo: NGOID(ngo), status: .agreed, note: note, recordedAt: nowText())
        default: nil
        }
    }

    static func nowText() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }

    // MARK: - Files

    /// Stores an event file as a new event, every participant and wish resolved against the registry.
    package func importEvent(_ params: EventImportParams, caller: Caller) throws -> MeetingEvent {
        try caller.mayOrganise("events.import")
        let file = params.event
        if file.scores != nil {
            throw ValidationFailure(records: [
                RecordProblems(
                    location: .verbatim("params"), record: .key("record.event", file.name),
                    problems: [
                        FieldProblem(field: "scores", .key("problem.storedEventScores"))
                    ])
            ])
        }
        let resolved = try resolveAgainstRegistry(file, source: "params", scored: false)
        var problems: [FieldProblem] = []
        if let id = params.id, !Slug.isValid(id) {
            problems.append(
                FieldProblem(field: "id", .key("problem.badID", id, Slug.make(from: id))))
        }
        if let rules = file.rules {
            do { _ = try self.rules(rules) } catch {
                problems.append(FieldProblem(field: "rules", .of(error)))
            }
        }
        try refuse(problems, event: file.name)
        func participants(_ written: [Event.Participant], _ found: [ResolvedParticipant], _ side: EventParticipant.Side)
            -> [EventParticipant]
        {
            zip(written, found).map { written, found in
                EventParticipant(
                    side: side, id: found.id, name: found.name, maxMeetings: written.maxMeetings,
                    minMeetings: written.minMeetings, unavailable: written.unavailable, languages: written.languages,
                    delegation: written.delegation, contact: written.contact)
            }
        }
        let provinces = resolved.provinces.map(\.id)
        let ngos = resolved.ngos.map(\.id)
        let event = MeetingEvent(
            id: try params.id ?? freeEventID(Slug.make(from: file.name)), name: file.name, nameEn: file.nameEn,
            date: file.date, start: file.start, slotMinutes: file.slotMinutes ?? 20, slots: file.slots,
            breaks: file.breaks, tables: file.tables, tableLabels: file.tableLabels, rules: file.rules,
            minScore: file.minScore, status: .open,
            participants: participants(file.provinces, resolved.provinces, .province)
                + participants(file.ngos, resolved.ngos, .ngo),
            wishes: zip(file.requests, resolved.requests).map { written, wish in
                EventWish(
                    province: provinces[wish.province], ngo: ngos[wish.ngo],
                    from: wish.fromProvince ? .province : .ngo, weight: wish.weight, reason: written.reason)
            }, mustMeet: resolved.mustMeet.map { EventPair(province: provinces[$0.province], ngo: ngos[$0.ngo]) },
            avoid: resolved.avoid.map { EventPair(province: provinces[$0.province], ngo: ngos[$0.ngo]) })
        return try registry.createEvent(event, audit: caller.audit("events.import"))
    }

    /// The event as an event file: `events import` takes it back, `ngomatch pair --event` plans it.
    package func exportEvent(_ id: String, caller: Caller) throws -> JSONValue {
        try caller.mayOrganise("events.export")
        return try registry.event(id).planning().json
    }
}
