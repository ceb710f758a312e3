import Foundation
import HTTPTypes
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService
import NGOMatchStore
import Testing

@testable import NGOMatchWeb

/// A person's inbox and choices: a reminder chosen daily waits for the day's digest instead of
/// being mailed, the digest carries a one-click unsubscribe that works without signing in, and
/// the header counts what is unread.
@Suite(.timeLimit(.minutes(5)))
struct WebInboxTests {
    @Test func aDigestGathersWhatWasChosenAndItsLinkUnsubscribesInOneClick() async throws {
        let fixture = try WebFixture(auth: true)
        let service = fixture.service
        let local = Caller.local("test")
        let lan = try service.invite(
            PersonInviteParams(
                email: "lan@caobang.example.vn", name: "Nguyễn Thị Lan", for: "province:Cao Bằng",
                language: .en), caller: local)
        _ = try service.setNoticeSetting(
            PersonNoticesParams(person: lan.id, kind: "event-reminder", cadence: .daily), caller: local)
        let start = Date()
        let today = CalendarDate(start)
        let event = try service.createEvent(
            EventSettingsParams(
                name: "Digest 2027", date: CalendarDate(dayNumber: today.dayNumber + 10).description, start: "09:00",
                slots: 4, tables: 2), caller: local)
        _ = try service.invite(EventParticipantParams(event: event.id, participants: ["Cao Bằng"]), caller: local)
        _ = try service.setEventStatus(event.id, open: true, caller: local)
        func mailed(_ kind: String) throws -> [OutboxEntry] { try service.registry.outbox().filter { $0.kind == kind } }
        #expect(try mailed("event-invitation").count == 1)
        #expect(try mailed("event-opened").count == 1)
        // The reminder two days on goes to the inbox and waits for the digest.
        #expect(try service.writeReminders(now: start.addingTimeInterval(2 * 86400 + 60)) == 1)
        #expect(try mailed("event-reminder").isEmpty)
        #expect(try service.writeDigests(now: start.addingTimeInterval(2 * 86400 + 120)) == 1)
        #expect(try service.writeDigests(now: start.addingTimeInterval(2 * 86400 + 180)) == 0)
        let digest = try #require(try mailed("digest-daily").first)
        #expect(digest.subject == "ngomatch today: 1 notice")
        var message = ""
        // Written on the tests' clock, two days on: due then.
        let later = start.addingTimeInterval(3 * 86400)
        while let claimed = try service.registry.claimDueMessage(by: "test", lease: 60, now: later) {
            if claimed.id == digest.id { message = claimed.message }
            try service.registry.recordDelivery(claimed.id)
        }
        #expect(message.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        let header = try #require(message.components(separatedBy: "\r\n").first { $0.hasPrefix("List-Unsubscribe: <") })
        let link = String(header.dropFirst("List-Unsubscribe: <".count).dropLast())
        let path = String(link.dropFirst(MailIdentity.local.publicURL.count))
        #expect(path.hasPrefix("/unsubscribe?person=\(lan.id)&kind=digest-daily&sig="))

        try await fixture.browse { browser in
            // A mail program's one-click: no session, no CSRF token, only the signed link.
            let forged = try await browser.post(
                path.replacingOccurrences(of: "sig=", with: "sig=0"), [("List-Unsubscribe", "One-Click")], csrf: "")
            #expect(forged.status == .notFound)
            let done = try await browser.post(path, [("List-Unsubscribe", "One-Click")], csrf: "")
            #expect(done.status == .ok)
            #expect(done.html.contains("no more daily digests will be mailed to lan@caobang.example.vn"))
        }
        #expect(try service.noticeSettings(of: lan.id)["event-reminder"] == .off)

        // Signed in, the header counts the unread notices until the inbox is opened.
        try service.requestSignIn(email: lan.email)
        var code = ""
        while let claimed = try service.registry.claimDueMessage(by: "test", lease: 60, now: later) {
            try service.registry.recordDelivery(claimed.id)
            code = claimed.message
        }
        let keyText = try #require(Self.linkKey(in: code))
        try await fixture.browse { browser in
            try await browser.get("/signin/link?key=\(keyText)")
            #expect(try await browser.post("/signin/link", [("key", keyText)]).status == .seeOther)
            let needs = try await browser.get("/needs")
            #expect(needs.html.contains(">Inbox (3)<"), "invitation, opening and reminder are unread")
            let inbox = try await browser.get("/inbox")
            #expect(inbox.html.contains("Reminder: Digest 2027"))
            let after = try await browser.get("/needs")
            #expect(after.html.contains(">Inbox<"))
        }
    }

    /// The sign-in link's key in a message whose text part is base64.
    static func linkKey(in message: String) -> String? {
        guard let plain = message.range(of: "Content-Type: text/plain; charset=utf-8\r\n"),
            let start = message.range(of: "\r\n\r\n", range: plain.upperBound..<message.endIndex)
        else { return nil }
        let block = message[start.upperBound...].prefix { $0 != "-" }.replacingOccurrences(of: "\r\n", with: "")
        guard let data = Data(base64Encoded: block) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let range = text.range(of: "key=") else { return nil }
        return String(text[range.upperBound...].prefix { !$0.isWhitespace })
    }
}
