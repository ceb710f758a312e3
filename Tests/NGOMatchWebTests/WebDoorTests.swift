import Foundation
import HTTPTypes
import NGOMatchCore
import NGOMatchPlanner
import NGOMatchService
import NGOMatchStore
import Testing

/// The web as a fourth door: every change a page makes is the table's operation. Each form
/// is sent through the web app on one registry, and the operation's parameters, written here
/// as the protocol documents them, go through the table on a twin registry made from the same
/// seed. After each step the web's newest audit line names the operation, and reading the
/// record back gives the same answer on both.
@Suite(.timeLimit(.minutes(10)))
struct WebDoorTests {
    struct Step {
        let operation: String
        let path: String
        let form: [(String, String)]
        let params: String
        /// A read on both registries, by operation name and parameters.
        let check: (operation: String, params: String)
    }

    static let ruleText =
        "name: water-first\nminimumScore: 20\nfactors:\n  sectorFit:\n    weight: 70\n  geography:\n    weight: 30\n"

    static let steps: [Step] = [
        Step(
            operation: "needs.register", path: "/needs/new",
            form: [
                ("province", "Cao Bằng"), ("title", "Trạm y tế xã"), ("sector.health.primary-care", "5"),
                ("fundingGapUSD", "120000"), ("start", "2027-01-01"), ("end", "2027-12-31"),
            ],
            params: #"""
                {"province":"Cao Bằng","title":"Trạm y tế xã","sectors":[{"sector":"health.primary-care","priority":5}],
                 "fundingGapUSD":120000,"timeframe":{"start":"2027-01-01","end":"2027-12-31"}}
                """#,
            check: ("needs.get", #"{"id":"{need}"}"#)),
        Step(
            operation: "needs.update", path: "/needs/{need}/edit",
            form: [
                ("province", "Cao Bằng"), ("title", "Trạm y tế ba xã"), ("sector.health.primary-care", "5"),
                ("fundingGapUSD", "150000"), ("start", "2027-01-01"), ("end", "2027-12-31"),
            ],
            params: #"{"id":"{need}","title":"Trạm y tế ba xã","fundingGapUSD":150000}"#,
            check: ("needs.get", #"{"id":"{need}"}"#)),
        Step(
            operation: "ngos.update", path: "/ngos/green-hands/edit",
            form: [
                ("name", "Green Hands"), ("country", "Germany"), ("sector.environment.forests", "4"),
                ("capacity", "3"),
            ],
            params: #"{"ngo":"green-hands","capacity":3}"#, check: ("ngos.get", #"{"ngo":"green-hands"}"#)),
        Step(
            operation: "partnerships.record", path: "/needs/{need}/partnerships",
            form: [("ngo", "mcnv"), ("status", "proposed"), ("note", "Gặp ở Hà Nội; \"sớm\"")],
            params: #"{"need":"{need}","ngo":"mcnv","status":"proposed","note":"Gặp ở Hà Nội; \"sớm\""}"#,
            check: ("partnerships.list", #"{"need":"{need}"}"#)),
        Step(
            operation: "needs.close", path: "/needs/{need}/close", form: [("status", "partnered")],
            params: #"{"id":"{need}","status":"partnered"}"#, check: ("needs.get", #"{"id":"{need}"}"#)),
        Step(
            operation: "rules.add", path: "/rules", form: [("name", "water-first"), ("text", ruleText)],
            params: #"{"name":"water-first","text":"\#(ruleText.replacingOccurrences(of: "\n", with: "\\n"))"}"#,
            check: ("rules.get", #"{"name":"water-first"}"#)),
        Step(
            operation: "rules.remove", path: "/rules/water-first/remove", form: [],
            params: #"{"name":"water-first"}"#, check: ("rules.list", "{}")),
        Step(
            operation: "tokens.create", path: "/admin/tokens",
            form: [("role", "province:Cao Bang"), ("note", "Sở Kế hoạch")],
            params: #"{"role":"province:Cao Bang","note":"Sở Kế hoạch"}"#, check: ("tokens.list", "{}")),
        Step(
            operation: "tokens.revoke", path: "/admin/tokens/{token}/revoke", form: [],
            params: #"{"id":"{token}"}"#, check: ("tokens.list", "{}")),
        Step(
            operation: "events.create", path: "/events",
            form: [
                ("name", "Gặp gỡ 2027"), ("date", "2027-03-10"), ("start", "14:00"), ("slotMinutes", "20"),
                ("slots", "5"), ("tables", "3"), ("breaks", "2"),
            ],
            params: #"""
                {"name":"Gặp gỡ 2027","date":"2027-03-10","start":"14:00","slotMinutes":20,"slots":5,"tables":3,
                 "breaks":[2]}
                """#,
            check: ("events.get", #"{"event":"gap-go-2027"}"#)),
        Step(
            operation: "events.update", path: "/events/gap-go-2027/settings",
            form: [
                ("name", "Gặp gỡ 2027"), ("slots", "6"), ("tables", "2"), ("breaks", "1, 3"),
                ("tableLabels", "Bàn 1, Bàn 2"), ("minScore", "10,5"),
            ],
            params: #"""
                {"event":"gap-go-2027","name":"Gặp gỡ 2027","slots":6,"tables":2,"breaks":[1,3],
                 "tableLabels":["Bàn 1","Bàn 2"],"minScore":10.5}
                """#,
            check: ("events.get", #"{"event":"gap-go-2027"}"#)),
        Step(
            operation: "events.invite", path: "/events/gap-go-2027/invite",
            form: [("participants", "Cao Bằng\nha giang\nMCNV\nWorld Vision")],
            params: #"{"event":"gap-go-2027","participants":["Cao Bằng","ha giang","MCNV","World Vision"]}"#,
            check: ("events.get", #"{"event":"gap-go-2027"}"#)),
        Step(
            operation: "events.open", path: "/events/gap-go-2027/status", form: [("to", "open")],
            params: #"{"event":"gap-go-2027"}"#, check: ("events.get", #"{"event":"gap-go-2027"}"#)),
        Step(
            operation: "events.availability", path: "/events/gap-go-2027/availability",
            form: [("participant", "Cao Bằng"), ("unavailable", "0"), ("unavailable", "4")],
            params: #"{"event":"gap-go-2027","participant":"Cao Bằng","unavailable":[0,4]}"#,
            check: ("events.get", #"{"event":"gap-go-2027"}"#)),
        Step(
            operation: "events.wish", path: "/events/gap-go-2027/wish",
            form: [("from", "Cao Bằng"), ("to", "MCNV"), ("weight", "0,8"), ("reason", "y tế")],
            params: #"{"event":"gap-go-2027","from":"Cao Bằng","to":"MCNV","weight":0.8,"reason":"y tế"}"#,
            check: ("events.get", #"{"event":"gap-go-2027"}"#)),
        Step(
            operation: "events.plan", path: "/events/gap-go-2027/plan", form: [("publish", "preliminary")],
            params: #"{"event":"gap-go-2027","publish":"preliminary"}"#,
            check: ("events.agenda", #"{"event":"gap-go-2027"}"#)),
        Step(
            operation: "events.meeting.update", path: "/events/gap-go-2027/meetings/{meeting}",
            form: [("action", "held")],
            params: #"{"event":"gap-go-2027","meeting":{meeting},"action":"held"}"#,
            check: ("events.agenda", #"{"event":"gap-go-2027"}"#)),
        Step(
            operation: "events.close", path: "/events/gap-go-2027/status", form: [("to", "closed")],
            params: #"{"event":"gap-go-2027"}"#, check: ("events.get", #"{"event":"gap-go-2027"}"#)),
    ]

    /// When and by whom differ by door; a token's id and secret are new at every making.
    static func normalised(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let fields):
            var kept: [String: JSONValue] = [:]
            for (key, inner) in fields
            where !key.hasSuffix("At") && !["addedBy", "madeBy", "actor"].contains(key) && key != "tokenID" {
                kept[key] = normalised(inner)
            }
            return .object(kept)
        case .array(let items): return .array(items.map(normalised))
        default: return value
        }
    }

    static func call(_ service: MatchService, _ name: String, _ params: String) throws -> JSONValue {
        let method = try #require(OperationTable.byName[name], "no operation \(name)")
        let data = try method.call(service, JSONParser.parse(params), .local("twin"))
        return try JSONParser.parse([UInt8](data))
    }

    /// The web's token list names its own tokens: each door's ids, swapped for a mark.
    static func withoutTokenIDs(_ value: JSONValue) -> JSONValue {
        guard case .array(let items) = value else { return value }
        return .array(
            items.map { item in
                guard case .object(var fields) = item else { return item }
                fields["id"] = .string("token")
                return .object(fields)
            })
    }

    @Test func everyFormIsTheOperationItNames() async throws {
        let web = try WebFixture()
        let twin = try WebFixture()
        // An NGO with only what the edit form holds, on both, for the form to change.
        for registry in [web, twin] {
            _ = try Self.call(
                registry.service, "ngos.register",
                #"{"name":"Green Hands","country":"Germany","sectors":[{"sector":"environment.forests","expertise":4}],"capacity":2}"#
            )
        }
        try await web.browse { browser in
            // A page with a form gives the session's CSRF token, as a browser would have it.
            try await browser.get("/needs/new")
            var ran = 0
            for step in Self.steps {
                // The need the first step registers: the newest of Cao Bằng's.
                let ids: [String] = try twin.service.needs(NeedsListParams(province: "Cao Bằng")).map(\.id.rawValue)
                let newest = ids.max { (a: String, b: String) -> Bool in (a.count, a) < (b.count, b) } ?? ""
                let webToken = try web.service.tokens(caller: .local("t")).last?.id ?? ""
                let twinToken = try twin.service.tokens(caller: .local("t")).last?.id ?? ""
                let meeting = (try? twin.service.registry.eventMeetings("gap-go-2027").first?.number).flatMap { $0 }
                func filled(_ text: String, token: String) -> String {
                    text.replacingOccurrences(of: "{need}", with: newest).replacingOccurrences(
                        of: "{token}", with: token
                    ).replacingOccurrences(of: "{meeting}", with: meeting.map(String.init) ?? "none")
                }
                let before = try web.service.auditLog(AuditListParams(limit: 1), caller: .local("t")).total
                let page = try await browser.post(filled(step.path, token: webToken), step.form)
                #expect(
                    page.status == .seeOther || page.status == .ok, "\(step.operation): \(page.status)")
                _ = try Self.call(twin.service, step.operation, filled(step.params, token: twinToken))

                let audit = try web.service.auditLog(AuditListParams(limit: 1), caller: .local("t"))
                #expect(audit.total == before + 1, "\(step.operation): the web's change is in the audit trail once")
                #expect(audit.items.first?.method == step.operation, "\(step.operation): audited as its operation")
                #expect(audit.items.first?.actor == "web")

                var readings = [
                    try Self.call(web.service, step.check.operation, filled(step.check.params, token: webToken)),
                    try Self.call(twin.service, step.check.operation, filled(step.check.params, token: twinToken)),
                ].map(Self.normalised)
                if step.check.operation == "tokens.list" { readings = readings.map(Self.withoutTokenIDs) }
                #expect(readings[0] != .null && readings[0] != .array([]), "\(step.operation): nothing to compare")
                #expect(readings[0] == readings[1], "\(step.operation): the web's change differs from the table's")
                ran += 1
            }
            #expect(ran == Self.steps.count)
        }
    }
}
