import Foundation
import HTTPTypes
import NGOMatchCore
import NGOMatchService
import NGOMatchStore
import Testing

@testable import NGOMatchWeb

/// Signing in by e-mail through the web app: the same answer for any address, a link whose
/// page a mail scanner may open freely, a code with few tries, and rights that hold.
@Suite(.timeLimit(.minutes(10)))
struct WebEmailSignInTests {
    static let lan = "lan.nguyen@caobang.example.vn"

    static func invite(
        _ fixture: WebFixture, _ email: String = lan, for organisation: String = "province:Cao Bằng",
        rights: PersonRights = .edit
    ) throws -> Person {
        try fixture.service.invite(
            PersonInviteParams(email: email, name: "Nguyễn Thị Lan", for: organisation, language: .en, rights: rights),
            caller: .local("test"))
    }

    /// The text part of the newest message to `address`, read from the outbox as a sender would
    /// take it, and decoded here from its base64.
    static func newestText(_ fixture: WebFixture, to address: String) throws -> String {
        var text = ""
        while let message = try fixture.service.registry.claimDueMessage(by: "test", lease: 60) {
            try fixture.service.registry.recordDelivery(message.id)
            guard message.recipient == address else { continue }
            let plain = try #require(message.message.range(of: "Content-Type: text/plain; charset=utf-8\r\n"))
            let afterHeaders = try #require(
                message.message.range(of: "\r\n\r\n", range: plain.upperBound..<message.message.endIndex))
            let block = message.message[afterHeaders.upperBound...].prefix { $0 != "-" }
            let data = try #require(Data(base64Encoded: block.replacingOccurrences(of: "\r\n", with: "")))
            text = String(decoding: data, as: UTF8.self)
        }
        return text
    }

    static func link(in text: String) throws -> String {
        let url = try #require(text.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("http") })
        return String(url.dropFirst(MailIdentity.local.publicURL.count))
    }

    static func code(in text: String) throws -> String {
        let line = try #require(
            text.components(separatedBy: "\r\n").first {
                $0.range(of: #"^\d{3} \d{3}$"#, options: .regularExpression) != nil
            })
        return line
    }

    @Test func anyAddressGetsTheSameAnswerAndOnlyAKnownOneGetsMail() async throws {
        let fixture = try WebFixture(auth: true)
        _ = try Self.invite(fixture)
        _ = try Self.newestText(fixture, to: Self.lan)
        try await fixture.browse { browser in
            try await browser.get("/signin")
            let unknown = try await browser.post("/signin/email", [("email", "nobody@example.org"), ("back", "/")])
            let known = try await browser.post(
                "/signin/email", [("email", "LAN.nguyen@caobang.example.vn"), ("back", "/")])
            #expect(unknown.status == .ok && known.status == .ok)
            func shown(_ page: Browser.Page, _ address: String) -> String {
                page.html.replacingOccurrences(of: address, with: "ADDRESS")
                    .replacingOccurrences(of: #"name="csrf" value="[^"]*""#, with: "", options: .regularExpression)
            }
            #expect(shown(unknown, "nobody@example.org") == shown(known, "LAN.nguyen@caobang.example.vn"))
            #expect(known.html.contains("Check your mail"))
        }
        let sent = try fixture.service.registry.outbox()
        #expect(sent.map(\.kind) == ["sign-in", "invitation"])
        #expect(sent.allSatisfy { $0.recipient == Self.lan })
    }

    @Test func theLinksPageUsesNothingAndItsButtonSignsInOnce() async throws {
        let fixture = try WebFixture(auth: true)
        _ = try Self.invite(fixture)
        let link = try Self.link(in: try Self.newestText(fixture, to: Self.lan))
        #expect(link.hasPrefix("/signin/link?key="))
        try await fixture.browse { browser in
            // A scanner opens the link, twice; it signs nobody in.
            for _ in 0..<2 {
                let page = try await browser.get(link)
                #expect(page.status == .ok)
                #expect(page.html.contains("Sign in as Nguyễn Thị Lan (Cao Bằng)."))
            }
            #expect(try await browser.get("/needs").status == .seeOther)
            let key = String(link.dropFirst("/signin/link?key=".count))
            let signedIn = try await browser.post("/signin/link", [("key", key)])
            #expect(signedIn.status == .seeOther)
            let needs = try await browser.get("/needs")
            #expect(needs.status == .ok)
            #expect(needs.html.contains("Nguyễn Thị Lan · Cao Bằng"))
            let again = try await browser.get(link)
            #expect(again.status == .gone)
            #expect(again.html.contains("This link no longer works"))
        }
        let person = try fixture.service.registry.person(Self.lan)
        #expect(person.lastSignIn != nil)
    }

    @Test func theCodeSignsInAndWrongCodesRunOut() async throws {
        let fixture = try WebFixture(auth: true)
        _ = try Self.invite(fixture)
        _ = try Self.newestText(fixture, to: Self.lan)
        try await fixture.browse { browser in
            try await browser.get("/signin")
            try await browser.post("/signin/email", [("email", Self.lan), ("back", "/needs")])
            let code = try Self.code(in: try Self.newestText(fixture, to: Self.lan))
            let wrong = String(code.filter(\.isNumber).map { $0 == "9" ? "0" : "9" })
            let refused = try await browser.post(
                "/signin/code", [("email", Self.lan), ("code", wrong), ("back", "/needs")])
            #expect(refused.status == .unauthorized)
            #expect(refused.html.contains("4 tries are left"))
            // Past the pause a wrong try earns (SignInGuard's, timed by other tests).
            fixture.app.signIns.succeeded("local")
            let right = try await browser.post(
                "/signin/code", [("email", Self.lan), ("code", code), ("back", "/needs")])
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/needs")
            #expect(try await browser.get("/needs").html.contains("Nguyễn Thị Lan"))
        }
        // A code tried five times wrong is spent, right or not after that.
        try fixture.service.requestSignIn(email: Self.lan)
        let code = try Self.code(in: try Self.newestText(fixture, to: Self.lan))
        let wrong = String(code.filter(\.isNumber).map { $0 == "9" ? "0" : "9" })
        var left: [SignInOutcome] = []
        for _ in 0..<5 { left.append(try fixture.service.signIn(code: wrong, email: Self.lan)) }
        #expect(left == (0..<5).reversed().map { SignInOutcome.wrong(triesLeft: $0) })
        #expect(try fixture.service.signIn(code: code, email: Self.lan) == .spent)
    }

    /// A signed-in session holds no more than the registry grants now: rights taken away stop
    /// the next write, a person removed and a token revoked are signed out at their next page.
    @Test func aSessionLosesAtOnceWhatTheRegistryTookAway() async throws {
        let fixture = try WebFixture(auth: true)
        let editor = try Self.invite(fixture, "editor@caobang.example.vn", rights: .edit)
        let link = try Self.link(in: try Self.newestText(fixture, to: "editor@caobang.example.vn"))
        try await fixture.browse { browser in
            try await browser.get(link)
            try await browser.post("/signin/link", [("key", String(link.dropFirst("/signin/link?key=".count)))])
            #expect(try await browser.get("/needs/cao-bang-2").html.contains("/needs/cao-bang-2/close"))
            _ = try fixture.service.updatePerson(
                PersonUpdateParams(person: editor.id, rights: .read), caller: .local("test"))
            let closed = try await browser.post("/needs/cao-bang-2/close", [("status", "partnered")])
            #expect(closed.status == .forbidden && closed.html.contains("may read only"))
            #expect(try fixture.service.need(NeedGetParams(id: "cao-bang-2")).status == .open)
            _ = try fixture.service.removePerson(PersonParams(person: editor.id), caller: .local("test"))
            let after = try await browser.get("/needs/cao-bang-2")
            #expect(after.status == .seeOther && after.headers[.location]?.hasPrefix("/signin") == true)
        }
        let (token, info) = try fixture.service.registry.createToken(
            role: .province(ProvinceID("cao-bang")), audit: AuditEntry(actor: "test", method: "tokens.create"))
        try await fixture.browse { browser in
            try await browser.get("/signin")
            _ = try await browser.post("/signin", [("token", token), ("back", "/")])
            #expect(try await browser.get("/needs").status == .ok)
            _ = try fixture.service.registry.revokeToken(
                id: info.id, audit: AuditEntry(actor: "test", method: "tokens.revoke"))
            let after = try await browser.get("/needs")
            #expect(after.status == .seeOther && after.headers[.location]?.hasPrefix("/signin") == true)
        }
    }

    @Test func aReaderReadsAndAnEditorInvitesOnlyColleagues() async throws {
        let fixture = try WebFixture(auth: true)
        _ = try Self.invite(fixture, "reader@caobang.example.vn", rights: .read)
        _ = try Self.invite(fixture, "editor@caobang.example.vn", rights: .edit)
        let readerLink = try Self.link(in: try Self.newestText(fixture, to: "reader@caobang.example.vn"))
        try await fixture.browse { browser in
            try await browser.get(readerLink)
            try await browser.post("/signin/link", [("key", String(readerLink.dropFirst("/signin/link?key=".count)))])
            #expect(try await browser.get("/needs/cao-bang-2").status == .ok)
            let closed = try await browser.post("/needs/cao-bang-2/close", [("status", "partnered")])
            #expect(closed.status == .forbidden)
            #expect(closed.html.contains("may read only"))
            let people = try await browser.get("/people")
            #expect(!people.html.contains("Send the invitation"))
            #expect(try await browser.post("/people/token", [("note", "x")]).status == .forbidden)
        }
        #expect(try fixture.service.need(NeedGetParams(id: "cao-bang-2")).status == .open)
        try await fixture.browse { browser in
            try await browser.get("/signin")
            try await browser.post("/signin/email", [("email", "editor@caobang.example.vn")])
            let code = try Self.code(in: try Self.newestText(fixture, to: "editor@caobang.example.vn"))
            try await browser.post("/signin/code", [("email", "editor@caobang.example.vn"), ("code", code)])
            let people = try await browser.get("/people")
            #expect(people.html.contains("People of Cao Bằng"))
            // The organisation is the editor's own, whatever the form was made to say.
            let invited = try await browser.post(
                "/people",
                [
                    ("email", "colleague@caobang.example.vn"), ("name", "Hoàng Văn Đức"), ("for", "ministry"),
                    ("language", "vi"),
                ])
            #expect(invited.status == .seeOther)
            // A token for a program of theirs: their organisation's role, shown once.
            try await browser.get("/people")
            let made = try await browser.post("/people/token", [("note", "Cao Bằng's reporting script")])
            #expect(made.status == .ok)
            let token = try #require(
                made.html.range(of: #"ngm_[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(made.html[$0]) })
            #expect(try fixture.service.role(ofToken: token)?.role == .province("cao-bang"))
        }
        let colleague = try fixture.service.registry.person("colleague@caobang.example.vn")
        #expect(colleague.organisation == "province:cao-bang")
        #expect(colleague.invitedBy.hasPrefix("person:"))
    }
}
