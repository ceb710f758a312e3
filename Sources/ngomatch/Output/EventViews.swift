import Foundation
import NGOMatchCore
import NGOMatchService

/// Events as people read them in a terminal, at 80 columns.
enum EventViews {
    static func settings(_ event: MeetingEvent) -> String {
        var details = Details()
        details.add("id", event.id)
        details.add("name", event.name)
        details.add("in English", event.nameEn)
        details.add("status", event.status.rawValue + (event.published.map { " (\($0) schedule)" } ?? ""))
        details.add("date", event.date?.description)
        let first = event.slotLabel(0)
        let last = event.slotLabel(event.slots - 1)
        details.add("slots", "\(event.slots) of \(event.slotMinutes) min: \(first) … \(last)")
        if !event.breaks.isEmpty {
            details.add("breaks", event.breaks.map { "slot \($0) (\(event.slotLabel($0)))" }.joined(separator: ", "))
        }
        details.add("tables", event.tables.map { "\($0)" } ?? "no limit")
        details.add("rules", event.rules ?? "default")
        if event.minScore > 0 { details.add("min score", "\(event.minScore)") }
        return details.render()
    }

    static func details(_ details: EventDetails) -> String {
        let event = details.event
        var text = settings(event) + "\n\n"
        text +=
            "\(event.provinces.count) provinces and \(event.ngos.count) NGOs invited; \(details.answered) answered.\n"
        if !event.participants.isEmpty { text += "\n" + participants(event) + "\n" }
        if !event.wishes.isEmpty {
            var table = Table(["wish", "weight", "reason"])
            for wish in event.wishes {
                let name = { (side: EventParticipant.Side, id: String) in event.participant(side, id)?.name ?? id }
                let pair =
                    wish.from == .province
                    ? "\(name(.province, wish.province)) → \(name(.ngo, wish.ngo))"
                    : "\(name(.ngo, wish.ngo)) → \(name(.province, wish.province))"
                table.add([pair, "\(wish.weight)", wish.reason ?? ""])
            }
            text += "\n" + table.render() + "\n"
        }
        for pair in event.mustMeet { text += "must meet: \(pair.province) — \(pair.ngo)\n" }
        for pair in event.avoid { text += "avoid: \(pair.province) — \(pair.ngo)\n" }
        if !details.plans.isEmpty {
            var table = Table(["plan", "made", "by", "meetings", "value", "bound", "minimums", "published"])
            for plan in details.plans {
                table.add([
                    "\(plan.number)", String(plan.madeAt.prefix(16)), plan.madeBy, "\(plan.meetings)",
                    MarkdownAgenda.score(plan.totalValue), MarkdownAgenda.score(plan.upperBound), plan.minimums,
                    plan.publishedAs ?? "",
                ])
            }
            text += "\n" + table.render() + "\n"
        }
        return text.trimmingCharacters(in: .newlines)
    }

    static func participants(_ event: MeetingEvent) -> String {
        var table = Table(["participant", "kind", "unavailable", "min–max", "languages", "answered"])
        for participant in event.participants {
            let max = participant.maxMeetings.map { "\($0)" } ?? "\(event.slots)"
            table.add([
                participant.name, participant.side == .province ? "province" : "NGO",
                participant.unavailable.map { "\($0)" }.joined(separator: ","), "\(participant.minMeetings)–\(max)",
                participant.languages.joined(separator: ","), participant.answeredAt == nil ? "" : "yes",
            ])
        }
        return table.render()
    }

    static func participant(_ participant: EventParticipant) -> String {
        var details = Details()
        details.add("participant", participant.name)
        details.add(
            "unavailable",
            participant.unavailable.isEmpty
                ? "free in every slot" : participant.unavailable.map { "\($0)" }.joined(separator: ", "))
        details.add(
            "meetings",
            "at least \(participant.minMeetings)" + (participant.maxMeetings.map { ", at most \($0)" } ?? ""))
        details.add("languages", participant.languages.joined(separator: ", "))
        details.add("delegation", participant.delegation.map { "\($0) people" })
        details.add("contact", participant.contact)
        return details.render()
    }

    static func plan(_ result: EventPlanResult) -> String {
        let report = result.report
        var lines = [
            "Plan \(result.plan.number) of \(result.event): \(report.meetingCount) meetings, value "
                + "\(MarkdownAgenda.score(report.totalValue)), \(MarkdownAgenda.percent(report.quality)) of the upper bound "
                + MarkdownAgenda.score(report.upperBound) + "."
        ]
        if report.participants.hasMinimums { lines.append(report.minimums.message) }
        lines += report.conflicts.map { "note: \($0.message)" }
        let changes = result.changes
        if !changes.kept.isEmpty || !changes.isEmpty {
            lines.append(
                "Against the published schedule: \(changes.kept.count) kept, \(changes.moved.count) moved, "
                    + "\(changes.dropped.count) dropped, \(changes.added.count) added.")
            lines += changes.moved.map { "moved: no. \($0.number) \($0.province) — \($0.ngo): \($0.from) → \($0.to)" }
            lines += changes.dropped.map { "dropped: no. \($0.number) \($0.province) — \($0.ngo): \($0.reason)" }
            if !changes.notify.isEmpty { lines.append("Tell: " + changes.notify.joined(separator: ", ") + ".") }
        }
        if let kind = result.published {
            lines.append("Published as the \(kind) schedule: ngomatch events agenda \(result.event)")
        } else {
            lines.append("Not published: ngomatch events plan \(result.event) --publish preliminary")
        }
        var table = Table(["no.", "time", "table", "province", "NGO", "score"])
        for meeting in report.meetings {
            table.add([
                meeting.number.map { "\($0)" } ?? "", meeting.time, meeting.tableLabel, meeting.provinceName,
                meeting.ngoName, String(format: "%.1f", meeting.score * 100),
            ])
        }
        return lines.joined(separator: "\n") + "\n\n" + table.render()
    }

    static func meeting(_ meeting: EventMeeting) -> String {
        var details = Details()
        details.add("meeting", "no. \(meeting.number): \(meeting.provinceName) — \(meeting.ngoName)")
        details.add("when", "\(meeting.time), \(meeting.tableLabel)")
        details.add("status", meeting.status.rawValue)
        let answers = [
            meeting.provinceAnswer.map { "\(meeting.provinceName) \($0.rawValue)" },
            meeting.ngoAnswer.map { "\(meeting.ngoName) \($0.rawValue)" },
        ].compactMap { $0 }
        details.add("answers", answers.joined(separator: "; "))
        details.add("outcome", meeting.outcome?.rawValue)
        details.add("note", meeting.note)
        return details.render()
    }
}
