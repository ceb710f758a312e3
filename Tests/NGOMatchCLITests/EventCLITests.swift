import Foundation
import NGOMatchCore
import NGOMatchStore
import Testing

/// A meeting event's whole life through the CLI, and through the protocol with tokens (issue 15).
@Suite(.timeLimit(.minutes(10)))
struct EventCLITests {
    static func json(_ result: CLI.Result) throws -> JSONValue {
        try JSONParser.parse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func meetings(_ cli: CLI, _ event: String, _ extra: String...) throws -> [JSONValue] {
        let agenda = try cli.run(arguments: ["events", "agenda", event, "--format", "json"] + extra)
        #expect(agenda.status == 0, "\(agenda.stderr)")
        return try json(agenda)["meetings"]?.items ?? []
    }

    /// A minimum is written as every ranking shows scores, 0–100. It was compared with the
    /// planner's scores (the rankings' ÷ 100), so any minimum above 1 planned no meeting at all.
    @Test func aMinimumScoreIsOnTheRankingsScale() throws {
        let cli = try CLI()
        let open = try cli.run("events", "plan", "gap-go-2026", "--format", "json")
        #expect(open.status == 0, "\(open.stderr)")
        let scores = (try Self.json(open)["report"]?["meetings"]?.items ?? []).compactMap { $0["score"]?.number }
            .map { $0 * 100 }.sorted()
        try #require(scores.count >= 4, "the demo event plans meetings without a minimum")
        let minimum = scores[scores.count / 2]
        let set = try cli.run("events", "update", "gap-go-2026", "--min-score", "\(minimum)")
        #expect(set.status == 0, "\(set.stderr)")
        let planned = try cli.run("events", "plan", "gap-go-2026", "--format", "json")
        let kept = (try Self.json(planned)["report"]?["meetings"]?.items ?? []).compactMap { $0["score"]?.number }
        #expect(!kept.isEmpty, "pairs scoring \(minimum) or more still meet")
        #expect(kept.allSatisfy { $0 * 100 >= minimum - 1e-9 }, "\(kept) against \(minimum)")
    }

    @Test func anEventFromInvitationToOutcome() throws {
        let cli = try CLI()
        let created = try cli.run(
            "events", "create", "--name", "Gặp gỡ 2027", "--date", "2027-03-10", "--start", "14:00", "--slots", "6",
            "--tables", "3", "--break", "3", "--format", "json")
        #expect(created.status == 0, "\(created.stderr)")
        let event = try #require(try Self.json(created)["id"]?.string)
        #expect(event == "gap-go-2027")
        let invited = try cli.run(
            "events", "invite", event, "Cao Bằng", "ha giang", "dong nai", "MCNV", "World Vision", "ChildFund",
            "Health Poverty Action", "Swisscontact", "MSI", "--min-meetings", "1")
        #expect(invited.status == 0, "\(invited.stderr)")
        #expect(invited.stdout.contains("Tuyên Quang"), "a former province name invites the unit it joined")

        // Bad answers: the field, the expected values, and nothing changed.
        let outOfRange = try cli.run("events", "availability", event, "--participant", "Cao Bằng", "--unavailable", "9")
        #expect(outOfRange.status == 2)
        #expect(outOfRange.stderr.contains("unavailable") && outOfRange.stderr.contains("0–5"), "\(outOfRange.stderr)")
        let stranger = try cli.run("events", "wish", event, "--from", "Cao Bằng", "--to", "WWF")
        #expect(stranger.status != 0)
        #expect(stranger.stderr.contains("not invited"), "\(stranger.stderr)")
        let unknown = try cli.run("events", "invite", event, "Cao Bangg")
        #expect(unknown.stderr.contains("did you mean") && unknown.stderr.contains("Cao Bằng"), "\(unknown.stderr)")
        #expect(!(try cli.run("events", "show", event).stdout.contains("WWF")))

        #expect(try cli.run("events", "open", event).status == 0)
        #expect(
            try cli.run("events", "availability", event, "--participant", "Cao Bằng", "--unavailable", "0").status
                == 0)
        #expect(
            try cli.run(
                "events", "wish", event, "--from", "Cao Bằng", "--to", "MCNV", "--weight", "0.8", "--reason",
                "health stations"
            ).status == 0)
        let shown = try cli.run("events", "show", event)
        #expect(shown.stdout.contains("Cao Bằng → Medisch Comité Nederland–Vietnam"), "\(shown.stdout)")

