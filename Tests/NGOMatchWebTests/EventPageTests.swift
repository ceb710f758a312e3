import Foundation
import HTTPTypes
import HummingbirdTesting
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService
import NGOMatchStore
import Testing

/// Meeting events in the browser: the ministry creates, invites, plans and publishes; a
/// participant answers and confirms on its own page, and only there (issue 16).
@Suite(.timeLimit(.minutes(10)))
struct EventPageTests {
    @Test func theMinistryCreatesInvitesAndPublishes() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            try await browser.get("/events")
            let created = try await browser.post(
                "/events",
                [
                    ("name", "Gặp gỡ 2027"), ("date", "2027-03-10"), ("start", "14:00"), ("slotMinutes", "20"),
                    ("slots", "5"), ("tables", "3"), ("breaks", "2"),
                ])
            #expect(created.status == .seeOther)
            let page = try await browser.get("/events/gap-go-2027")
            #expect(page.html.contains("Created: Gặp gỡ 2027"))
            let invited = try await browser.post(
                "/events/gap-go-2027/invite", [("participants", "Cao Bằng\nha giang\nMCNV\nWorld Vision\nCao Bangg")])
            #expect(invited.status == .seeOther)
            let refused = try await browser.get("/events/gap-go-2027")
            #expect(refused.html.contains("Not done:") && refused.html.contains("did you mean"), "nothing invited")
            #expect(try fixture.service.registry.event("gap-go-2027").participants.isEmpty)
            _ = try await browser.post(
                "/events/gap-go-2027/invite", [("participants", "Cao Bằng\nha giang\nMCNV\nWorld Vision")])
            let withParticipants = try await browser.get("/events/gap-go-2027")
            #expect(withParticipants.html.contains("Tuyên Quang"), "a former province name invites its unit")
            _ = try await browser.post("/events/gap-go-2027/plan", [("publish", "preliminary")])
            let published = try await browser.get("/events/gap-go-2027")
            #expect(published.html.contains("Plan 1:"), "\(published.html)")
            #expect(published.html.contains("The published schedule"))
            let meetings = try fixture.service.registry.eventMeetings("gap-go-2027")
            #expect(!meetings.isEmpty && meetings.allSatisfy { $0.slot != 2 })
            let all = try await browser.get("/events/gap-go-2027/agenda")
            #expect(all.status == .ok && all.html.contains("Every meeting"))
            // On the day: held, then a follow-up, which opens the pair's partnership.
            let first = try #require(meetings.first { $0.need != nil })
            #expect(published.html.contains("On the day and after"))
            _ = try await browser.post("/events/gap-go-2027/meetings/\(first.number)", [("action", "held")])
            _ = try await browser.post("/events/gap-go-2027/meetings/\(first.number)", [("action", "follow-up")])
            let recorded = try fixture.service.partnerships(PartnershipsListParams(need: first.need, ngo: first.ngo))
            #expect(recorded.first?.status == .proposed)
            #expect(try await browser.get("/events/gap-go-2027").html.contains("Meeting \(first.number) is held"))
        }
    }

    @Test func aParticipantAnswersAndConfirmsOnlyItsOwn() async throws {
        let fixture = try WebFixture(auth: true)
        _ = try fixture.service.planEvent(
            EventPlanParams(event: "gap-go-2026", publish: "preliminary"), caller: .local("t"))
        try await fixture.browse { browser in
            let (token, _) = try fixture.service.registry.createToken(
                role: .province("cao-bang"), audit: AuditEntry(actor: "test", method: "tokens.create"))
            try await browser.get("/signin")
            _ = try await browser.post("/signin", [("token", token), ("back", "/events")])
            let list = try await browser.get("/events")
            #expect(list.html.contains("/events/gap-go-2026"))
            let page = try await browser.get("/events/gap-go-2026")
            #expect(page.html.contains("Your answers and meetings"))
            #expect(!page.html.contains("Invite provinces and NGOs"), "the organiser's forms are the ministry's")
            _ = try await browser.post(
                "/events/gap-go-2026/availability",
                [("participant", "Cao Bằng"), ("unavailable", "0"), ("unavailable", "6")])
            #expect(
                try fixture.service.registry.event("gap-go-2026").participant(.province, "cao-bang")?.unavailable == [
                    0, 6,
                ])
            _ = try await browser.post(
                "/events/gap-go-2026/wish",
                [("from", "Cao Bằng"), ("to", "mcnv"), ("weight", "1"), ("reason", "stations")])
            #expect(
                try fixture.service.registry.event("gap-go-2026").wishes.contains {
                    $0.province == "cao-bang" && $0.ngo == "mcnv" && $0.from == .province
                })
            // Its meetings, with their numbers, to confirm.
            let meetings = try fixture.service.registry.eventMeetings("gap-go-2026")
            let own = try #require(meetings.first { $0.province == "cao-bang" })
            let other = try #require(meetings.first { $0.province != "cao-bang" })
            _ = try await browser.post("/events/gap-go-2026/meetings/\(own.number)", [("action", "confirm")])
            let after = try await browser.get("/events/gap-go-2026")
            #expect(after.html.contains("Meeting \(own.number) is proposed"), "one side confirmed: still proposed")
            #expect(
                try fixture.service.registry.eventMeetings("gap-go-2026").first { $0.number == own.number }?
                    .provinceAnswer == .confirmed)
            // Another's meeting, and the organiser's button: the forbidden page, not a notice to try again.
            let refused = try await browser.post(
                "/events/gap-go-2026/meetings/\(other.number)", [("action", "decline")])
            #expect(refused.status == .forbidden)
            #expect(
                try fixture.service.registry.eventMeetings("gap-go-2026").first { $0.number == other.number }?.status
                    == .proposed)
            let publish = try await browser.post("/events/gap-go-2026/plan", [("publish", "final")])
            #expect(publish.status == .forbidden)
            #expect(publish.html.contains("only the ministry organises events"))
            let calendar = try await browser.get("/events/gap-go-2026/calendar.ics?participant=cao-bang")
            #expect(calendar.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(calendar.html.hasPrefix("BEGIN:VCALENDAR"))
            let agenda = try await browser.get("/events/gap-go-2026/agenda?participant=cao-bang")
            #expect(agenda.html.contains("Cao Bằng") && agenda.html.contains("Bàn 1"))
        }
    }

    @Test func someoneNotInvitedSeesNothing() async throws {
        let fixture = try WebFixture(auth: true)
        try await fixture.browse { browser in
            let (token, _) = try fixture.service.registry.createToken(
                role: .province("dien-bien"), audit: AuditEntry(actor: "test", method: "tokens.create"))
            try await browser.get("/signin")
            _ = try await browser.post("/signin", [("token", token), ("back", "/")])
            #expect(!(try await browser.get("/events")).html.contains("gap-go-2026"))
            #expect(try await browser.get("/events/gap-go-2026").status == .forbidden)
            #expect(try await browser.get("/events/gap-go-2026/agenda").status == .forbidden)
        }
    }

    @Test func theOrganiserEditsTheSettings() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let page = try await browser.get("/events/gap-go-2026")
            #expect(page.html.contains(#"action="/events/gap-go-2026/settings""#))
            _ = try await browser.post(
                "/events/gap-go-2026/settings",
                [
                    ("name", "Gặp gỡ 2026"), ("date", "2026-12-11"), ("start", "08:30"), ("slotMinutes", "25"),
                    ("slots", "8"), ("tables", "5"), ("tableLabels", "A, B, C, D, E"), ("breaks", "2, 5"),
                    ("rules", "climate"), ("minScore", "30,5"),
                ])
            let saved = try await browser.get("/events/gap-go-2026")
            #expect(saved.html.contains("Settings of Gặp gỡ 2026 saved"), "\(saved.html.prefix(3000))")
            let event = try fixture.service.event("gap-go-2026", caller: .local("t")).event
            #expect(event.name == "Gặp gỡ 2026" && event.slots == 8 && event.tables == 5 && event.breaks == [2, 5])
            #expect(event.slotMinutes == 25 && event.start == 8 * 60 + 30 && event.date?.description == "2026-12-11")
            #expect(event.rules == "climate" && event.minScore == 30.5 && event.tableLabels?.last == "E")
            _ = try await browser.post("/events/gap-go-2026/settings", [("name", "x"), ("slots", "0")])
            #expect(try await browser.get("/events/gap-go-2026").html.contains("Not done"))
            #expect(
                try fixture.service.event("gap-go-2026", caller: .local("t")).event.slots == 8,
                "a refusal changes nothing")
        }
    }

    @Test func planningWithoutPublishingShowsTheProposedScheduleFirst() async throws {
        let fixture = try WebFixture()
        _ = try fixture.service.planEvent(
            EventPlanParams(event: "gap-go-2026", publish: "preliminary"), caller: .local("t"))
        let published = try fixture.service.eventAgenda(EventAgendaParams(event: "gap-go-2026"), caller: .local("t"))
        let first = try #require(published.agenda.meetings.first)
        _ = try fixture.service.updateMeeting(
            EventMeetingParams(event: "gap-go-2026", meeting: first.number, action: "decline"), caller: .local("t"))
        try await fixture.browse { browser in
            try await browser.get("/events/gap-go-2026")
            let preview = try await browser.post("/events/gap-go-2026/plan", [])
            #expect(preview.status == .ok)
            #expect(
                preview.html.contains("not published yet") && preview.html.contains("Against the published schedule"))
            let declined = HTMLAgenda.escape("\(first.number). \(first.provinceName) — \(first.ngoName)")
            #expect(!preview.html.contains(declined), "the declined meeting is not proposed again")
            #expect(preview.html.contains("Moved:"), "what moved, from where to where")
            #expect(preview.html.contains(#"<small class="why">"#), "each meeting with its strongest reason")
            #expect(preview.html.contains(#"name="publish" value="final""#))
            let still = try fixture.service.eventAgenda(EventAgendaParams(event: "gap-go-2026"), caller: .local("t"))
            #expect(still.agenda.plan == published.agenda.plan, "nothing is published by looking")
        }
    }
}
