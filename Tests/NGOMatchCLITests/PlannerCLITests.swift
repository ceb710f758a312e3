import Foundation
import NGOMatchPlanner
import Testing

@Suite(.timeLimit(.minutes(10)))
struct PlannerCLITests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/planning/meeting-2025.json").path

    /// The registry's ids for the fixture's names: "Hà Giang" joined Tuyên Quang in 2025.
    static let fixtureNames = [
        "Cao Bằng": "cao-bang", "dong nai": "dong-nai", "Đồng Nai": "dong-nai", "Hà Giang": "tuyen-quang",
        "Quảng Trị": "quang-tri", "Save the Children": "save-the-children",
    ]

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func writesAgendasAndCalendarsForEveryParticipant() throws {
        let cli = try CLI()
        let out = cli.folder.appendingPathComponent("agendas")
        let result = try cli.run("pair", "--event", Self.fixture, "--format", "html", "--out", out.path)
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try Self.json(String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8))
        let meetings = try #require(plan["meetings"] as? [[String: Any]])
        #expect(!meetings.isEmpty)
        #expect(try PlanOracle.problems(plan: plan, eventFile: Self.fixture, cli: cli, names: Self.fixtureNames) == [])
        // "Hà Giang" was merged into Tuyên Quang; the agenda is under the unit's id.
        let caoBang = try String(contentsOf: out.appendingPathComponent("provinces/cao-bang.html"), encoding: .utf8)
        #expect(caoBang.contains("<h2>Cao Bằng</h2>"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("provinces/tuyen-quang.html").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("master.html").path))
        let first = try #require(meetings.first { $0["province"] as? String == "cao-bang" })
        let ngo = try #require(first["ngo"] as? String)
        let calendar = try String(
            contentsOf: out.appendingPathComponent("calendars/ngos/\(ngo).ics"), encoding: .utf8)
        #expect(calendar.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(calendar.contains("SUMMARY:Cao Bằng — Meeting with foreign NGOs 2025"))
        // Slot 0 starts at 14:00 in Vietnam, 07:00 UTC, and each slot 20 minutes later.
        let slot = try #require(first["slot"] as? Int)
        let minutes = 7 * 60 + 20 * slot
        let start = String(format: "DTSTART:20250826T%02d%02d00Z", minutes / 60, minutes % 60)
        #expect(calendar.contains(start), "\(start)")
        #expect(calendar.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(result.stderr.contains("Wrote"))
    }

    @Test func replanKeepsConfirmedMeetingsAndSaysWhatMoved() throws {
        let cli = try CLI()
        let first = try cli.run("pair", "--event", Self.fixture, "--format", "json")
        #expect(first.status == 0, "\(first.stderr)")
        let before = try #require(try Self.json(first.stdout)["meetings"] as? [[String: Any]])
        let planFile = try cli.file("plan.json", first.stdout)
        // A delegation cancels and Cao Bằng loses slot 1.
        var event = try Self.json(String(contentsOfFile: Self.fixture, encoding: .utf8))
        let cancelled = try #require(before.first { $0["province"] as? String != "cao-bang" }?["ngo"] as? String)
        event["ngos"] = (event["ngos"] as! [[String: Any]]).filter { $0["id"] as? String != cancelled }
        event["requests"] = (event["requests"] as! [[String: Any]]).filter {
            $0["from"] as? String != cancelled && $0["to"] as? String != cancelled
        }
        var provinces = event["provinces"] as! [[String: Any]]
        provinces[0]["unavailable"] = [1]
        event["provinces"] = provinces
        let changed = try cli.file(
            "changed.json", String(decoding: try JSONSerialization.data(withJSONObject: event), as: UTF8.self))
        let second = try cli.run("pair", "--event", changed, "--keep", planFile, "--format", "json")
        #expect(second.status == 0, "\(second.stderr)")
        let report = try Self.json(second.stdout)
        #expect(try PlanOracle.problems(plan: report, eventFile: changed, cli: cli, names: Self.fixtureNames) == [])
        let replan = try #require(report["replan"] as? [String: Any])
        let dropped = try #require(replan["dropped"] as? [[String: Any]])
        let kept = try #require(replan["kept"] as? [[String: Any]])
        let after = try #require(report["meetings"] as? [[String: Any]])
        func key(_ meeting: [String: Any]) -> String {
            "\(meeting["province"]!)|\(meeting["ngo"]!)|\(meeting["slot"]!)|\(meeting["table"]!)"
        }
        let afterKeys = Set(after.map(key))
        for meeting in before {
            let affected =
                meeting["ngo"] as? String == cancelled
                || (meeting["province"] as? String == "cao-bang" && meeting["slot"] as? Int == 1)
            if affected {
                #expect(
                    dropped.contains {
                        $0["ngo"] as? String == meeting["ngo"] as? String
                            && $0["slot"] as? Int == meeting["slot"] as? Int
                    })
            } else {
                #expect(afterKeys.contains(key(meeting)), "confirmed meeting \(key(meeting)) was not kept in place")
            }
        }
        #expect(kept.count + dropped.count == before.count)
        #expect(dropped.allSatisfy { ($0["reason"] as? String)?.isEmpty == false })
        #expect(second.stderr.contains("Replan:"))
    }

    @Test func aBadEventSaysWhichFieldAndSuggestsAFix() throws {
        let cli = try CLI()
        let event = try cli.file(
            "bad.json",
            #"{"slots": 4, "provinces": [{"id": "Cao Bag", "unavailable": [7]}], "ngos": [{"id": "wwf-vietnam"}], "tabels": 2}"#
        )
        let result = try cli.run("pair", "--event", event)
        #expect(result.status == 2)
        #expect(result.stderr.contains("tabels: unknown field — did you mean 'tables'?"))
        #expect(result.stderr.contains("provinces[0].unavailable[0]: must be from 0 to 3, got 7"))
        let names = try cli.file(
            "names.json", #"{"slots": 4, "provinces": [{"id": "Cao Bag"}], "ngos": [{"id": "wwf-vietnam"}]}"#)
        let unknown = try cli.run("pair", "--event", names)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("provinces[0].id: unknown province 'Cao Bag' — did you mean 'Cao Bằng'?"))
        let notJSON = try cli.run("pair", "--event", try cli.file("x.json", "{slots: 4"))
        #expect(notJSON.status == 2)
        #expect(notJSON.stderr.contains("is not valid JSON"))
    }

    @Test func generatedEventsRepeatAndPlanValidly() throws {
        let cli = try CLI()
        let one = try cli.run("generate-event", "--provinces", "12", "--ngos", "20", "--slots", "5", "--seed", "4")
        let two = try cli.run("generate-event", "--provinces", "12", "--ngos", "20", "--slots", "5", "--seed", "4")
        #expect(one.status == 0 && one.stdout == two.stdout && !one.stdout.isEmpty)
        let event = try cli.file("event.json", one.stdout)
        let csv = try cli.run("pair", "--event", event, "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("slot,time,table,table_label,province,province_name,ngo,ngo_name,score"))
        let plan = try Self.json(try cli.run("pair", "--event", event, "--format", "json").stdout)
        #expect(try PlanOracle.problems(plan: plan, eventFile: event, cli: cli) == [])
        let total = try #require(plan["totalValue"] as? Double)
        let bound = try #require(plan["upperBound"] as? Double)
        #expect(total <= bound + 1e-9 && total > 0)
    }

    /// A hard event with an impossible pair of minimums: two processes give the same plan
    /// (nothing depends on a process's hashing), the summary says "proven" in words, and the
    /// JSON carries the case and the proof.
    @Test func minimumsAreReportedAsProvenInEveryLanguageAndPlansRepeat() throws {
        let cli = try CLI()
        let generated = try cli.run(
            "generate-event", "--provinces", "20", "--ngos", "40", "--slots", "6", "--seed", "2", "--regime",
            "impossible")
        #expect(generated.status == 0, "\(generated.stderr)")
        let event = try cli.file("hard.json", generated.stdout)
        let first = try cli.run("pair", "--event", event, "--format", "json")
        let second = try cli.run("pair", "--event", event, "--format", "json")
        #expect(first.status == 0 && first.stdout == second.stdout)
        let plan = try Self.json(first.stdout)
        #expect(try PlanOracle.problems(plan: plan, eventFile: event, cli: cli) == [])
        let minimums = try #require(plan["minimums"] as? [String: Any])
        #expect(minimums["status"] as? String == "proven")
        let certificates = try #require(minimums["certificates"] as? [[String: Any]])
        #expect(certificates.first?["parties"] as? [String] == ["hall-province-a", "hall-province-b"])
        #expect(first.stderr.contains("Some minimums cannot be met by any schedule (the proof is given)"))
        #expect(first.stderr.contains("hall-province-a and hall-province-b need at least 4 meetings together"))
        let vietnamese = try cli.run("pair", "--event", event, "--lang", "vi")
        #expect(vietnamese.stderr.contains("không lịch nào đáp ứng được"), "\(vietnamese.stderr)")
        #expect(vietnamese.stdout.contains("cần tổng cộng ít nhất 4 cuộc gặp"))
    }
}
