import Foundation
import Testing

/// What a meeting event tells people, through the binary, read back by Python's `email` and
/// `icalendar`: invitations and the opening with its day for answers, and a published schedule
/// with its calendar, then after a replan only those whose meetings changed, the calendar
/// keeping each meeting's UID, raising its SEQUENCE and cancelling what is gone.
@Suite(
    .timeLimit(.minutes(10)), .enabled(if: CheckScript.python != nil, "set NGOMATCH_TEST_PYTHON (.ci/run does)"))
struct EventNoticeTests {
    /// Every `.eml` in the folder beside the registry, as Python's `email` reads it, by file name.
    static func messages(_ cli: CLI, after seen: Set<String> = []) throws -> [(name: String, report: [String: Any])] {
        let folder = cli.folder.appendingPathComponent("registry.mail")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".eml") && !seen.contains($0)
        }.sorted()
        guard !names.isEmpty else { return [] }
        let (status, output) = try CheckScript.run(
            "mail-check.py", names.map { folder.appendingPathComponent($0).path })
        #expect(status == 0, "\(String(decoding: output, as: UTF8.self))")
        let reports = String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        // The demo NGOs' annual reports fall due in December, and their reminders come ten days
        // before, whatever a test does: they are DeadlineNoticeTests' matter, not these tests'.
        return zip(names, reports).map { ($0, $1) }.filter { !isReportReminder($0.report) }
    }

    /// A reminder of a report due (`reportMail.subject`, in English or Vietnamese).
    static func isReportReminder(_ report: [String: Any]) -> Bool {
        let subject = report["subject"] as? String ?? ""
        return subject.contains(" is due on ") || subject.contains(" đến hạn ngày ")
    }

    static func recipient(_ report: [String: Any]) -> String { (report["to"] as? [[String]])?.first?[1] ?? "" }

    /// The text part with its lines for 80 columns joined back into paragraphs, so that a
    /// phrase is found wherever the wrapping fell; every line holds to 78 columns unless it is
    /// one word (a link).
    static func text(_ report: [String: Any]) -> String {
        let text = ((report["parts"] as? [[String: Any]])?.first?["text"] as? String ?? "").replacingOccurrences(
            of: "\r\n", with: "\n")
        for line in text.split(separator: "\n") where line.count > 78 {
            #expect(!line.contains(" "), "a line past 78 columns: \(line)")
        }
        return unwrapped(text)
    }

    static func unwrapped(_ text: String) -> String {
        var lines: [String] = []
        for line in text.components(separatedBy: "\n") {
            let continues =
                !line.isEmpty && !line.hasPrefix("• ") && !line.hasPrefix("http") && !(lines.last ?? "").isEmpty
                && !(lines.last ?? "").hasPrefix("http") && !(lines.last ?? "").hasSuffix(":")
            if continues, let last = lines.popLast() {
                lines.append(last + " " + line.trimmingCharacters(in: .whitespaces))
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The calendar a message carries, as `icalendar` reads it: uid → (sequence, status).
    static func calendar(_ report: [String: Any], in cli: CLI) throws -> [String: (Int?, String?)] {
        let parts = report["parts"] as? [[String: Any]] ?? []
        guard let ics = parts.first(where: { $0["type"] as? String == "text/calendar" }),
            let data = Data(base64Encoded: ics["base64"] as? String ?? "")
        else { return [:] }
        let file = try cli.file("\(UUID().uuidString).ics", bytes: [UInt8](data))
        let (status, output) = try CheckScript.run("ical-check.py", [file])
        #expect(status == 0, "\(String(decoding: output, as: UTF8.self))")
        let parsed = try JSONSerialization.jsonObject(with: output) as? [String: Any]
        let events = parsed?["events"] as? [[String: Any]] ?? []
        return Dictionary(
            events.map { ($0["uid"] as? String ?? "", ($0["sequence"] as? Int, $0["status"] as? String)) },
            uniquingKeysWith: { a, _ in a })
    }

    static func invite(_ cli: CLI, _ email: String, _ name: String, _ organisation: String, _ language: String) throws {
        let invited = try cli.run(
            "people", "invite", email, "--name", name, "--for", organisation, "--language", language)
        #expect(invited.status == 0, "\(invited.stderr)")
    }

    @Test func invitedAndOpenedEventsTellThePeopleOfEachParticipant() async throws {
        let cli = try CLI()
        try Self.invite(cli, "lan@caobang.example.vn", "Nguyễn Thị Lan", "province:Cao Bằng", "vi")
        try Self.invite(cli, "anna@mcnv.example.org", "Anna de Vries", "ngo:MCNV", "en")
        var seen = Set(try Self.messages(cli).map(\.name))
        #expect(seen.count == 2)
        let created = try cli.run(
            "events", "create", "--name", "Gặp gỡ thử 2027", "--name-en", "Trial meeting 2027", "--date", "2027-01-20",
            "--start", "09:00", "--slots", "4", "--tables", "2", "--format", "json")
        #expect(created.status == 0, "\(created.stderr)")
        let id = try #require(
            (try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])?["id"] as? String)
        let invited = try cli.run("events", "invite", id, "cao bang", "MCNV", "WWF")
        #expect(invited.status == 0, "\(invited.stderr)")
        let invitations = try Self.messages(cli, after: seen)
        seen.formUnion(invitations.map(\.name))
        // WWF has nobody to tell; the other two each have one person.
        #expect(
            Set(invitations.map { Self.recipient($0.report) }) == ["lan@caobang.example.vn", "anna@mcnv.example.org"])
        let english = try #require(invitations.first { Self.recipient($0.report) == "anna@mcnv.example.org" })
        #expect(english.report["subject"] as? String == "Invitation: Trial meeting 2027")
        #expect(Self.text(english.report).contains("to act") == false)
        #expect(Self.text(english.report).contains("Medisch Comité Nederland–Vietnam"), "\(Self.text(english.report))")
        #expect(Self.text(english.report).contains("http://127.0.0.1:8080/events/\(id)"))
        // Inviting the same participants again tells nobody again.
        #expect(try cli.run("events", "invite", id, "MCNV").status == 0)
        #expect(try Self.messages(cli, after: seen).isEmpty)

        let opened = try cli.run("events", "open", id)
        #expect(opened.status == 0, "\(opened.stderr)")
        let openings = try Self.messages(cli, after: seen)
        seen.formUnion(openings.map(\.name))
        #expect(openings.count == 2)
        // Two days before the event, as each reader writes a date.
        let vietnamese = try #require(openings.first { Self.recipient($0.report) == "lan@caobang.example.vn" })
        #expect(vietnamese.report["subject"] as? String == "Gặp gỡ thử 2027: nhận phản hồi đến 18/01/2027")
        let inEnglish = try #require(openings.first { Self.recipient($0.report) == "anna@mcnv.example.org" })
        #expect(Self.text(inEnglish.report).contains("open for answers until 2027-01-18"))
        // A reminder is not due yet: the opening was just sent.
        #expect(try cli.run("outbox", "send").status == 0)
        #expect(try Self.messages(cli, after: seen).isEmpty)
        let event = try cli.run("events", "show", id, "--format", "json")
        #expect(event.stdout.contains("\"answersBy\":\"2027-01-18\""), "\(event.stdout)")
        // The organiser sees who was told what about the event: the messages that went out.
        let told = try cli.run("events", "notices", id, "--format", "json")
        let entries = try JSONSerialization.jsonObject(with: Data(told.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(entries.count == invitations.count + openings.count, "\(told.stdout)")
        #expect(
            Set(entries.compactMap { $0["kind"] as? String }) == ["event-invitation", "event-opened"])
    }

    @Test func aScheduleGoesToEveryoneThenAReplanOnlyToThoseItChanged() async throws {
        let cli = try CLI()
        try Self.invite(cli, "lan@caobang.example.vn", "Nguyễn Thị Lan", "province:Cao Bằng", "vi")
        try Self.invite(cli, "anna@mcnv.example.org", "Anna de Vries", "ngo:MCNV", "en")
        try Self.invite(cli, "hoa@dongnai.example.vn", "Trần Thị Hoa", "province:Đồng Nai", "en")
        var seen = Set(try Self.messages(cli).map(\.name))

        let first = try cli.run("events", "plan", "gap-go-2026", "--publish", "preliminary", "--format", "json")
        #expect(first.status == 0, "\(first.stderr)")
        let schedules = try Self.messages(cli, after: seen)
        seen.formUnion(schedules.map(\.name))
        #expect(schedules.count == 3, "everyone with a person is told of the first schedule")
        let agenda = try cli.run("events", "agenda", "gap-go-2026", "--format", "json")
        let meetings =
            (try JSONSerialization.jsonObject(with: Data(agenda.stdout.utf8)) as? [String: Any])?["meetings"]
            as? [[String: Any]] ?? []
        let caoBangMCNV = try #require(
            meetings.first { $0["province"] as? String == "cao-bang" && $0["ngo"] as? String == "mcnv" })
        let number = try #require(caoBangMCNV["number"] as? Int)
        let anna = try #require(schedules.first { Self.recipient($0.report) == "anna@mcnv.example.org" })
        let before = try Self.calendar(anna.report, in: cli)
        #expect(!before.isEmpty)
        #expect(before.values.allSatisfy { $0.0 == 1 && $0.1 == "CONFIRMED" })
        #expect(Self.text(anna.report).contains("No. \(number): Cao Bằng"), "\(Self.text(anna.report))")

        // Cao Bằng declines its meeting with MCNV; the replan moves what it must.
        #expect(try cli.run("events", "decline", "gap-go-2026", "--meeting", "\(number)").status == 0)
        let second = try cli.run("events", "plan", "gap-go-2026", "--publish", "final", "--format", "json")
        #expect(second.status == 0, "\(second.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        let changes = try #require(result["changes"] as? [String: Any])
        // The oracle: the parties of every moved, dropped or added meeting, from the plan's own list
        // of numbers and the meetings as the agenda had them and has them now.
        let after = try cli.run("events", "agenda", "gap-go-2026", "--format", "json")
        let now =
            (try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])?["meetings"]
            as? [[String: Any]] ?? []
        var touched = Set(((changes["moved"] as? [[String: Any]]) ?? []).compactMap { $0["number"] as? Int })
        touched.formUnion(((changes["dropped"] as? [[String: Any]]) ?? []).compactMap { $0["number"] as? Int })
        touched.formUnion((changes["added"] as? [Int]) ?? [])
        touched.insert(number)
        var parties = Set<String>()
        for meeting in meetings + now where touched.contains(meeting["number"] as? Int ?? -1) {
            parties.insert("province:\(meeting["province"] as? String ?? "")")
            parties.insert("ngo:\(meeting["ngo"] as? String ?? "")")
        }
        let people = [
            "lan@caobang.example.vn": "province:cao-bang", "anna@mcnv.example.org": "ngo:mcnv",
            "hoa@dongnai.example.vn": "province:dong-nai",
        ]
        let expected = Set(people.filter { parties.contains($0.value) }.keys)
        let told = try Self.messages(cli, after: seen)
        #expect(Set(told.map { Self.recipient($0.report) }) == expected, "\(changes)")
        #expect(told.count == expected.count)
        let annaAgain = try #require(told.first { Self.recipient($0.report) == "anna@mcnv.example.org" })
        #expect(
            annaAgain.report["subject"] as? String
                == "Meeting with foreign NGOs 2026 (illustrative): your final schedule changed")
        #expect(Self.text(annaAgain.report).contains("Cao Bằng: cancelled"), "\(Self.text(annaAgain.report))")
        let later = try Self.calendar(annaAgain.report, in: cli)
        // The declined meeting keeps its UID and is cancelled at the higher sequence.
        let cancelled = later.filter { $0.value.1 == "CANCELLED" }
        #expect(cancelled.count == 1)
        #expect(cancelled.keys.allSatisfy { before[$0] != nil })
        #expect(later.values.allSatisfy { $0.0 == 2 })
    }

    @Test func aDigestArrivesWithAOneClickUnsubscribe() async throws {
        let cli = try CLI()
        try Self.invite(cli, "anna@mcnv.example.org", "Anna de Vries", "ngo:MCNV", "en")
        let chose = try cli.run(
            "people", "notices", "anna@mcnv.example.org", "--kind", "event-invitation", "--cadence", "daily")
        #expect(chose.status == 0, "\(chose.stderr)")
        var seen = Set(try Self.messages(cli).map(\.name))
        #expect(
            try cli.run("events", "create", "--name", "Digest 2027", "--date", "2027-02-01", "--slots", "3").status == 0
        )
        #expect(try cli.run("events", "invite", "digest-2027", "MCNV").status == 0)
        // Chosen for the daily digest: nothing is mailed at once.
        #expect(try Self.messages(cli, after: seen).isEmpty)
        // The first digest is due as soon as something waits for it.
        let sent = try cli.run("outbox", "send", "--public-url", "https://ngomatch.example.vn")
        #expect(sent.status == 0, "\(sent.stderr)")
        let digests = try Self.messages(cli, after: seen)
        seen.formUnion(digests.map(\.name))
        let digest = try #require(digests.first)
        #expect(digests.count == 1)
        #expect(digest.report["subject"] as? String == "ngomatch today: 1 notice")
        #expect((digest.report["headers"] as? [String])?.contains("List-Unsubscribe-Post") == true)
        let raw = try String(
            contentsOf: cli.folder.appendingPathComponent("registry.mail").appendingPathComponent(digest.name),
            encoding: .utf8)
        #expect(
            raw.contains("\r\nList-Unsubscribe: <https://ngomatch.example.vn/unsubscribe?person="), "\(raw.prefix(900))"
        )
        #expect(raw.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        #expect(Self.text(digest.report).contains("Invitation: Digest 2027"), "\(Self.text(digest.report))")
        #expect(Self.text(digest.report).contains("https://ngomatch.example.vn/inbox"))
        // Another pass the same day writes no second digest.
        #expect(try cli.run("outbox", "send").status == 0)
        #expect(try Self.messages(cli, after: seen).isEmpty)
    }
}
