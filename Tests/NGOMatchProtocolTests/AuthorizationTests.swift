import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore
import Testing

/// Each write method with each role: a token can do exactly what its role allows.
@Suite(.timeLimit(.minutes(10)))
struct AuthorizationTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    func authenticated(_ role: Role) throws -> Session {
        let (token, _) = try harness.service.registry.createToken(
            role: role, audit: AuditEntry(actor: "test", method: "tokens.create"))
        let (session, _) = harness.session(.anonymous, requiresAuth: true)
        let reply = harness.call("auth", #"{"token":"\#(token)"}"#, on: session)
        #expect(reply?["result"]?["role"] == .string(role.description))
        return session
    }

    static let newNeed =
        #"{"province":"cao-bang","title":"t","sectors":"health:3","fundingGapUSD":1,"timeframe":{"start":"2026-01-01","end":"2026-06-30"}}"#
    static let otherNeed =
        #"{"province":"dong-nai","title":"t","sectors":"health:3","fundingGapUSD":1,"timeframe":{"start":"2026-01-01","end":"2026-06-30"}}"#

    /// Whether a write's effect is in the registry, read back through the record itself.
    typealias Effect = @Sendable (MatchService) throws -> Bool

    static func need(_ id: String, _ service: MatchService) throws -> Need { try service.need(NeedGetParams(id: id)) }

    static func newNeedIn(_ province: String) -> Effect {
        { service in
            try service.needs(NeedsListParams()).contains { $0.title == "t" && $0.province.rawValue == province }
        }
    }

    static func partnership(_ need: String, _ ngo: String) -> Effect {
        { service in try !service.partnerships(PartnershipsListParams(need: need, ngo: ngo)).isEmpty }
    }

