import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService
import NGOMatchStore
import Testing

/// Reminders to invited participants who have not answered: every two days after the opening,
/// until the day for answers, once each however many servers write them.
@Suite(.timeLimit(.minutes(5)))
struct ReminderTests {
    @Test func theSilentAreRemindedEveryTwoDaysUntilTheDayForAnswers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reminders-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        let service = MatchService(registry: try Registry.open(at: path).registry)
        let local = Caller.local("test")
        for (email, organisation) in [
            ("lan@caobang.example.vn", "province:Cao Bằng"), ("anna@mcnv.example.org", "ngo:MCNV"),
        ] {
            _ = try service.invite(PersonInviteParams(email: email, name: email, for: organisation), caller: local)
        }
        let start = Date()
        let today = CalendarDate(start)
        let event = try service.createEvent(
            EventSettingsParams(
                name: "Nhắc nhở 2027", date: CalendarDate(dayNumber: today.dayNumber + 10).description, start: "09:00",
                slots: 4, tables: 2), caller: local)
        _ = try service.invite(
            EventParticipantParams(event: event.id, participants: ["Cao Bằng", "MCNV"]), caller: local)
        let due = CalendarDate(dayNumber: today.dayNumber + 5)
        _ = try service.setEventStatus(event.id, open: true, answersBy: due.description, caller: local)
        func reminded() throws -> [String] {
            try service.registry.outbox().filter { $0.kind == "event-reminder" }.map(\.recipient).sorted()
        }
        let day: TimeInterval = 24 * 3600
        // The opening was just sent: nothing is due.
        #expect(try service.writeReminders(now: start.addingTimeInterval(day)) == 0)
        // Two days on, both are reminded; a second server on the file, a moment later, writes none again.
        let other = MatchService(registry: try Registry.open(at: path).registry)
        let later = start.addingTimeInterval(2 * day + 3600)
        let counts = [try service.writeReminders(now: later), try other.writeReminders(now: later)]
        #expect(counts.reduce(0, +) == 2)
        #expect(try reminded() == ["anna@mcnv.example.org", "lan@caobang.example.vn"])
        // Cao Bằng answers; two days later only MCNV's person is reminded.
        _ = try service.setAvailability(
            EventParticipantParams(event: event.id, participant: "Cao Bằng", unavailable: [0]), caller: local)
        #expect(try service.writeReminders(now: start.addingTimeInterval(4 * day + 7200)) == 1)
        #expect(try reminded() == ["anna@mcnv.example.org", "anna@mcnv.example.org", "lan@caobang.example.vn"])
        // Past the day for answers, nobody is.
        #expect(try service.writeReminders(now: start.addingTimeInterval(7 * day)) == 0)
        let reminder = try #require(try service.registry.outbox().first { $0.kind == "event-reminder" })
        #expect(reminder.subject == "Nhắc nhở: Nhắc nhở 2027, hạn phản hồi \(LocalFormat.date(due, .vi))")
    }
}
