import Foundation
import MCP
import NGOMatchCore
import NGOMatchMCP
import NGOMatchService
import NGOMatchStore
import Testing

/// Interest, the pipeline and the Decree 58 reports through the MCP door, as an assistant
/// acting for an NGO and another for the province would: the same operations as every door,
/// their roles held, the results read back from the registry.
@Suite(.timeLimit(.minutes(5)))
struct AssistantPipelineTests {
    let fixture: AssistantFixture
    var service: MatchService { fixture.service }

    init() throws { fixture = try AssistantFixture() }

    func connect(_ role: Role) async throws -> (Client, Server) { try await fixture.connect(as: role) }

    func call(_ client: Client, _ name: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
        try await fixture.call(client, name, arguments)
    }

    func message(_ result: CallTool.Result) -> String {
        if case .text(let text, _, _)? = result.content.first { return text }
        return ""
    }

    @Test func anNGOsAssistantOffersHelpAndTheProvincesAcceptsAndMovesThePair() async throws {
        let (ngo, ngoServer) = try await connect(.ngo(NGOID("mcnv")))
        let (province, provinceServer) = try await connect(.province(ProvinceID("cao-bang")))
        let (other, otherServer) = try await connect(.ngo(try service.registry.ngo(named: "WWF").id))

        let tools = try await ngo.listTools().tools.map(\.name)
        for name in [
            "interest.express", "interest.answer", "interest.list", "interest.message", "pipeline.move",
            "pipeline.list", "pipeline.show", "pipeline.item", "pipeline.figures", "reports.list", "reports.file",
        ] {
            #expect(tools.contains(name), "\(name) is a tool")
        }
        let asked = try await call(
            ngo, "interest.express", ["need": "cao-bang-1", "message": "We run maternal health programmes."])
        #expect(asked.isError != true, "\(message(asked))")
        let id = try #require(
            asked.structuredContent?.objectValue?["request"]?.objectValue?["id"]?.intValue, "\(message(asked))")
        // Another NGO's assistant may neither read nor answer it.
        #expect(try await call(other, "interest.show", ["id": .int(id)]).isError == true)
        #expect(try await call(other, "interest.answer", ["id": .int(id), "answer": "accept"]).isError == true)
        // The NGO may not answer its own request; the province may.
        #expect(try await call(ngo, "interest.answer", ["id": .int(id), "answer": "accept"]).isError == true)
        let accepted = try await call(province, "interest.answer", ["id": .int(id), "answer": "accept"])
        #expect(accepted.isError != true, "\(message(accepted))")
        let moved = try await call(
            province, "pipeline.move", ["need": "cao-bang-1", "ngo": "MCNV", "stage": "met", "note": "Met in Hà Nội"])
        #expect(moved.isError != true, "\(message(moved))")
        // What the assistants did is the registry's, with the door each move came through.
        let pair = try #require(try service.registry.pipelinePair(need: NeedID("cao-bang-1"), ngo: NGOID("mcnv")))
        #expect(pair.stage == "met")
        #expect(pair.moves.last?.door == "token" && pair.moves.last?.note == "Met in Hà Nội")
        // "Approved" without its decision is refused, with what it needs.
        let early = try await call(
            province, "pipeline.move", ["need": "cao-bang-1", "ngo": "MCNV", "stage": "approved"])
        #expect(early.isError == true && message(early).contains("decision"), "\(message(early))")
        // The ministry's figures are the ministry's.
        #expect(try await call(province, "pipeline.figures", [:]).isError == true)

        // An NGO's reports are its own to record.
        let report = try await call(ngo, "reports.file", ["ngo": "MCNV", "kind": "annual-report"])
        #expect(report.isError != true, "\(message(report))")
        #expect(try await call(other, "reports.file", ["ngo": "MCNV", "kind": "annual-report"]).isError == true)
        let listed = try await call(ngo, "reports.list", ["state": "filed"])
        let duties = try #require(listed.structuredContent?.objectValue?["duties"]?.arrayValue)
        #expect(duties.count == 1)
        await ngoServer.stop()
        await provinceServer.stop()
        await otherServer.stop()
    }
}
