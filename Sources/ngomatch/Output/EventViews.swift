import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService

/// Events as people read them in a terminal, at 80 columns.
enum EventViews {
    private static var language: Language { CommandLanguage.current }
    private static func say(_ key: String, _ values: any PhraseValue...) -> String {
        Phrase.text(key, values, in: language)
    }
    private static func headers(_ keys: String...) -> [String] { keys.map { say($0) } }
    private static func score(_ value: Double) -> String { LocalFormat.decimal(value, digits: 3, language) }

    static func settings(_ event: MeetingEvent) -> String {
        var details = Details()
        details.add(say("cli.id"), event.id)
        details.add(say("cli.name"), event.name)
        details.add(say("ev.inEnglish"), event.nameEn)
        details.add(
            say("ev.status"),
            say("eventStatus." + event.status.rawValue)
                + (event.published.map { say("ev.publishedAs", say("schedule." + $0)) } ?? ""))
        details.add(say("ev.date"), event.date.map { LocalFormat.date($0, language) })
        let first = event.slotLabel(0)
        let last = event.slotLabel(event.slots - 1)
        details.add(say("ev.slots"), say("ev.slotsValue", event.slots, event.slotMinutes, first, last))
        if !event.breaks.isEmpty {
            details.add(
                say("ev.breaks"),
                event.breaks.map { say("ev.slotAt", $0, event.slotLabel($0)) }.joined(separator: ", "))
        }
        details.add(say("ev.tables"), event.tables.map { "\($0)" } ?? say("ev.noLimit"))
        details.add(say("ev.rules"), event.rules ?? "default")
        if event.minScore > 0 { details.add(say("ev.minScore"), LocalFormat.decimal(event.minScore, language)) }
        return details.render()
    }

    static func details(_ details: EventDetails) -> String {
        let event = details.event
        var text = settings(event) + "\n\n"
        text += say("ev.invited", event.provinces.count, event.ngos.count, details.answered) + "\n"
        if !event.participants.isEmpty { text += "\n" + participants(event) + "\n" }
        if !event.wishes.isEmpty {
            var table = Table(headers("ev.wish", "cli.weight", "ev.reason"))
            for wish in event.wishes {
                let name = { (side: EventParticipant.Side, id: String) in event.participant(side, id)?.name ?? id }
                let pair =
                    wish.from == .province
                    ? "\(name(.province, wish.province)) → \(name(.ngo, wish.ngo))"
                    : "\(name(.ngo, wish.ngo)) → \(name(.province, wish.province))"
                table.add([pair, LocalFormat.decimal(wish.weight, digits: 2, language), wish.reason ?? ""])
            }
            text += "\n" + table.render() + "\n"
        }
        for pair in event.mustMeet { text += say("ev.mustMeet", pair.province, pair.ngo) + "\n" }
        for pair in event.avoid { text += say("ev.avoid", pair.province, pair.ngo) + "\n" }
        if !details.plans.isEmpty {
            var table = Table(
                headers(
                    "ev.plan", "ev.made", "ev.by", "ev.meetings", "cli.value", "ev.bound", "ev.minimums", "ev.published"
                ))
            for plan in details.plans {
                table.add([
                    "\(plan.number)", String(plan.madeAt.prefix(16)), plan.madeBy, "\(plan.meetings)",
                    score(plan.totalValue), score(plan.upperBound), plan.minimums,
                    plan.publishedAs.map { say("schedule." + $0) } ?? "",
                ])
            }
            text += "\n" + table.render() + "\n"
        }
        return text.trimmingCharacters(in: .newlines)
    }

    static func participants(_ event: MeetingEvent) -> String {
        var table = Table(
            headers("ev.participant", "ev.kind", "ev.unavailable", "ev.minMax", "ev.languages", "ev.answered"))
        for participant in event.participants {
            let max = participant.maxMeetings.map { "\($0)" } ?? "\(event.slots)"
            table.add([
                participant.name, say(participant.side == .province ? "kind.province" : "kind.NGO"),
                participant.unavailable.map { "\($0)" }.joined(separator: ","), "\(participant.minMeetings)–\(max)",
                participant.languages.joined(separator: ","), participant.answeredAt == nil ? "" : say("ev.yes"),
            ])
        }
        return table.render()
    }

    static func participant(_ participant: EventParticipant) -> String {
        var details = Details()
        details.add(say("ev.participant"), participant.name)
        details.add(
            say("ev.unavailable"),
            participant.unavailable.isEmpty
                ? say("ev.freeAll") : participant.unavailable.map { "\($0)" }.joined(separator: ", "))
        details.add(
            say("ev.meetings"),
            say("ev.atLeast", participant.minMeetings) + (participant.maxMeetings.map { say("ev.atMost", $0) } ?? ""))
        details.add(say("ev.languages"), participant.languages.joined(separator: ", "))
        details.add(say("ev.delegation"), participant.delegation.map { say("ev.people", $0) })
        details.add(say("ev.contact"), participant.contact)
        return details.render()
    }

    static func plan(_ result: EventPlanResult) -> String {
        let report = result.report
        let percent = LocalFormat.percent(report.quality, language)
        var lines = [
            say(
                "ev.planSummary", result.plan.number, result.event, report.meetingCount, score(report.totalValue),
                percent, score(report.upperBound))
        ]
        if report.participants.hasMinimums { lines.append(report.minimums.message) }
        lines += report.conflicts.map { say("cli.note", $0.message) }
        let changes = result.changes
        if !changes.kept.isEmpty || !changes.isEmpty {
            lines.append(
                say(
                    "ev.against", changes.kept.count, changes.moved.count, changes.dropped.count, changes.added.count))
            lines += changes.moved.map { say("ev.moved", $0.number, $0.province, $0.ngo, $0.from, $0.to) }
            lines += changes.dropped.map { say("ev.dropped", $0.number, $0.province, $0.ngo, $0.reason) }
            if !changes.notify.isEmpty { lines.append(say("ev.tell", changes.notify.joined(separator: ", "))) }
        }
        if let kind = result.published {
            lines.append(say("ev.publishedNext", say("schedule." + kind), result.event))
        } else {
            lines.append(say("ev.notPublished", result.event))
        }
        var table = Table(headers("ev.number", "agenda.time", "agenda.table", "kind.province", "kind.NGO", "cli.score"))
        for meeting in report.meetings {
            table.add([
                meeting.number.map { "\($0)" } ?? "", meeting.time, meeting.tableLabel, meeting.provinceName,
                meeting.ngoName, LocalFormat.decimal(meeting.score * 100, language),
            ])
        }
        return lines.joined(separator: "\n") + "\n\n" + table.render()
    }

    static func meeting(_ meeting: EventMeeting) -> String {
        var details = Details()
        details.add(
            say("ev.meeting"),
            say("agenda.number", meeting.number) + "\(meeting.provinceName) — \(meeting.ngoName)")
        details.add(say("ev.when"), "\(meeting.time), \(meeting.tableLabel)")
        details.add(say("ev.status"), say("meetingStatus." + meeting.status.rawValue))
        let answers = [
            meeting.provinceAnswer.map { "\(meeting.provinceName): \(say("meetingStatus." + $0.rawValue))" },
            meeting.ngoAnswer.map { "\(meeting.ngoName): \(say("meetingStatus." + $0.rawValue))" },
        ].compactMap { $0 }
        details.add(say("ev.answers"), answers.joined(separator: "; "))
        details.add(say("ev.outcome"), meeting.outcome.map { say("outcome." + $0.rawValue) })
        details.add(say("ev.note"), meeting.note)
        return details.render()
    }
}