        let planned = try cli.run("events", "plan", event, "--publish", "preliminary")
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("Published as the preliminary schedule"))
        let first = try Self.meetings(cli, event)
        #expect(!first.isEmpty)
        #expect(first.map { $0["number"]?.number ?? 0 } == (1...first.count).map(Double.init))
        #expect(first.allSatisfy { $0["slot"]?.number != 3 }, "nobody meets in the break")
        #expect(!first.contains { $0["province"]?.string == "cao-bang" && $0["slot"]?.number == 0 })
        #expect(first.contains { $0["province"]?.string == "cao-bang" && $0["ngo"]?.string == "mcnv" })

        // Cao Bằng confirms one meeting and declines another; replanning keeps the first where it was.
        let caoBang = first.filter { $0["province"]?.string == "cao-bang" }
        let kept = try #require(caoBang.first)
        let keptNumber = Int(try #require(kept["number"]?.number))
        #expect(try cli.run("events", "confirm", event, "--meeting", "\(keptNumber)").status == 0)
        let declined = try #require(first.first { $0["province"]?.string != "cao-bang" })
        let declinedNumber = Int(try #require(declined["number"]?.number))
        let decline = try cli.run(
            "events", "decline", event, "--meeting", "\(declinedNumber)", "--note", "not this year")
        #expect(decline.stdout.contains("declined"), "\(decline.stdout)")
        #expect(
            try cli.run("events", "availability", event, "--participant", "MSI", "--unavailable", "0,1,2").status == 0)
        let replanned = try cli.run("events", "plan", event, "--publish", "final")
        #expect(replanned.status == 0, "\(replanned.stderr)")
        #expect(replanned.stdout.contains("Against the published schedule"), "\(replanned.stdout)")
        let second = try Self.meetings(cli, event)
        let again = try #require(second.first { $0["number"]?.number == Double(keptNumber) })
        #expect(again["slot"] == kept["slot"] && again["table"] == kept["table"])
        #expect(again["status"]?.string == "confirmed")
        let pairAgain = second.filter {
            $0["province"] == declined["province"] && $0["ngo"] == declined["ngo"] && $0["status"]?.string != "declined"
        }
        #expect(pairAgain.isEmpty, "a declined pair is not proposed again")

        // Agendas and calendars carry the numbers.
        let agenda = try cli.run("events", "agenda", event, "--participant", "Cao Bằng")
        #expect(agenda.stdout.contains("No. \(keptNumber):"), "\(agenda.stdout)")
        let calendar = try cli.run("events", "agenda", event, "--participant", "Cao Bằng", "--format", "ics")
        #expect(calendar.stdout.hasPrefix("BEGIN:VCALENDAR") && calendar.stdout.contains("DTSTART:20270310T"))

        // After the day: held, a follow-up agreed, and the partnership it opens.
        let need = try #require(again["need"]?.string)
        let ngo = try #require(again["ngo"]?.string)
        func partnershipsInUse() throws -> Int? {
            let explained = try cli.run("explain", "--need", need, "--ngo", ngo).stdout
            guard let range = explained.range(of: #"Has room: \d+ of"#, options: .regularExpression) else { return nil }
            return Int(explained[range].dropFirst("Has room: ".count).prefix { $0.isNumber })
        }
        let inUseBefore = try #require(try partnershipsInUse())
        #expect(try cli.run("pipeline", "show", "--need", need, "--ngo", ngo).status != 0)
        #expect(try cli.run("events", "checkin", event, "--meeting", "\(keptNumber)", "--held").status == 0)
        // The meeting held puts the pair at "met", with the meeting named in its history.
        let metPair = try Self.json(try cli.run("pipeline", "show", "--need", need, "--ngo", ngo, "--format", "json"))
        let pair = try #require(metPair["pair"])
        #expect(pair["stage"]?.string == "met", "\(pair)")
        #expect(pair["moves"]?.items.last?["note"]?.string == "meeting \(keptNumber) at Gặp gỡ 2027", "\(pair)")
        #expect(pair["moves"]?.items.last?["door"]?.string == "cli")
        let outcome = try cli.run(
            "events", "outcome", event, "--meeting", "\(keptNumber)", "--follow-up", "--note", "site visit")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let partnerships = try cli.run("partnerships", "list", "--need", need, "--format", "json")
        #expect(partnerships.stdout.contains(#""status":"proposed""#), "\(partnerships.stdout)")
        #expect(partnerships.stdout.contains("follow-up agreed at Gặp gỡ 2027"))
        // The new partnership takes up the NGO's capacity in every ranking and in gaps.
        #expect(try partnershipsInUse() == inUseBefore + 1)
        // Said twice, the outcome advances the partnership once.
        _ = try cli.run("events", "outcome", event, "--meeting", "\(keptNumber)", "--follow-up")
        #expect(
            try cli.run("partnerships", "list", "--need", need, "--format", "json").stdout.contains(
                #""status":"proposed""#))

        #expect(try cli.run("events", "close", event).status == 0)
        let late = try cli.run("events", "plan", event)
        #expect(late.status != 0 && late.stderr.contains("closed"), "\(late.stderr)")
    }

    @Test func anEventFileImportedThenExportedIsTheSameEventAndPlansWithPair() throws {
        let cli = try CLI()
        _ = try cli.run("init")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let fixture = root.appendingPathComponent("fixtures/planning/meeting-2025.json").path
        let imported = try cli.run("events", "import", fixture, "--id", "meeting-2025", "--format", "json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let exported = try cli.run("events", "export", "meeting-2025")
        #expect(exported.status == 0, "\(exported.stderr)")
        let file = try cli.file("exported.json", exported.stdout)
        #expect(try cli.run("events", "import", file, "--id", "copy").status == 0)
        #expect(try cli.run("events", "export", "copy").stdout == exported.stdout)
        let value = try Self.json(exported)
        #expect(value["avoid"] != nil && value["mustMeet"] != nil && value["requests"]?.items.count == 3)
        #expect(value["provinces"]?.items.contains { $0["id"]?.string == "tuyen-quang" } == true)
        let paired = try cli.run("pair", "--event", file, "--format", "json")
        #expect(paired.status == 0, "\(paired.stderr)")
        // A file with its own scores cannot be a stored event, and nothing is stored.
        let scored = try cli.file(
            "scored.json",
            #"{"slots":2,"provinces":[{"id":"Cao Bằng"}],"ngos":[{"id":"mcnv"}],"scores":[{"province":"Cao Bằng","ngo":"mcnv","score":0.5}]}"#
        )
        let refused = try cli.run("events", "import", scored)
        #expect(refused.status == 2 && refused.stderr.contains("scores"), "\(refused.stderr)")
        #expect(try Self.json(try cli.run("events", "list", "--format", "json"))["total"]?.number == 3)
    }
}

extension JSONValue {
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var items: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }
}

/// Twelve participants answer at once over TCP, each with its own token; each may change only
/// what is its own, and sees no one else's wishes.
@Suite(.timeLimit(.minutes(10)))
struct EventProtocolTests {
    static let provinces = ["cao-bang", "dong-nai", "tuyen-quang", "dien-bien"]
    static let ngos = [
        "mcnv", "world-vision", "childfund", "health-poverty-action", "swisscontact", "msi", "path", "wwf-vietnam",
    ]

    static func error(_ reply: [String: Any]) -> Int? { (reply["error"] as? [String: Any])?["code"] as? Int }

    /// A call's reply on a connection that also receives `events.changed` notifications.
    static func reply(_ client: LineClient, _ method: String, _ params: String) throws -> [String: Any] {
        try client.send(#"{"jsonrpc":"2.0","id":7,"method":"\#(method)","params":\#(params)}"# + "\n")
        while let line = client.readLine() {
            let message = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            if message["method"] == nil { return message }
        }
        return [:]
    }

    @Test func participantsAnswerAtOnceAndOnlyForThemselves() throws {
        let cli = try CLI()
        _ = try cli.run("init")
        #expect(
            try cli.run(
                arguments: [
                    "events", "create", "--name", "Side meetings", "--slots", "6", "--tables", "4", "--id", "side",
                ]
            ).status == 0)
        #expect(try cli.run(arguments: ["events", "invite", "side"] + Self.provinces + Self.ngos).status == 0)
        var tokens: [String: String] = [:]
        for party in Self.provinces.map({ "province:\($0)" }) + Self.ngos.map({ "ngo:\($0)" }) + ["ministry"] {
            tokens[party] = try cli.run("tokens", "create", "--role", party).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let issued = tokens
        let server = try ServerProcess(cli: cli, arguments: ["--auth"])
        let ministry = try LineClient(port: server.port)
        _ = try ministry.call("auth", #"{"token":"\#(tokens["ministry"]!)"}"#)
        // Before the event opens, participants cannot answer.
        let early = try LineClient(port: server.port)
        _ = try early.call("auth", #"{"token":"\#(tokens["province:cao-bang"]!)"}"#)
        let tooEarly = try early.call(
            "events.availability", #"{"event":"side","participant":"cao-bang","unavailable":[0]}"#)
        #expect(tooEarly["error"] != nil)
        #expect(try ministry.call("events.open", #"{"event":"side"}"#)["result"] != nil)

        let parties = Self.provinces.map { ("province", $0) } + Self.ngos.map { ("ngo", $0) }
        let failures = ConcurrentCounter()
        let port = server.port
        DispatchQueue.concurrentPerform(iterations: parties.count) { index in
            let (side, id) = parties[index]
            let other = side == "province" ? Self.ngos[index % Self.ngos.count] : Self.provinces[index % 4]
            let token = issued["\(side):\(id)"]!
            do {
                let client = try LineClient(port: port)
                guard try client.call("auth", #"{"token":"\#(token)"}"#)["result"] != nil,
                    try client.call(
                        "events.availability", #"{"event":"side","participant":"\#(id)","unavailable":[\#(index % 6)]}"#
                    )["result"] != nil,
                    try client.call(
                        "events.wish",
                        #"{"event":"side","from":"\#(id)","to":"\#(other)","weight":0.9,"reason":"r\#(index)"}"#
                    )["result"] != nil
                else { return failures.add() }
                // Someone else's answers, the organiser's acts: refused.
                let notMine = parties[(index + 1) % parties.count].1
                let forged = try client.call(
                    "events.availability", #"{"event":"side","participant":"\#(notMine)","unavailable":[1]}"#)
                let plan = try client.call("events.plan", #"{"event":"side"}"#)
                if Self.error(forged) != -32003 || Self.error(plan) != -32003 { failures.add() }
                // Only its own wish is visible.
                let seen = try client.call("events.get", #"{"event":"side"}"#)
                let event = (seen["result"] as? [String: Any])?["event"] as? [String: Any]
                let wishes = event?["wishes"] as? [[String: Any]] ?? []
                if wishes.count != 1 || wishes.first?["reason"] as? String != "r\(index)" { failures.add() }
            } catch {
                failures.add()
            }
        }
        #expect(failures.value == 0)
        let all = try ministry.call("events.get", #"{"event":"side"}"#)
        let event = try #require((all["result"] as? [String: Any])?["event"] as? [String: Any])
        #expect((event["wishes"] as? [Any])?.count == parties.count)
        #expect((all["result"] as? [String: Any])?["answered"] as? Int == parties.count)

        // Cao Bằng follows the event and hears when the published schedule gives it meetings.
        let caoBang = try LineClient(port: server.port)
        _ = try caoBang.call("auth", #"{"token":"\#(issued["province:cao-bang"]!)"}"#)
        #expect(try caoBang.call("events.subscribe", #"{"event":"side"}"#)["result"] != nil)
        let published = try ministry.call("events.plan", #"{"event":"side","publish":"preliminary"}"#)
        #expect(published["result"] != nil, "\(published)")
        // The schedule keeps the event's rules and its claims are true, read against the event's file.
        let exported = try cli.run("events", "export", "side")
        let eventFile = try cli.file("side.json", exported.stdout)
        let report = try #require((published["result"] as? [String: Any])?["report"] as? [String: Any])
        #expect(!(report["meetings"] as? [Any] ?? []).isEmpty)
        let found = try PlanOracle.problems(plan: report, eventFile: eventFile, cli: cli)
        #expect(found == [], "\(found)")
        let heard = try #require(caoBang.readLine())
        #expect(heard.contains(#""method":"events.changed""#) && heard.contains(#""id":"cao-bang""#), "\(heard)")
        #expect(!heard.contains(#""id":"dong-nai""#), "a participant hears only of its own meetings")
        let agenda = try ministry.call("events.agenda", #"{"event":"side"}"#)
        let meetings = try #require((agenda["result"] as? [String: Any])?["meetings"] as? [[String: Any]])
        let caoBangs = try #require(meetings.first { $0["province"] as? String == "cao-bang" })
        let someoneElses = try #require(meetings.first { $0["province"] as? String != "cao-bang" })
        let own = try Self.reply(
            caoBang,
            "events.meeting.update", #"{"event":"side","meeting":\#(caoBangs["number"]!),"action":"confirm"}"#)
        #expect(((own["result"] as? [String: Any])?["provinceAnswer"] as? String) == "confirmed", "\(own)")
        let theirs = try Self.reply(
            caoBang,
            "events.meeting.update", #"{"event":"side","meeting":\#(someoneElses["number"]!),"action":"decline"}"#)
        #expect(Self.error(theirs) == -32003)
        let checkin = try Self.reply(
            caoBang,
            "events.meeting.update", #"{"event":"side","meeting":\#(caoBangs["number"]!),"action":"held"}"#)
        #expect(Self.error(checkin) == -32003, "check-in is the ministry's")
        #expect(Self.error(try Self.reply(caoBang, "events.export", #"{"event":"side"}"#)) == -32003)
        #expect(server.stop() == 0)
        let trail = try Registry.open(at: cli.database).registry.auditTrail(limit: 1000)
        #expect(trail.filter { $0.method == "events.wish" && $0.actor.hasPrefix("token:") }.count == parties.count)
    }
}
