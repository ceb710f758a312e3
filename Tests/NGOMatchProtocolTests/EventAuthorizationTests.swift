import Foundation
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore
import Testing

/// Every events method with every role, on the demo event with a published schedule: the
/// ministry organises, a participant answers only for itself, someone not invited reads nothing.
@Suite(.timeLimit(.minutes(10)))
struct EventAuthorizationTests {
    static let roles: [Role] = [.ministry, .province("cao-bang"), .ngo("wwf-vietnam"), .province("dien-bien")]

    /// (method, params, allowed for ministry, province:cao-bang, ngo:wwf-vietnam, province:dien-bien)
    static func cases(caoBangMeeting: Int, otherMeeting: Int) -> [(String, String, [Bool])] {
        let event = #""event":"gap-go-2026""#
        return [
            ("events.create", #"{"name":"Another","slots":4}"#, [true, false, false, false]),
            ("events.update", #"{\#(event),"slotMinutes":25}"#, [true, false, false, false]),
            ("events.open", #"{\#(event)}"#, [true, false, false, false]),
            ("events.invite", #"{\#(event),"participants":["Lai Châu"]}"#, [true, false, false, false]),
            (
                "events.pair", #"{\#(event),"province":"Cao Bằng","ngo":"MCNV","rule":"mustMeet"}"#,
                [true, false, false, false]
            ),
            (
                "events.availability", #"{\#(event),"participant":"Cao Bằng","unavailable":[6]}"#,
                [true, true, false, false]
            ),
            ("events.availability", #"{\#(event),"participant":"WWF","unavailable":[6]}"#, [true, false, true, false]),
            ("events.wish", #"{\#(event),"from":"Cao Bằng","to":"MCNV","weight":0.5}"#, [true, true, false, false]),
            ("events.wish", #"{\#(event),"from":"WWF","to":"Tuyên Quang","weight":0.5}"#, [true, false, true, false]),
            ("events.get", #"{\#(event)}"#, [true, true, true, false]),
            ("events.list", #"{}"#, [true, true, true, true]),
            ("events.agenda", #"{\#(event)}"#, [true, true, true, false]),
            ("events.export", #"{\#(event)}"#, [true, false, false, false]),
            (
                "events.meeting.update", #"{\#(event),"meeting":\#(caoBangMeeting),"action":"confirm"}"#,
                [true, true, false, false]
            ),
            (
                "events.meeting.update", #"{\#(event),"meeting":\#(otherMeeting),"action":"decline"}"#,
                [true, false, false, false]
            ),
            (
                "events.meeting.update", #"{\#(event),"meeting":\#(caoBangMeeting),"action":"held"}"#,
                [true, false, false, false]
            ),
            ("events.plan", #"{\#(event)}"#, [true, false, false, false]),
            (
                "events.import", #"{"name":"Filed","slots":2,"provinces":[{"id":"Cao Bằng"}],"ngos":[{"id":"MCNV"}]}"#,
                [true, false, false, false]
            ),
            ("events.close", #"{\#(event)}"#, [true, false, false, false]),
        ]
    }

    /// Everything stored about every event, as the registry holds it: settings, participants and
    /// their answers, wishes, plans kept and meetings.
    static func everyEvent(_ service: MatchService) throws -> String {
        try service.registry.events().map { event in
            let details = try service.event(event.id, caller: .local("check"))
            let plans = try service.registry.eventPlans(event.id).count
            return "\(event) \(details) plans \(plans) \(try service.registry.eventMeetings(event.id))"
        }.joined(separator: "\n")
    }

    @Test func everyEventsMethodWithEveryRole() throws {
        for (roleIndex, role) in Self.roles.enumerated() {
            let harness = try Harness()
            _ = try harness.service.planEvent(
                EventPlanParams(event: "gap-go-2026", publish: "preliminary"), caller: .local("t"))
            let meetings = try harness.service.registry.eventMeetings("gap-go-2026")
            let caoBang = try #require(meetings.first { $0.province == "cao-bang" && $0.ngo != "wwf-vietnam" })
            let other = try #require(meetings.first { $0.province != "cao-bang" && $0.ngo != "wwf-vietnam" })
            let (token, _) = try harness.service.registry.createToken(
                role: role, audit: AuditEntry(actor: "test", method: "tokens.create"))
            let (session, _) = harness.session(.anonymous, requiresAuth: true)
            _ = harness.call("auth", #"{"token":"\#(token)"}"#, on: session)
            let cases = Self.cases(caoBangMeeting: caoBang.number, otherMeeting: other.number)
            for (method, params, allowed) in cases {
                let before = try Self.everyEvent(harness.service)
                let reply = harness.call(method, params, on: session)
                let label = "\(role) \(method) \(params)"
                if allowed[roleIndex] {
                    #expect(reply?["result"] != nil, "\(label) → \(String(describing: reply))")
                } else {
                    #expect(reply?.errorCode == -32003, "\(label) → \(String(describing: reply))")
                }
                // Read back: an allowed write changed the events, a refused one or a read did not.
                let wrote = OperationTable.all.first { $0.name == method }?.isWrite ?? false
                let changed = try Self.everyEvent(harness.service) != before
                #expect(changed == (wrote && allowed[roleIndex]), "\(label): changed \(changed)")
                if allowed[roleIndex] && !wrote && role != .province("dien-bien") {
                    let answer = String(describing: reply?["result"])
                    // The event itself, by id or (in its exported file, which has no id) by name.
                    let named = answer.contains("gap-go-2026") || answer.contains("Gặp gỡ các tổ chức phi chính phủ")
                    #expect(named, "\(label): \(answer.prefix(300))")
                }
            }
            // What someone not invited lists: nothing.
            if role == .province("dien-bien") {
                let listed = harness.call("events.list", on: session)
                #expect(listed?["result"]?["total"] == .number(0))
            }
        }
        // Anonymous clients of a server that requires tokens get nothing at all.
        let harness = try Harness()
        let (anonymous, _) = harness.session(.anonymous, requiresAuth: true)
        #expect(harness.call("events.get", #"{"event":"gap-go-2026"}"#, on: anonymous)?.errorCode == -32001)
        #expect(
            harness.call("events.availability", #"{"event":"gap-go-2026","participant":"Cao Bằng"}"#, on: anonymous)?
                .errorCode == -32001)
    }
}
