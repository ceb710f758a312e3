import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import NIOCore
import Testing

@testable import NGOMatchWeb

/// With `--auth`: signing in with a role token, what each role may do, and slowed guessing.
@Suite(.timeLimit(.minutes(10)))
struct WebSignInTests {
    func signIn(_ browser: Browser, _ role: Role, _ fixture: WebFixture) async throws {
        let (token, _) = try fixture.service.registry.createToken(
            role: role, audit: AuditEntry(actor: "test", method: "tokens.create"))
        try await browser.get("/signin")
        let done = try await browser.post("/signin", [("token", token), ("back", "/")])
        #expect(done.status == .seeOther)
    }

    @Test func pagesAskToSignInAndAWrongTokenIsSlowedDown() async throws {
        let fixture = try WebFixture(auth: true)
        try await fixture.browse { browser in
            let needs = try await browser.get("/needs")
            #expect(needs.status == .seeOther)
            #expect(needs.headers[.location] == "/signin?back=/needs")
            try await browser.get("/signin")
            let wrong = try await browser.post("/signin", [("token", "not-a-token")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.html.contains("This token is not known"))
            // Each wrong token doubles the wait, so quick retries soon meet it (the clock is the
            // real one here; SignInGuardTests checks the arithmetic).
            var refused: Browser.Page?
            for _ in 0..<6 where refused == nil {
                let again = try await browser.post("/signin", [("token", "still-wrong")])
                if again.status == .tooManyRequests { refused = again }
            }
            #expect(refused?.html.contains("try again in") == true)
        }
    }

    /// A session id known before signing in (planted by someone else, say) is worth nothing
    /// after it, and one signed out is worth nothing at all.
    @Test func signingInGivesANewSessionAndSigningOutEndsIt() async throws {
        let fixture = try WebFixture(auth: true)
        try await fixture.app.application(logger: .init(label: "test")).test(.router) { client in
            let planner = Browser(client: client)
            try await planner.get("/signin")
            let planted = try #require(planner.cookie)
            let done = try await planner.post(
                "/signin", [("token", try fixture.token(.province("cao-bang"))), ("back", "/")])
            #expect(done.status == .seeOther)
            let signedIn = try #require(planner.cookie)
            #expect(signedIn != planted, "signing in gives a new session id")
            #expect(try await planner.get("/needs").html.contains("Province: Cao Bằng"))

            let rider = Browser(client: client)
            rider.cookie = planted
            let riding = try await rider.get("/needs")
            #expect(riding.status == .seeOther && riding.headers[.location] == "/signin?back=/needs")

            try await planner.get("/needs")
            #expect(try await planner.post("/signout", []).status == .seeOther)
            let after = Browser(client: client)
            after.cookie = signedIn
            let again = try await after.get("/needs")
            #expect(again.status == .seeOther && again.headers[.location] == "/signin?back=/needs")
        }
    }

    @Test func aProvinceSeesItsNeedsAndMayChangeNoOtherProvinces() async throws {
        let fixture = try WebFixture(auth: true)
        try await fixture.browse { browser in
            try await signIn(browser, .province("cao-bang"), fixture)
            let needs = try await browser.get("/needs?province=dong-nai")
            #expect(needs.html.contains("Needs of Cao Bằng"), "a province token lists its own needs")
            #expect(needs.html.contains("Province: Cao Bằng"))
            let other = try await browser.get("/needs/dong-nai-1/edit")
            #expect(other.status == .forbidden)
            #expect(other.html.contains("This need belongs to Đồng Nai; you are signed in as Province: Cao Bằng."))
            // Its own need can be closed.
            try await browser.get("/needs/cao-bang-2")
            let closed = try await browser.post("/needs/cao-bang-2/close", [("status", "partnered")])
            #expect(closed.status == .seeOther)
            #expect(try fixture.service.need(NeedGetParams(id: "cao-bang-2")).status == .partnered)
            let actor = try fixture.service.registry.auditTrail().first?.actor ?? ""
            #expect(actor.hasPrefix("token:") && actor.contains("@web (province:cao-bang)"), "\(actor)")
        }
    }

    @Test func anNGOEditsItsCertificateAndFindsNeedsItCouldServe() async throws {
        let fixture = try WebFixture(auth: true)
        try await fixture.browse { browser in
            try await signIn(browser, .ngo("wwf-vietnam"), fixture)
            let home = try await browser.get("/")
            #expect(home.headers[.location] == "/ngos/wwf-vietnam/needs")
            let other = try await browser.get("/ngos/mcnv/edit")
            #expect(other.status == .forbidden)
            let form = try await browser.get("/ngos/wwf-vietnam/edit")
            #expect(form.status == .ok)
            // The header names the NGO as the registry does, not by its id.
            #expect(form.html.contains("NGO: WWF-Vietnam"))
            // A certificate longer than Decree 58/2022 allows is refused beside its field.
            var fields = Self.fields(form.html).filter { !$0.0.hasPrefix("cert") }
            fields += [
                ("certKind", "operation-registration"), ("certNumber", "12/BNG"), ("certIssued", "2025-01-01"),
                ("certExpires", "2030-12-31"), ("certAreas", "Đắk Nông; Cà Mau"), ("certFields", "environment"),
            ]
            let refused = try await browser.post("/ngos/wwf-vietnam/edit", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("at most 3 years"), "\(refused.html.prefix(0))")
            fields = fields.map { $0.0 == "certExpires" ? ("certExpires", "2027-12-31") : $0 }
            let saved = try await browser.post("/ngos/wwf-vietnam/edit", fields)
            #expect(saved.status == .seeOther)
            let ngo = try fixture.service.ngo(NGOGetParams(ngo: "wwf-vietnam"))
            #expect(ngo.registration?.expires.description == "2027-12-31")
            #expect(ngo.registration?.areas == ["Đắk Nông", "Cà Mau"])
            let needs = try await browser.get("/ngos/wwf-vietnam/needs")
            #expect(needs.html.contains("ca-mau-1"))
        }
    }

    /// The form's current values, as a browser would send them back.
    static func fields(_ html: String) -> [(String, String)] {
        var fields: [(String, String)] = []
        let inputs = html.components(separatedBy: "<input ").dropFirst()
        for input in inputs {
            guard let name = Self.attribute("name", in: input), name != "csrf", name != "updatedAt" else { continue }
            let type = Self.attribute("type", in: input) ?? "text"
            if type == "checkbox" {
                if input.prefix(while: { $0 != ">" }).contains(" checked") {
                    fields.append((name, Self.attribute("value", in: input) ?? ""))
                }
            } else {
                fields.append((name, Self.attribute("value", in: input) ?? ""))
            }
        }
        for select in html.components(separatedBy: "<select ").dropFirst() {
            guard let name = Self.attribute("name", in: select) else { continue }
            let options = select.components(separatedBy: "</select>")[0].components(separatedBy: "<option ")
            if let chosen = options.first(where: { $0.contains(" selected>") }),
                let value = Self.attribute("value", in: chosen),
                !value.isEmpty
            {
                fields.append((name, value))
            }
        }
        return fields.map { ($0.0, $0.1.replacingOccurrences(of: "&amp;", with: "&")) }
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: "\(name)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test func aLoopbackServerAnswersOnlyToLocalNames() async throws {
        let fixture = try WebFixture()
        try await fixture.app.application(logger: Logger(label: "test")).test(.live) { client in
            try await client.execute(uri: "/", method: .get) { response in #expect(response.status == .ok) }
            // A page of another site that reached this server through a name of its own.
            let port = try #require(client.port)
            try await TestClient.withClient(host: "127.0.0.1", port: port) { other in
                let response = try await other.execute(
                    TestClient.Request("/", method: .get, authority: "attacker.example:\(port)"))
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body ?? ByteBuffer()).contains("only under the address"))
            }
        }
    }
}

