import Foundation
import MCP
import NGOMatchCore
import NGOMatchMCP
import NGOMatchService
import NGOMatchStore
import Testing

/// The MCP door over the SDK's in-memory transport, on a real registry.
@Suite(.timeLimit(.minutes(10)))
struct AssistantDoorTests {
    let fixture: AssistantFixture
    var service: MatchService { fixture.service }

    init() throws { fixture = try AssistantFixture() }

    func connect(writes: Bool = false, caller: Caller = .local("mcp")) async throws -> (Client, Server) {
        try await fixture.connect(writes: writes, caller: caller)
    }

    func call(_ client: Client, _ name: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
        try await fixture.call(client, name, arguments)
    }

    /// The result's first content as text; a result without one fails the test, never skips it.
    func text(_ result: CallTool.Result) throws -> String {
        guard case .text(let text, _, _)? = result.content.first else {
            throw MissingText(content: "\(result.content)")
        }
        return text
    }

    struct MissingText: Error { let content: String }

    @Test func everyReadOperationIsAToolWithASchemaAndWritesOnlyWhenAllowed() async throws {
        let (client, server) = try await connect()
        let tools = try await client.listTools().tools
        let reads = OperationTable.all.filter { !$0.isWrite && $0.name != "ping" }.map(\.name)
        #expect(Set(tools.map(\.name)) == Set(reads))
        for tool in tools {
            #expect((tool.description ?? "").count > 80, "\(tool.name) needs a description a model can use")
            #expect(tool.inputSchema.objectValue?["type"] == .string("object"))
            #expect(tool.outputSchema?.objectValue?["type"] == .string("object"))
            #expect(tool.annotations.readOnlyHint == true)
        }
        let suggest = try #require(tools.first { $0.name == "match.suggest" })
        let properties = try #require(suggest.inputSchema.objectValue?["properties"]?.objectValue)
        #expect(properties["lang"]?.objectValue?["enum"] == .array([.string("vi"), .string("en")]))
        await server.stop()

        let (writer, writingServer) = try await connect(writes: true)
        let all = try await writer.listTools().tools.map(\.name)
        #expect(all.contains("needs.register") && all.contains("rules.add"))
        await writingServer.stop()
    }

    @Test func suggestForCaoBangGivesTheProtocolsResultAsStructuredContent() async throws {
        let (client, server) = try await connect()
        let result = try await call(client, "match.suggest", ["province": "cao bang", "limit": 2])
        #expect(result.isError != true)
        let structured = try #require(result.structuredContent?.objectValue)
        let lists = try #require(structured["suggestions"]?.arrayValue)
        #expect(lists.count >= 1)
        // One list for each open need of Cao Bằng, as the registry holds them; two NGOs at most
        // in each, best first.
        let openNeeds = try service.needs(NeedsListParams()).filter {
            $0.province.rawValue == "cao-bang" && $0.status == .open
        }
        #expect(!openNeeds.isEmpty)
        #expect(Set(lists.compactMap { $0.objectValue?["need"]?.stringValue }) == Set(openNeeds.map(\.id.rawValue)))
        for list in lists {
            let ranked = try #require(list.objectValue?["ranked"]?.arrayValue)
            let scores = ranked.compactMap {
                $0.objectValue?["score"]?.doubleValue ?? $0.objectValue?["score"]?.intValue.map(Double.init)
            }
            #expect(scores.count == ranked.count && (1...2).contains(ranked.count))
            #expect(scores == scores.sorted(by: >))
        }
        // The text is the same JSON, for clients that read text only.
        let text = try text(result)
        #expect(try JSONDecoder().decode(Value.self, from: Data(text.utf8)) == .object(structured))
        await server.stop()
    }

    @Test func aFailureIsAnErrorResultWithTheCLIsMessage() async throws {
        let (client, server) = try await connect()
        let unknown = try await call(client, "needs.get", ["id": "cao-bang-9"])
        #expect(unknown.isError == true)
        let message = try text(unknown)
        #expect(message.contains("no need with id 'cao-bang-9'") && message.contains("did you mean"), "\(message)")

        let wrongField = try await call(client, "needs.list", ["provnce": "Cao Bằng"])
        #expect(wrongField.isError == true)
        let field = try text(wrongField)
        #expect(field.contains("did you mean 'province'"), "\(field)")

        let write = try await call(client, "needs.close", ["id": "cao-bang-1"])
        #expect(write.isError == true)
        let refusal = try text(write)
        #expect(refusal.contains("--allow-writes"))
        #expect(try service.need(NeedGetParams(id: "cao-bang-1")).status == .open)
        await server.stop()
    }

    @Test func aTokensRoleLimitsTheWrites() async throws {
        let (_, info) = try service.registry.createToken(
            role: .province("cao-bang"), audit: AuditEntry(actor: "test", method: "tokens.create"))
        let (client, server) = try await connect(
            writes: true, caller: .token(id: info.id, role: .province("cao-bang")))
        let own = try await call(client, "needs.update", ["id": "cao-bang-1", "fundingGapUSD": 123456])
        #expect(own.isError != true)
        let other = try await call(client, "needs.update", ["id": "dong-nai-1", "fundingGapUSD": 1])
        #expect(other.isError == true)
        #expect(try service.need(NeedGetParams(id: "cao-bang-1")).fundingGapUSD == 123456)
        #expect(try service.registry.auditTrail().first?.actor.hasPrefix("token:") == true)
        await server.stop()
    }

    @Test func aTokenRevokedWhileTheAssistantRunsStopsAtItsNextCall() async throws {
        let (_, info) = try service.registry.createToken(
            role: .province("cao-bang"), audit: AuditEntry(actor: "test", method: "tokens.create"))
        let (client, server) = try await connect(
            writes: true, caller: .token(id: info.id, role: .province("cao-bang")))
        let before = try await call(client, "needs.update", ["id": "cao-bang-1", "fundingGapUSD": 111])
        #expect(before.isError != true)
        _ = try service.registry.revokeToken(id: info.id, audit: AuditEntry(actor: "test", method: "tokens.revoke"))
        let write = try await call(client, "needs.update", ["id": "cao-bang-1", "fundingGapUSD": 222])
        #expect(write.isError == true)
        let refused = try text(write)
        #expect(refused.contains("revoked"), "\(refused)")
        let read = try await call(client, "match.suggest", ["need": "cao-bang-1", "lang": "vi"])
        #expect(read.isError == true)
        let refusedInVietnamese = try text(read)
        #expect(refusedInVietnamese.contains("thu hồi"), "\(refusedInVietnamese)")
        #expect(
            try service.need(NeedGetParams(id: "cao-bang-1")).fundingGapUSD == 111, "the write after it was refused")
        await server.stop()
    }

    @Test func resourcesHoldTheTaxonomyProvincesAndRuleSets() async throws {
        let (client, server) = try await connect()
        let resources = try await client.listResources().resources.map(\.uri)
        #expect(resources.contains("ngomatch://sectors") && resources.contains("ngomatch://provinces"))
        #expect(resources.contains("ngomatch://rules/default"))
        let provinces = try await client.readResource(uri: "ngomatch://provinces")
        let text = try #require(provinces.first?.text)
        #expect(text.contains("Tuyên Quang") && text.contains("Hà Giang"))
        let rules = try await client.readResource(uri: "ngomatch://rules/climate")
        #expect(rules.first?.text?.contains("sectorFit") == true)
        await server.stop()
    }
}
