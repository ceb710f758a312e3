import Foundation
import NGOMatchCore
import NGOMatchProtocol
import NGOMatchService
import NGOMatchStore
import Testing

/// The real file's activities in the track-record factor, asked over the protocol on a server
/// that keeps replies: Oxfam Novib's climate work and civil-society work, read off the file by
/// hand, are what the explanation cites, and an import drops every reply kept before it.
@Suite(.timeLimit(.minutes(5))) struct IATITrackRecordTests {
    static func harness() throws -> Harness {
        let harness = try Harness()
        _ = try harness.service.registerNGO(
            .object([
                "name": .string("Oxfam Novib"), "country": .string("Netherlands"),
                "sectors": .string("climate.adaptation:4; governance.civil-society:4"),
                "iatiOrganisation": .string("NL-KVK-27108436"),
            ]), caller: .local("test"))
        return harness
    }

    static func trackRecord(_ need: String, _ harness: Harness, _ session: Session) -> (String?, Double?) {
        let reply = harness.call("match.explain", #"{"need":"\#(need)","ngo":"oxfam-novib"}"#, on: session)
        let factor = reply?["result"]?["report"]?["factors"]?.items.first { $0["factor"]?.string == "trackRecord" }
        var points: Double?
        if case .number(let value)? = factor?["points"] { points = value }
        return (factor?["explanation"]?.string, points)
    }

    static func importFile(_ harness: Harness, _ session: Session) throws {
        let content = try String(contentsOfFile: IATIImportTests.file, encoding: .utf8)
        let value = JSONValue.object([
            "files": .array([.object(["name": .string("vn-ingo-2.03.xml"), "content": .string(content)])])
        ])
        let params = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let reply = try #require(harness.call("iati.import", params, on: session))
        #expect(reply["result"] != nil, "\(reply)")
    }

    @Test func theExplanationCitesTheActivitiesOfTheNeedsSector() throws {
        let harness = try Self.harness()
        let (session, _) = harness.session()
        // cao-bang-3 asks for climate adaptation; nghe-an-1 for legal aid (governance).
        let (climateBefore, pointsBefore) = Self.trackRecord("cao-bang-3", harness, session)
        #expect(climateBefore == "0 completed partnerships in this sector or province")
        #expect(pointsBefore == 0)
        #expect(harness.dispatcher.keptReplyCount == 1, "the reply is kept, and must go with the import")
        try Self.importFile(harness, session)
        // Climate: A-06494-04 (DAC 74010, 2021–22), A-06544-02 and -03 (72010, 2020–21), and the
        // Dutch Relief Alliance's ACM that Oxfam Novib implements (72010/72050, 2018–21).
        let (climate, points) = Self.trackRecord("cao-bang-3", harness, session)
        #expect(climate == "4 activities in this sector since 2018, published in IATI")
        // 4 of saturation 3: the default's full 5 points.
        #expect(points == 5)
        // Governance: the four civil-society activities (DAC 15150) A-05001-22, A-05390-12,
        // A-06494-02 and -03, the earliest from September 2020.
        let (governance, _) = Self.trackRecord("nghe-an-1", harness, session)
        #expect(governance == "4 activities in this sector since 2020, published in IATI")
        // Health is in none of them.
        let (health, _) = Self.trackRecord("cao-bang-1", harness, session)
        #expect(health == "0 completed partnerships in this sector or province")
    }

    @Test func theSameFileAgainRevisesNothing() throws {
        let harness = try Self.harness()
        let (session, _) = harness.session()
        try Self.importFile(harness, session)
        let revision = try harness.service.registry.revision()
        try Self.importFile(harness, session)
        #expect(try harness.service.registry.revision() == revision, "every activity unchanged")
    }
}