    /// (method, params, allowed for ministry, province:cao-bang, ngo:wwf-vietnam, its effect)
    static let cases: [(String, String, [Bool], Effect)] = [
        ("needs.register", newNeed, [true, true, false], newNeedIn("cao-bang")),
        ("needs.register", otherNeed, [true, false, false], newNeedIn("dong-nai")),
        (
            "needs.update", #"{"id":"cao-bang-1","fundingGapUSD":5}"#, [true, true, false],
            { try need("cao-bang-1", $0).fundingGapUSD == 5 }
        ),
        (
            "needs.update", #"{"id":"dong-nai-1","fundingGapUSD":5}"#, [true, false, false],
            { try need("dong-nai-1", $0).fundingGapUSD == 5 }
        ),
        (
            "needs.update", #"{"id":"cao-bang-1","province":"dong-nai"}"#, [true, false, false],
            { try need("cao-bang-1", $0).province.rawValue == "dong-nai" }
        ),
        ("needs.close", #"{"id":"cao-bang-2"}"#, [true, true, false], { try need("cao-bang-2", $0).status != .open }),
        ("needs.close", #"{"id":"dong-nai-2"}"#, [true, false, false], { try need("dong-nai-2", $0).status != .open }),
        (
            "ngos.update", #"{"ngo":"wwf-vietnam","capacity":5}"#, [true, false, true],
            { try $0.ngo(NGOGetParams(ngo: "wwf-vietnam")).capacity == 5 }
        ),
        (
            "ngos.update", #"{"ngo":"npa","capacity":5}"#, [true, false, false],
            { try $0.ngo(NGOGetParams(ngo: "npa")).capacity == 5 }
        ),
        (
            "ngos.register", #"{"id":"new-one","name":"New One","country":"Japan","sectors":"water:3"}"#,
            [true, false, false], { service in (try? service.ngo(NGOGetParams(ngo: "new-one"))) != nil }
        ),
        (
            "partnerships.record", #"{"need":"cao-bang-3","ngo":"wwf-vietnam","status":"proposed"}"#,
            [true, true, true], partnership("cao-bang-3", "wwf-vietnam")
        ),
        (
            "partnerships.record", #"{"need":"dong-nai-3","ngo":"npa","status":"proposed"}"#, [true, false, false],
            partnership("dong-nai-3", "npa")
        ),
    ]

    static func request(_ id: Int, is status: InterestRequest.Status) -> Effect {
        { service in try service.registry.interestRequest(id).status == status }
    }

    static func requestExists(_ need: String, _ ngo: String) -> Effect {
        { service in try !service.registry.interestRequests(need: NeedID(need), ngo: NGOID(ngo)).isEmpty }
    }

    static func stage(_ need: String, _ ngo: String, is stage: String) -> Effect {
        { service in try service.registry.pipelinePair(need: NeedID(need), ngo: NGOID(ngo))?.stage == stage }
    }

    static func itemDone(_ need: String, _ ngo: String, _ item: String) -> Effect {
        { service in
            try service.registry.dossierRows(need: NeedID(need), ngo: NGOID(ngo)).contains {
                $0.item == item && $0.doneAt != nil
            }
        }
    }

    static func reportFiled(_ ngo: String) -> Effect {
        { service in
            try service.registry.reportFilings()[NGOID(ngo)]?["annual-report:\(CalendarDate.today.year)"] != nil
        }
    }

    /// Requests the interest and pipeline cases act on, made by the local user: 1 from NPA to
    /// Đồng Nai (neither role's), 2 from WWF to Cao Bằng (both roles').
    static func arrange(_ service: MatchService) throws {
        let local = Caller.local("test")
        _ = try service.expressInterest(
            InterestExpressParams(need: "dong-nai-2", ngo: "npa", message: "m", from: .ngo), caller: local)
        _ = try service.expressInterest(
            InterestExpressParams(need: "cao-bang-3", ngo: "wwf-vietnam", message: "m", from: .ngo), caller: local)
    }

    /// Interest, the pipeline and reports: each side acts only for itself, on its own pairs.
    static let pairCases: [(String, String, [Bool], Effect)] = [
        (
            "interest.express", #"{"need":"dong-nai-1","ngo":"npa","from":"province","message":"m"}"#,
            [true, false, false], requestExists("dong-nai-1", "npa")
        ),
        (
            "interest.express", #"{"need":"cao-bang-2","ngo":"wwf-vietnam","from":"ngo","message":"m"}"#,
            [true, true, true], requestExists("cao-bang-2", "wwf-vietnam")
        ),
        // Answering: only the side asked (or the ministry); the NGO never for the province.
        ("interest.answer", #"{"id":1,"answer":"accept"}"#, [true, false, false], request(1, is: .accepted)),
        ("interest.answer", #"{"id":2,"answer":"accept"}"#, [true, true, false], request(2, is: .accepted)),
        (
            "interest.message", #"{"id":1,"text":"hello"}"#, [true, false, false],
            { try !$0.registry.interestMessages(1).isEmpty }
        ),
        (
            "pipeline.move", #"{"need":"dong-nai-2","ngo":"npa","stage":"met"}"#, [true, false, false],
            stage("dong-nai-2", "npa", is: "met")
        ),
        (
            "pipeline.item", #"{"need":"dong-nai-2","ngo":"npa","item":"donor-commitment"}"#, [true, false, false],
            itemDone("dong-nai-2", "npa", "donor-commitment")
        ),
        (
            "pipeline.item", #"{"need":"cao-bang-3","ngo":"wwf-vietnam","item":"request"}"#, [true, true, true],
            itemDone("cao-bang-3", "wwf-vietnam", "request")
        ),
        ("reports.file", #"{"ngo":"npa","kind":"annual-report"}"#, [true, false, false], reportFiled("npa")),
        (
            "reports.file", #"{"ngo":"wwf-vietnam","kind":"annual-report"}"#, [true, false, true],
            reportFiled("wwf-vietnam")
        ),
        (
            "reports.settings", #"{"trackedSince":"2021-01-01"}"#, [true, false, false],
            { try $0.registry.reportingSince().description == "2021-01-01" }
        ),
        (
            "interest.settings", #"{"expiryDays":10}"#, [true, false, false],
            { try $0.registry.interestSettings().expiryDays == 10 }
        ),
    ]

    @Test func everyInterestAndPipelineWriteWithEveryRole() throws {
        try checkEveryRole(Self.pairCases, arrange: Self.arrange)
    }

    /// Escalations: a side setting its pair back, an NGO replacing the ministry's checklist or
    /// answering for the province, a person who may only read writing. Each is refused and
    /// the registry is as it was.
    @Test func noSideStepsOutsideItsRole() throws {
        try Self.arrange(harness.service)
        let province = try authenticated(.province("cao-bang"))
        let ngo = try authenticated(.ngo("wwf-vietnam"))
        #expect(harness.call("interest.answer", #"{"id":2,"answer":"accept"}"#, on: province)?["result"] != nil)
        #expect(try Self.stage("cao-bang-3", "wwf-vietnam", is: "interested")(harness.service))
        // Only the ministry may set a pair back.
        let back = harness.call(
            "pipeline.move", #"{"need":"cao-bang-3","ngo":"wwf-vietnam","stage":"contacted"}"#, on: province)
        #expect(back?["error"] != nil, "\(String(describing: back))")
        #expect(try Self.stage("cao-bang-3", "wwf-vietnam", is: "interested")(harness.service))
        // The checklist is the ministry's to replace.
        let text = try harness.service.registry.checklistText()
        let replaced = harness.call(
            "pipeline.checklist", #"{"replace":"name: mine\nstages: []"}"#, on: ngo)
        #expect(replaced?.errorCode == -32003, "\(String(describing: replaced))")
        #expect(try harness.service.registry.checklistText() == text)
        // Withdrawing is for the side that asked: WWF did not ask request 1, NPA did.
        let withdrawn = harness.call("interest.answer", #"{"id":1,"answer":"withdraw"}"#, on: ngo)
        #expect(withdrawn?.errorCode == -32003, "\(String(describing: withdrawn))")
        #expect(try Self.request(1, is: .open)(harness.service))
        // A person with read rights only reads: their pair's moves and reports are refused.
        let reader = try harness.service.invite(
            PersonInviteParams(email: "r@caobang.example.vn", name: "R", for: "province:cao-bang", rights: .read),
            caller: .local("test"))
        let (readerSession, _) = harness.session(
            .person(id: reader.id, role: .province("cao-bang"), rights: .read), requiresAuth: true)
        let readMove = harness.call(
            "pipeline.move", #"{"need":"cao-bang-3","ngo":"wwf-vietnam","stage":"met"}"#, on: readerSession)
        #expect(readMove?.errorCode == -32003, "\(String(describing: readMove))")
        #expect(
            harness.call("pipeline.show", #"{"need":"cao-bang-3","ngo":"wwf-vietnam"}"#, on: readerSession)?["result"]
                != nil)
        #expect(try Self.stage("cao-bang-3", "wwf-vietnam", is: "interested")(harness.service))
    }

    /// An allowed write is answered and its change is in the registry; a refused one is
    /// answered "forbidden" and changes nothing.
    @Test func everyWriteMethodWithEveryRole() throws { try checkEveryRole(Self.cases) }

    func checkEveryRole(_ cases: [(String, String, [Bool], Effect)], arrange: (MatchService) throws -> Void = { _ in })
        throws
    {
        let roles: [Role] = [.ministry, .province("cao-bang"), .ngo("wwf-vietnam")]
        for (roleIndex, role) in roles.enumerated() {
            // A fresh registry per role, so that one role's writes do not change another's case.
            let harness = try Harness()
            try arrange(harness.service)
            let (token, _) = try harness.service.registry.createToken(
                role: role, audit: AuditEntry(actor: "test", method: "tokens.create"))
            let (session, _) = harness.session(.anonymous, requiresAuth: true)
            _ = harness.call("auth", #"{"token":"\#(token)"}"#, on: session)
            for (method, params, allowed, effect) in cases {
                let label = "\(role) \(method) \(params)"
                #expect(try !effect(harness.service), "\(label): in effect before the call")
                let reply = harness.call(method, params, on: session)
                if allowed[roleIndex] {
                    #expect(reply?["result"] != nil, "\(label) → \(String(describing: reply))")
                } else {
                    #expect(reply?.errorCode == -32003, "\(label) → \(String(describing: reply))")
                }
                #expect(try effect(harness.service) == allowed[roleIndex], "\(label): the registry disagrees")
            }
        }
    }

    /// A connection that authenticated with a token loses its rights within a second of the
    /// token's revocation: what it asks then is refused as if it had never signed in.
    @Test func aRevokedTokensConnectionIsRefusedWithinASecond() throws {
        let (token, info) = try harness.service.registry.createToken(
            role: .province("cao-bang"), audit: AuditEntry(actor: "test", method: "tokens.create"))
        let (session, _) = harness.session(.anonymous, requiresAuth: true)
        #expect(harness.call("auth", #"{"token":"\#(token)"}"#, on: session)?["result"] != nil)
        #expect(harness.call("needs.list", on: session)?["result"] != nil)
        _ = try harness.service.registry.revokeToken(
            id: info.id, audit: AuditEntry(actor: "test", method: "tokens.revoke"))
        harness.time.advance(.seconds(1))
        #expect(harness.call("needs.list", on: session)?.errorCode == -32001)
        let write = harness.call("needs.close", #"{"id":"cao-bang-2"}"#, on: session)
        #expect(write?.errorCode == -32001)
        #expect(try harness.service.need(NeedGetParams(id: "cao-bang-2")).status == .open)
    }

    @Test func readsNeedAnyTokenAndAnonymousClientsOnlyPing() throws {
        let (anonymous, _) = harness.session(.anonymous, requiresAuth: true)
        #expect(harness.call("ping", on: anonymous)?["result"] != nil)
        #expect(harness.call("needs.list", on: anonymous)?.errorCode == -32001)
        #expect(harness.call("needs.register", Self.newNeed, on: anonymous)?.errorCode == -32001)
        let ngo = try authenticated(.ngo("wwf-vietnam"))
        #expect(harness.call("needs.list", on: ngo)?["result"] != nil)
        #expect(harness.call("match.suggest", #"{"need":"cao-bang-1"}"#, on: ngo)?["result"] != nil)
    }

    @Test func revokedAndMalformedTokensAreRefusedAndSlowed() throws {
        let (token, info) = try harness.service.registry.createToken(
            role: .ministry, audit: AuditEntry(actor: "test", method: "tokens.create"))
        _ = try harness.service.registry.revokeToken(
            id: info.id, audit: AuditEntry(actor: "test", method: "tokens.revoke"))
        let (good, _) = try harness.service.registry.createToken(
            role: .ministry, audit: AuditEntry(actor: "test", method: "tokens.create"))
        let (session, _) = harness.session(.anonymous, requiresAuth: true)
        #expect(harness.call("auth", #"{"token":"\#(token)"}"#, on: session)?.errorCode == -32001)
        // Straight after a failure even the right token is not looked at: the connection must wait.
        let tooSoon = harness.call("auth", #"{"token":"\#(good)"}"#, on: session)
        #expect(tooSoon?.errorCode == -32001)
        guard case .number(let wait)? = tooSoon?["error"]?["data"]?["retryAfterMs"] else {
            Issue.record("no retryAfterMs in \(String(describing: tooSoon))")
            return
        }
        #expect(wait == 200)
        harness.time.advance(.milliseconds(199))
        #expect(harness.call("auth", #"{"token":"\#(good)"}"#, on: session)?.errorCode == -32001, "1 ms early")
        harness.time.advance(.milliseconds(1))
        #expect(harness.call("auth", #"{"token":"ngm_guess"}"#, on: session)?.errorCode == -32001)
        #expect(harness.call("auth", #"{"token":17}"#, on: session)?.errorCode == -32602)
        // The second failure doubles the wait.
        harness.time.advance(.milliseconds(399))
        let early = harness.call("auth", #"{"token":"\#(good)"}"#, on: session)
        #expect(early?.errorCode == -32001)
        #expect(early?["error"]?["data"]?["retryAfterMs"] == .number(1))
        #expect(harness.call("needs.list", on: session)?.errorCode == -32001)
        harness.time.advance(.milliseconds(1))
        #expect(harness.call("auth", #"{"token":"\#(good)"}"#, on: session)?["result"]?["role"] == .string("ministry"))
        #expect(harness.call("needs.list", on: session)?["result"] != nil)
    }

    @Test func guessingFromManyConnectionsIsSlowedServerWideWithoutWaitingThreads() throws {
        let started = Date()
        var refusedUnchecked = 0
        for guess in 0..<40 {
            let (session, _) = harness.session(.anonymous, requiresAuth: true)
            let reply = harness.call("auth", #"{"token":"ngm_guess\#(guess)"}"#, on: session)
            #expect(reply?.errorCode == -32001)
            if case .string(let message)? = reply?["error"]?["message"], message.contains("many wrong tokens") {
                refusedUnchecked += 1
            }
        }
        // A burst of 20 is checked; the rest are refused at once until the budget refills.
        #expect(refusedUnchecked == 20)
        // Refused at once, not held: a thread that waited out each refusal would take 2 s or more.
        #expect(Date().timeIntervalSince(started) < 1)
        // The budget refills at 10 a second: after 0.5 s, 5 more are checked.
        harness.time.advance(.milliseconds(500))
        var checked = 0
        for guess in 40..<50 {
            let (session, _) = harness.session(.anonymous, requiresAuth: true)
            let reply = harness.call("auth", #"{"token":"ngm_guess\#(guess)"}"#, on: session)
            if case .string(let message)? = reply?["error"]?["message"], !message.contains("many wrong tokens") {
                checked += 1
            }
        }
        #expect(checked == 5)
    }

    @Test func everyWriteIsAudited() throws {
        let ministry = try authenticated(.ministry)
        _ = harness.call("needs.update", #"{"id":"cao-bang-1","fundingGapUSD":7}"#, on: ministry)
        let trail = try harness.service.registry.auditTrail(limit: 1)
        #expect(trail.first?.method == "needs.update")
        #expect(trail.first?.record == "cao-bang-1")
        #expect(trail.first?.actor.hasPrefix("token:") == true)
    }

    @Test func subscribersHearOfNewNeedsThatScoreHighEnough() throws {
        let (office, inbox) = harness.session()
        let subscribed = harness.call("needs.subscribe", #"{"ngo":"MCNV","minScore":40}"#, on: office)
        #expect(subscribed?["result"]?["ngo"] == .string("mcnv"))
        let (planner, _) = harness.session()
        _ = harness.call(
            "needs.register",
            #"{"province":"Cao Bằng","title":"Midwives","sectors":"health.maternal-child:5","targetGroups":"women","fundingGapUSD":200000,"timeframe":{"start":"2026-06-01","end":"2027-06-30"}}"#,
            on: planner)
        _ = harness.call(
            "needs.register",
            #"{"province":"Cà Mau","title":"Fish ponds","sectors":"agriculture.fisheries:5","fundingGapUSD":200000,"timeframe":{"start":"2026-06-01","end":"2027-06-30"}}"#,
            on: planner)
        #expect(inbox.all.count == 1)
        let notification = try JSONDecoder().decode(JSONValue.self, from: Data(try #require(inbox.all.first).utf8))
        #expect(notification["method"] == .string("needs.matched"))
        #expect(notification["params"]?["need"]?["title"] == .string("Midwives"))
        harness.dispatcher.hub.drop(office)
        #expect(harness.dispatcher.hub.count == 0)
    }
}
