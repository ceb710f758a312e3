import Foundation

/// What a meeting event tells the people of a participant: that they are invited, that answers
/// are open until a day, that they have not answered yet, or their schedule.
package struct EventNoticeMail: LinkedNotice {
    package enum Occasion: Sendable {
        case invited(organiser: String)
        case opened
        case reminder
        /// `kind` is `preliminary` or `final`; `changes`, what moved since the last schedule
        /// (empty for the first).
        case schedule(kind: String, meetings: [String], changes: [String])
    }

    package let occasion: Occasion
    package let event: String
    /// The day, as the reader writes dates; nil when the event has none yet.
    package let date: String?
    package let answersBy: String?
    /// The province or NGO the reader acts for, as the registry spells it.
    package let participant: String
    package let name: String
    package let language: Language
    /// The event's page.
    package let link: String

    package init(
        occasion: Occasion, event: String, date: String?, answersBy: String?, participant: String, name: String,
        language: Language, link: String
    ) {
        self.occasion = occasion
        self.event = event
        self.date = date
        self.answersBy = answersBy
        self.participant = participant
        self.name = name
        self.language = language
        self.link = link
    }

    /// The kind, as the outbox and a person's settings name it.
    package var kind: String {
        switch occasion {
        case .invited: "event-invitation"
        case .opened: "event-opened"
        case .reminder: "event-reminder"
        case .schedule: "event-schedule"
        }
    }

    package var subject: String {
        switch occasion {
        case .invited: text("notice.invitedSubject", event)
        case .opened: text("notice.openedSubject", event, answersBy ?? "—")
        case .reminder: text("notice.reminderSubject", event, answersBy ?? "—")
        case .schedule(let kind, _, let changes):
            text(changes.isEmpty ? "notice.scheduleSubject" : "notice.changedSubject", event, text("plan.kind.\(kind)"))
        }
    }

    package var linkIntro: String? { text("notice.open") }

    package var buttonLabel: String { text("notice.openButton") }

    package var paragraphs: [String] {
        let when = date.map { text("notice.on", $0) } ?? ""
        switch occasion {
        case .invited(let organiser):
            return [text("notice.invited", organiser, participant, event, when)]
                + (answersBy.map { [text("notice.answersBy", $0)] } ?? [])
        case .opened: return [text("notice.opened", event, when, answersBy ?? "—", participant)]
        case .reminder: return [text("notice.reminder", participant, event, answersBy ?? "—")]
        case .schedule(let kind, let meetings, let changes):
            var lines = [text("notice.schedule", text("plan.kind.\(kind)"), event, when, participant)]
            if !changes.isEmpty {
                lines.append(text("notice.changes") + "\n" + changes.map { "• " + $0 }.joined(separator: "\n"))
            }
            lines.append(
                meetings.isEmpty
                    ? text("notice.noMeetings", participant)
                    : text("notice.meetings") + "\n" + meetings.map { "• " + $0 }.joined(separator: "\n"))
            lines.append(text("notice.calendar"))
            return lines
        }
    }

    private func text(_ key: String, _ values: String...) -> String { Messages.text(key, language, values) }
}
