import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchStore

/// What a meeting event tells the people of its participants, written with the change.
extension MatchService {
    /// Reminders go out this often to participants who have not answered, until the day for answers.
    package static let reminderInterval: TimeInterval = 2 * 24 * 3600

    /// One notice for one person of a participant.
    func eventNotice(
        _ occasion: EventNoticeMail.Occasion, event: MeetingEvent, participant: EventParticipant, to person: Person,
        attachments: [MailMessage.Attachment] = []
    ) -> OutboxDraft? {
        guard let address = try? MailAddress(person.email, name: person.name) else { return nil }
        let language = person.language
        let content = EventNoticeMail(
            occasion: occasion, event: language == .en ? (event.nameEn ?? event.name) : event.name,
            date: event.date.map { LocalFormat.date($0, language) },
            answersBy: event.answersBy.map { LocalFormat.date($0, language) }, participant: participant.name,
            name: person.name, language: language, link: "\(mail.publicURL)/events/\(event.id)")
        let messageID = mail.messageID(content.kind, secret: Secret.make(bytes: 12))
        let unsubscribe: String? =
            if case .reminder = occasion { try? unsubscribeLink(person: person.id, kind: content.kind) } else { nil }
        let message = content.message(
            to: address, from: mail.from, messageID: messageID, date: Date(), attachments: attachments,
            unsubscribe: unsubscribe)
        return OutboxDraft(
            messageID: messageID, recipient: address.address, personID: person.id, kind: content.kind,
            subject: content.subject, message: message.rendered, holdsSecret: false, topic: "event:\(event.id)",
            link: content.link)
    }

    /// Invitations for the participants `after` has and `before` had not.
    func invitationNotices(
        before: MeetingEvent, after: MeetingEvent, organiser: (Language) -> String, people: [String: [Person]]
    ) -> [OutboxDraft] {
        let known = Set(before.participants.map { "\($0.side.rawValue):\($0.id)" })
        return after.participants.filter { !known.contains("\($0.side.rawValue):\($0.id)") }.flatMap { participant in
            (people["\(participant.side.rawValue):\(participant.id)"] ?? []).compactMap {
                eventNotice(
                    .invited(organiser: organiser($0.language)), event: after, participant: participant, to: $0)
            }
        }
    }

    /// Everyone invited, told that answers are open and until when.
    func openingNotices(_ event: MeetingEvent, people: [String: [Person]]) -> [OutboxDraft] {
        event.participants.flatMap { participant in
            (people["\(participant.side.rawValue):\(participant.id)"] ?? []).compactMap {
                eventNotice(.opened, event: event, participant: participant, to: $0)
            }
        }
    }

    /// The people of every participant, by `side:id`, read before the transaction that tells them.
    func peopleOfParticipants(_ participants: [EventParticipant]) -> [String: [Person]] {
        guard !participants.isEmpty else { return [:] }
        // One read of everyone still here, however many participants: an event has dozens.
        let wanted = Set(participants.map { "\($0.side.rawValue):\($0.id)" })
        let people = (try? registry.people()) ?? []
        return Dictionary(grouping: people.filter { wanted.contains($0.organisation) }, by: \.organisation)
    }

    /// Each participant whose meetings differ from what the last published schedule told it
    /// (everyone, the first time) is sent its schedule with a calendar file: one UID a meeting
    /// across replans, `SEQUENCE` the plan's number, and the meetings it no longer has as
    /// `STATUS:CANCELLED`. A meeting declined since is one it no longer has.
    func scheduleNotices(
        _ event: MeetingEvent, kind: String, sequence: Int, report: PlanReport, meetings: [EventMeeting],
        told: [PlanReport.Meeting]?, changes: ScheduleChanges, people: [String: [Person]]
    ) -> [OutboxDraft] {
        let scheduled = meetings.filter(\.status.isScheduled).map { Self.reported($0) }
        var books: [Language: AgendaBook] = [:]
        func book(_ language: Language) -> AgendaBook {
            if let book = books[language] { return book }
            var shown = report
            shown.meetings = scheduled.sorted { ($0.slot, $0.table) < ($1.slot, $1.table) }
            let made = AgendaBook(shown, event: event.planning(), language: language)
            books[language] = made
            return made
        }
        let reasons = Dictionary(changes.dropped.map { ($0.number, $0.reason) }, uniquingKeysWith: { a, _ in a })
        var drafts: [OutboxDraft] = []
        for participant in event.participants {
            func mine(_ meeting: PlanReport.Meeting) -> Bool {
                (participant.side == .province ? meeting.province : meeting.ngo) == participant.id
            }
            let was = (told ?? []).filter(mine)
            let now = scheduled.filter(mine)
            func placed(_ meetings: [PlanReport.Meeting]) -> Set<String> {
                Set(meetings.map { "\($0.number ?? 0)@\($0.slot)@\($0.table)" })
            }
            guard told == nil || placed(was) != placed(now) else { continue }
            let nowNumbers = Set(now.compactMap(\.number))
            let cancelled = was.filter { !nowNumbers.contains($0.number ?? 0) }
            for person in people["\(participant.side.rawValue):\(participant.id)"] ?? [] {
                let language = person.language
                guard
                    let agenda = book(language).everyone.first(where: {
                        $0.id == participant.id && $0.side.rawValue == participant.side.rawValue
                    })
                else { continue }
                let lines = agenda.meetings.map {
                    Messages.text("notice.meetingLine", language, $0.time, $0.tableLabel, agenda.meets($0, language))
                }
                let changed =
                    told == nil
                    ? [] : Self.changeLines(was: was, now: now, agenda: agenda, reasons: reasons, language)
                var attachments: [MailMessage.Attachment] = []
                if let calendar = CalendarFile.calendar(
                    agenda, in: book(language), sequence: sequence, cancelled: cancelled)
                {
                    attachments.append(
                        MailMessage.Attachment(
                            fileName: AgendaBook.fileName(event.id) + ".ics",
                            contentType: "text/calendar; charset=utf-8; method=PUBLISH", data: Array(calendar.utf8)))
                }
                if let draft = eventNotice(
                    .schedule(kind: kind, meetings: lines, changes: changed), event: event, participant: participant,
                    to: person, attachments: attachments)
                {
                    drafts.append(draft)
                }
            }
        }
        return drafts
    }

