import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore
import Testing

/// Rule sets the ministry adds by name, used by every client; never a file of the server's.
@Suite(.timeLimit(.minutes(10)))
struct RuleSetRegistryTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    /// The shipped `climate` rule set with its sector weight changed, as params for rules.add.
    static func params(_ name: String, sectorFit: Int = 45, geography: Int = 5) throws -> String {
        let text = RuleSetSource.shippedText("climate")!
            .replacingOccurrences(of: "weight: 35", with: "weight: \(sectorFit)")
            .replacingOccurrences(of: "weight: 15", with: "weight: \(geography)")
        let object = JSONValue.object(["name": .string(name), "text": .string(text)])
        return String(decoding: try StreamingJSONEncoder.encode(object), as: UTF8.self)
    }

    func authenticated(_ role: Role) throws -> Session {
        let (token, _) = try harness.service.registry.createToken(
            role: role, audit: AuditEntry(actor: "test", method: "tokens.create"))
        let (session, _) = harness.session(.anonymous, requiresAuth: true)
        #expect(harness.call("auth", #"{"token":"\#(token)"}"#, on: session)?["result"] != nil)
        return session
    }

    @Test func versionsAreKeptAndEachCanStillBeNamed() throws {
        let ministry = try authenticated(.ministry)
        let first = harness.call("rules.add", try Self.params("climate-2026"), on: ministry)
        #expect(first?["result"]?["label"] == .string("climate-2026@1"), "\(String(describing: first))")
        let second = harness.call(
            "rules.add", try Self.params("climate-2026", sectorFit: 25, geography: 25), on: ministry)
        #expect(second?["result"]?["label"] == .string("climate-2026@2"))
        #expect(second?["result"]?["versions"]?.items.count == 2)

        let suggest = #"{"need":"cao-bang-1","limit":3,"rules":"climate-2026"}"#
        let latest = harness.call("match.suggest", suggest, on: ministry)
        #expect(latest?["result"]?["suggestions"]?.first?["rules"] == .string("climate-2026@2"))
        let old = harness.call(
            "match.suggest", suggest.replacingOccurrences(of: "2026\"", with: "2026@1\""), on: ministry)
        #expect(old?["result"]?["suggestions"]?.first?["rules"] == .string("climate-2026@1"))
        #expect(latest?["result"]?["suggestions"]?.first?["ranked"] != old?["result"]?["suggestions"]?.first?["ranked"])

        let list = harness.call("rules.list", on: ministry)?["result"]
        let names = list?.items.compactMap { $0["name"] } ?? []
        #expect(names == [.string("climate"), .string("default"), .string("underserved"), .string("climate-2026")])

        let removed = harness.call("rules.remove", #"{"name":"climate-2026"}"#, on: ministry)
        #expect(removed?["result"]?["removedAt"] != nil)
        let gone = harness.call("match.suggest", suggest, on: ministry)
        #expect(gone?.errorCode == -32004)
        #expect(gone?.errorMessage?.contains("climate-2026") == true)
        // An explanation of an old ranking still works by version.
        #expect(
            harness.call(
                "match.explain", #"{"need":"cao-bang-1","ngo":"mcnv","rules":"climate-2026@1"}"#, on: ministry)?[
                    "result"]?["rules"] == .string("climate-2026@1"))
        let audit = try harness.service.registry.auditTrail().map(\.method)
        #expect(audit.filter { $0.hasPrefix("rules.") } == ["rules.remove", "rules.add", "rules.add"])
    }

    @Test func onlyTheMinistryAddsOrRemoves() throws {
        for role: Role in [.province("cao-bang"), .ngo("wwf-vietnam")] {
            let session = try authenticated(role)
            #expect(harness.call("rules.add", try Self.params("mine"), on: session)?.errorCode == -32003)
            #expect(harness.call("rules.remove", #"{"name":"mine"}"#, on: session)?.errorCode == -32003)
            // Reading is for everyone.
            #expect(harness.call("rules.get", #"{"name":"climate"}"#, on: session)?["result"]?["text"] != nil)
        }
        let (anonymous, _) = harness.session(.anonymous, requiresAuth: true)
        #expect(harness.call("rules.add", try Self.params("mine"), on: anonymous)?.errorCode == -32001)
        #expect(try harness.service.registry.ruleSetVersions().isEmpty)
    }

    @Test func anInvalidRuleSetIsRefusedWithEveryProblemAndNothingIsStored() throws {
        let (session, _) = harness.session()
        let text = "name: broken\nminimumScore: 500\nfactors:\n  sectrFit:\n    weight: 100\nfilters: {}\n"
        let params = String(
            decoding: try StreamingJSONEncoder.encode(
                JSONValue.object(["name": .string("broken"), "text": .string(text)])),
            as: UTF8.self)
        let reply = harness.call("rules.add", params, on: session)
        #expect(reply?.errorCode == -32602)
        let message = reply?.errorMessage ?? ""
        #expect(message.contains("sectrFit") && message.contains("did you mean 'sectorFit'"), "\(message)")
        #expect(message.contains("minimumScore"), "\(message)")
        #expect(try harness.service.registry.ruleSetVersions().isEmpty)
        #expect(harness.call("rules.add", try Self.params("Bad Name"), on: session)?.errorCode == -32602)
        #expect(harness.call("rules.add", try Self.params("default"), on: session)?.errorCode == -32602)
    }

    /// A named pipe blocks whoever opens it until a writer comes: had the server opened
    /// the path, the call would not return.
    @Test func aPathFromAClientIsRefusedWithoutOpeningIt() throws {
        let pipe = harness.folder.appendingPathComponent("secret.yaml").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let file = harness.folder.appendingPathComponent("keys.yaml")
        try Data("password: hunter2\napiKey: abc\n".utf8).write(to: file)
        let (session, _) = harness.session()
        for path in [pipe, file.path] {
            let reply = harness.call("match.suggest", #"{"need":"cao-bang-1","rules":"\#(path)"}"#, on: session)
            #expect(reply?.errorCode == -32602)
            let text = String(describing: reply)
            #expect(text.contains("looks like a file path"))
            #expect(!text.contains("password") && !text.contains("apiKey") && !text.contains("hunter2"))
        }
        // The same path from the CLI's local user is read.
        let local = MatchService(registry: harness.service.registry, ruleFiles: .readable)
        #expect(throws: InvalidRuleSet.self) { try local.rules(file.path) }
    }
}
