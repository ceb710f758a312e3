import Foundation
import NGOMatchCore
import NGOMatchIATI
import NGOMatchService
import NGOMatchStore
import Testing

/// The real file of 13 NGO activities in Viet Nam imported into a registry that knows Oxfam
/// Novib and HelpAge International by their IATI identifiers (the demo knows World Vision and
/// MCNV by name only): the counts below were worked out by hand from the file.
@Suite(.timeLimit(.minutes(5))) struct IATIImportTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/reference/iati/vietnam/vn-ingo-2.03.xml").path

    static func harness() throws -> Harness {
        let harness = try Harness()
        let caller = Caller.local("test")
        for (name, identifier) in [("Oxfam Novib", "NL-KVK-27108436"), ("HelpAge International", "GB-COH-1762840")] {
            _ = try harness.service.registerNGO(
                .object([
                    "name": .string(name), "country": .string("Netherlands"),
                    "sectors": .string("social-protection:3"), "iatiOrganisation": .string(identifier),
                ]), caller: caller)
        }
        return harness
    }

    static func source(_ name: String = "vn-ingo-2.03.xml") -> IATISource {
        IATISource(name: name, content: .path(file))
    }

    @Test func theRealFileIsImportedWithEveryActivityAccountedFor() throws {
        let harness = try Self.harness()
        let report = try harness.service.importIATI([Self.source()], checkOnly: false, caller: .local("test"))
        #expect(report.activities.count == 13)
        #expect(report.count("added") == 10 && report.count("skipped") == 3)
        #expect(try harness.service.iatiRecords(of: "oxfam-novib").count == 8, "7 published, 1 implemented for DRA")
        #expect(try harness.service.iatiRecords(of: "helpage-international").count == 2)
        let worldVision = try #require(report.activities.first { $0.identifier == "US-EIN-95-3202116-VN" })
        #expect(worldVision.outcome == "skipped")
        #expect(worldVision.reason?.contains("World Vision International (world-vision)") == true, "suggested by name")
        #expect(try harness.service.registry.auditTrail().first?.method == "iati.import")

        // Civil society: 05001, 05390, 06494-02 and -03; emergency relief: 06544-02, -03 and the
        // Dutch Relief Alliance's; 06494-04 (DAC 74010) climate; years 2018 (DRA) to 2022.
        #expect(
            harness.service.iatiProfileLine(of: "oxfam-novib", language: .en)
                == "8 activities published in IATI, 2018–2022: Civil society and participation (4), Emergency relief (3), Climate resilience and disaster risk reduction (1); nationwide"
        )
        #expect(harness.service.iatiProfileLine(of: "mcnv", language: .en) == nil, "none published")

        let again = try harness.service.importIATI([Self.source()], checkOnly: false, caller: .local("test"))
        #expect(again.count("unchanged") == 10 && again.count("added") == 0, "never counted twice")
    }

    @Test func checkOnlyWritesNothing() throws {
        let harness = try Self.harness()
        let report = try harness.service.importIATI([Self.source()], checkOnly: true, caller: .local("test"))
        #expect(report.checkOnly && report.count("added") == 10)
        #expect(try harness.service.iatiRecords(of: "oxfam-novib").isEmpty)
    }

    @Test func aLaterFilesVersionReplacesTheEarlierOne() throws {
        let harness = try Self.harness()
        let text = try String(contentsOfFile: Self.file, encoding: .utf8)
        let revised = text.replacingOccurrences(of: ">15916</value>", with: ">20000</value>")
        #expect(revised != text)
        let report = try harness.service.importIATI(
            [Self.source("first.xml"), IATISource(name: "revised.xml", content: .bytes(Array(revised.utf8)))],
            checkOnly: false, caller: .local("test"))
        let lines = report.activities.filter { $0.identifier == "NL-KVK-27108436-A-05001-22:VN" }
        #expect(lines.map(\.outcome) == ["replaced", "added"])
        #expect(lines.first?.reason?.contains("revised.xml") == true)
        let kept = try #require(
            try harness.service.iatiRecords(of: "oxfam-novib").first {
                $0.identifier == "NL-KVK-27108436-A-05001-22:VN"
            })
        #expect(kept.amounts == ["EUR": 20000])
        #expect(try harness.service.iatiRecords(of: "oxfam-novib").count == 8)
    }

    @Test func aBrokenFileAmongGoodOnesChangesNothing() throws {
        let harness = try Self.harness()
        let broken =
            "<iati-activities version=\"2.03\">\n<iati-activity>\n<iati-identifier>X-1</iati-identifier>\n</iati-activities>"
        do {
            _ = try harness.service.importIATI(
                [Self.source(), IATISource(name: "broken.xml", content: .bytes(Array(broken.utf8)))], checkOnly: false,
                caller: .local("test"))
            Issue.record("a broken file was imported")
        } catch {
            let text = Phrase.of(error).text(.en)
            #expect(text.hasPrefix("broken.xml line 4"), "\(text)")
        }
        #expect(try harness.service.iatiRecords(of: "oxfam-novib").isEmpty)
    }

    @Test func anNGOImportsItsOwnActivitiesOnlyAndAProvinceNone() throws {
        let harness = try Self.harness()
        let oxfam = Caller.token(id: "t1", role: .ngo("oxfam-novib"))
        let report = try harness.service.importIATI([Self.source()], checkOnly: false, caller: oxfam)
        #expect(report.count("added") == 8)
        let helpAge = try #require(report.activities.first { $0.identifier == "GB-COH-1762840-GID650-AG15-01" })
        #expect(helpAge.outcome == "skipped" && helpAge.reason?.contains("only the ministry") == true)
        #expect(try harness.service.iatiRecords(of: "helpage-international").isEmpty)
        #expect(throws: ServiceError.self) {
            try harness.service.importIATI(
                [Self.source()], checkOnly: false, caller: .token(id: "t2", role: .province("cao-bang")))
        }
    }

    @Test func aBrokenFileOverTheProtocolIsAnInvalidParamsErrorSayingWhere() throws {
        let harness = try Self.harness()
        let (session, _) = harness.session()
        let params =
            #"{"files":[{"name":"broken.xml","content":"<iati-activities version=\"2.03\">\n<iati-activity>\n</iati-activities>"}]}"#
        let reply = try #require(harness.call("iati.import", params, on: session))
        #expect(reply.errorCode == -32602, "\(reply)")
        #expect(reply.errorMessage?.hasPrefix("broken.xml line 3") == true, "\(reply)")
        #expect(reply["error"]?["data"]?["file"] == .string("broken.xml"))
    }

    @Test func overTheProtocolTheFileTravelsAsText() throws {
        let harness = try Self.harness()
        let (session, _) = harness.session()
        let content = try String(contentsOfFile: Self.file, encoding: .utf8)
        let value = JSONValue.object([
            "files": .array([.object(["name": .string("vn-ingo-2.03.xml"), "content": .string(content)])]),
            "checkOnly": .bool(true), "lang": .string("vi"),
        ])
        let params = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let reply = try #require(harness.call("iati.import", params, on: session))
        let activities = try #require(reply["result"]?["activities"], "\(reply)")
        #expect(activities.items.count == 13)
        let skipped = activities.items.first { $0["identifier"] == .string("US-EIN-300108263-GGProj:46123") }
        if case .string(let reason)? = skipped?["reason"] {
            #expect(reason.contains("quý vị"), "in the reader's language: \(reason)")
        } else {
            Issue.record("no reason: \(String(describing: skipped))")
        }
    }
}