/// The waits after wrong tokens, on a clock the test moves.
@Suite(.timeLimit(.minutes(10)))
struct SignInGuardTests {
    @Test func eachWrongTokenDoublesTheWaitForItsAddressOnly() {
        let guardian = SignInGuard()
        let start = ContinuousClock.now
        #expect(guardian.wait(for: "10.0.0.1", now: start) == nil)
        guardian.failed("10.0.0.1", now: start)
        #expect(guardian.wait(for: "10.0.0.1", now: start + .milliseconds(100)) == .milliseconds(100))
        #expect(guardian.wait(for: "10.0.0.2", now: start + .milliseconds(100)) == nil)
        #expect(guardian.wait(for: "10.0.0.1", now: start + .milliseconds(250)) == nil)
        guardian.failed("10.0.0.1", now: start + .milliseconds(250))
        #expect(guardian.wait(for: "10.0.0.1", now: start + .milliseconds(250)) == .milliseconds(400))
        guardian.succeeded("10.0.0.1")
        #expect(guardian.wait(for: "10.0.0.1", now: start + .milliseconds(300)) == nil)
    }
}

/// Sessions stay bounded however many browsers without a cookie arrive, and a browser that
/// signed in keeps its session through the flood.
@Suite(.timeLimit(.minutes(10)))
struct SessionLimitTests {
    @Test func browsersThatNeverSignedInGoFirstWhenTheStoreIsFull() async throws {
        let fixture = try WebFixture(auth: true, sessionLimit: 20)
        try await fixture.app.application(logger: .init(label: "test")).test(.router) { client in
            let planner = Browser(client: client)
            try await planner.get("/signin")
            let done = try await planner.post(
                "/signin", [("token", try fixture.token(.province("cao-bang"))), ("back", "/")])
            #expect(done.status == .seeOther)
            for _ in 0..<60 {
                let stranger = Browser(client: client)
                let page = try await stranger.get("/signin")
                #expect(page.status == .ok && stranger.cookie != nil, "each stranger gets a session of its own")
            }
            #expect(fixture.app.sessionDriver.count <= 20)
            #expect(fixture.app.sessionDriver.count >= 10, "the strangers' sessions were kept up to the limit")
            let needs = try await planner.get("/needs")
            #expect(needs.status == .ok)
            #expect(needs.html.contains("Province: Cao Bằng"), "the planner is still signed in")
        }
    }
}