    /// What moved, went or came for one participant since it was last told, in words.
    static func changeLines(
        was: [PlanReport.Meeting], now: [PlanReport.Meeting], agenda: AgendaBook.Agenda, reasons: [Int: String],
        _ language: Language
    ) -> [String] {
        let before = Dictionary(was.map { ($0.number ?? 0, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(now.map { ($0.number ?? 0, $0) }, uniquingKeysWith: { a, _ in a })
        func place(_ meeting: PlanReport.Meeting) -> String { "\(meeting.time) · \(meeting.tableLabel)" }
        var lines: [String] = []
        for meeting in was.sorted(by: { $0.slot < $1.slot }) {
            let other = agenda.counterpart(meeting)
            if let moved = after[meeting.number ?? 0] {
                if place(moved) != place(meeting) {
                    lines.append(Messages.text("notice.moved", language, other, place(meeting), place(moved)))
                }
            } else if let reason = reasons[meeting.number ?? 0] {
                lines.append(Messages.text("notice.dropped", language, other, reason))
            } else {
                lines.append(Messages.text("notice.droppedPlain", language, other))
            }
        }
        for meeting in now.sorted(by: { $0.slot < $1.slot }) where before[meeting.number ?? 0] == nil {
            lines.append(Messages.text("notice.added", language, agenda.counterpart(meeting), place(meeting)))
        }
        return lines
    }

    /// A stored meeting as an agenda shows it, with what the plan said of its value and wishes
    /// when `planned` is known.
    static func reported(_ meeting: EventMeeting, planned: PlanReport.Meeting? = nil) -> PlanReport.Meeting {
        var shown = PlanReport.Meeting(
            slot: meeting.slot, time: meeting.time, table: meeting.table, tableLabel: meeting.tableLabel,
            province: meeting.province, provinceName: meeting.provinceName, ngo: meeting.ngo,
            ngoName: meeting.ngoName, score: meeting.score, value: planned?.value ?? meeting.score,
            mustMeet: planned?.mustMeet ?? false, wish: planned?.wish, reasons: meeting.reasons)
        shown.number = meeting.number
        shown.status = meeting.status.rawValue
        shown.interpreter = meeting.interpreter
        return shown
    }

    /// Reminders to the people of participants who have not answered an open event, at most one
    /// each per interval (the opening notice counts as one), until the day for answers.
    package func writeReminders(now: Date = Date()) throws -> Int {
        let today = CalendarDate(now)
        var written = 0
        for event in try registry.events() where event.status == .open {
            guard let due = event.answersBy, due >= today else { continue }
            let silent = event.participants.filter { $0.answeredAt == nil }
            let people = peopleOfParticipants(silent)
            let drafts = silent.flatMap { participant in
                (people["\(participant.side.rawValue):\(participant.id)"] ?? []).compactMap {
                    eventNotice(.reminder, event: event, participant: participant, to: $0)
                }
            }
            guard !drafts.isEmpty else { continue }
            written += try registry.enqueueUnlessSent(
                kinds: ["event-opened", "event-reminder"], writing: "event-reminder", topic: "event:\(event.id)",
                since: now.addingTimeInterval(-Self.reminderInterval), now: now, drafts)
        }
        return written
    }

    /// Who was told what about an event, newest first: for its organiser.
    package func eventNotices(_ id: String, caller: Caller) throws -> [OutboxEntry] {
        try caller.mayOrganise(EventNoticesOperation.name)
        _ = try registry.event(id)
        return try registry.outbox(topic: "event:\(id)")
    }
}
