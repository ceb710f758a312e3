import Foundation
import NGOMatchCore
import Testing

/// Notices from the outbox to a real SMTP server (aiosmtpd) over real sockets, through the
/// binary as people run it: what arrives reads as meant in Python's `email` package; a relay
/// that is down is tried again until it is back; a refusal is kept with its reason; a sender
/// killed mid-send loses nothing; two senders never send one message twice.
@Suite(
    .timeLimit(.minutes(10)), .enabled(if: CheckScript.python != nil, "set NGOMATCH_TEST_PYTHON (.ci/run does)"))
struct NoticeDeliveryTests {
    typealias Relay = SMTPDeliveryTests.Relay

    static func smtp(_ port: Int) -> String { "smtp://127.0.0.1:\(port)" }

    /// The outbox as `outbox list --format json` gives it, oldest first.
    static func outbox(_ cli: CLI) throws -> [[String: Any]] {
        let listed = try cli.run("outbox", "list", "--format", "json")
        #expect(listed.status == 0, "\(listed.stderr)")
        let entries = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        return entries.reversed()
    }

    /// Waits until `condition` holds, looking again every 100 ms, for at most `seconds`.
    static func eventually(_ seconds: Double, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try condition()
    }

    static func report(_ file: URL) throws -> [String: Any] {
        let (status, output) = try CheckScript.run("mail-check.py", [file.path])
        #expect(status == 0, "\(String(decoding: output, as: UTF8.self))")
        return try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
    }

    @Test func anInvitationArrivesAndReadsAsMeant() async throws {
        let relay = try Relay()
        let cli = try CLI()
        // A line break in a name must not make a header or a recipient.
        let invited = try cli.run(
            "people", "invite", "Lan.Nguyen@CaoBang.example.vn", "--name", "Nguyễn Thị \"Lan\"\r\nBcc: x@evil.example",
            "--for", "province:ha giang", "--language", "vi", "--smtp", Self.smtp(relay.port), "--public-url",
            "https://ngomatch.example.vn/app/", "--mail-from", "ngomatch@mofa.example.vn", "--format", "json")
        #expect(invited.status == 0, "\(invited.stderr)")
        let delivered = relay.delivered
        try #require(delivered.count == 1, "\(invited.stderr)")
        #expect(delivered[0].envelope == ["ngomatch@mofa.example.vn", "Lan.Nguyen@CaoBang.example.vn"])
        let report = try Self.report(delivered[0].message)
        #expect(report["subject"] as? String == "Lời mời tham gia ngomatch")
        let to = try #require(report["to"] as? [[String]])
        #expect(to.count == 1)
        #expect(to.first?[1] == "Lan.Nguyen@CaoBang.example.vn")
        #expect(to.first?[0] == "Nguyễn Thị \"Lan\" Bcc: x@evil.example")
        #expect((report["headers"] as? [String])?.contains("Bcc") == false)
        #expect(report["autoSubmitted"] as? String == "auto-generated")
        #expect((report["longestHeaderLine"] as? Int ?? 999) <= 78)
        let parts = try #require(report["parts"] as? [[String: Any]])
        #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
        let text = EventNoticeTests.text(report)
        // Hà Giang merged into Tuyên Quang on 1 July 2025: the mail names the unit as it is now.
        #expect(text.contains("Tuyên Quang"), "\(text)")
        #expect(text.contains("72 giờ"))
        let links = text.split(whereSeparator: \.isWhitespace).filter { $0.hasPrefix("http") }
        #expect(links.count == 1)
        #expect(links.first?.hasPrefix("https://ngomatch.example.vn/app/signin/link?key=") == true, "\(links)")
        let code = text.split(separator: "\n").first {
            $0.range(of: #"^\d{3} \d{3}$"#, options: .regularExpression) != nil
        }
        #expect(code != nil, "a 6-digit code in: \(text)")
        let html = parts[1]["text"] as? String ?? ""
        #expect(html.contains("href=\"\(links.first ?? "-")\""))
        #expect(html.contains("Tuyên Quang") && html.contains("<html lang=\"vi\">"))

        // The outbox says it went, under the Message-ID that arrived; the secret is kept no longer.
        let entries = try Self.outbox(cli)
        #expect(entries.count == 1)
        #expect(entries.first?["state"] as? String == "sent")
        #expect(entries.first?["messageID"] as? String == report["messageID"] as? String)
        let shown = try cli.run("people", "show", "lan.nguyen@caobang.example.vn", "--format", "json")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("\"for\":\"province:tuyen-quang\""))
        #expect(!shown.stdout.contains(String(links.first ?? "-").components(separatedBy: "key=").last ?? "-"))
    }

    @Test func aRelayThatIsDownIsTriedAgainUntilItComesBack() async throws {
        // A port where a relay was and is no more.
        let port = try Relay().port
        let cli = try CLI()
        let retry = ["NGOMATCH_MAIL_RETRY_SECONDS": "1"]
        let invited = try cli.run(
            arguments: [
                "people", "invite", "minh@tuyenquang.example.vn", "--name", "Trần Minh", "--for",
                "province:Tuyên Quang", "--smtp", Self.smtp(port),
            ],
            environment: retry)
        #expect(invited.status == 0, "\(invited.stderr)")
        #expect(invited.stderr.contains("not delivered yet"), "\(invited.stderr)")
        let waiting = try Self.outbox(cli)
        #expect(waiting.first?["state"] as? String == "pending")
        #expect(waiting.first?["attempts"] as? Int == 1)
        #expect((waiting.first?["lastError"] as? String)?.contains("127.0.0.1:\(port)") == true, "\(waiting)")

        // The sender inside a server keeps trying; the relay comes back where it was.
        let server = Process()
        server.executableURL = CLI.binary
        server.arguments = ["serve", "--stdio", "--db", cli.database, "--smtp", Self.smtp(port)]
        server.environment = ProcessInfo.processInfo.environment.merging(retry) { $1 }
        let input = Pipe()
        server.standardInput = input
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run(killedAfter: Process.childLimitSeconds)
        let relay = try Relay(["--port", "\(port)"])
        let arrived = try await Self.eventually(60) { relay.delivered.count == 1 }
        let waitedFor = try Self.outbox(cli)
        #expect(arrived, "the message never arrived: \(waitedFor)")
        try input.fileHandleForWriting.close()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
        let sent = try Self.outbox(cli)
        #expect(sent.first?["state"] as? String == "sent")
        #expect((sent.first?["attempts"] as? Int ?? 0) >= 2)
        #expect(relay.delivered.count == 1)
        let report = try Self.report(relay.delivered[0].message)
        #expect(report["messageID"] as? String == waiting.first?["messageID"] as? String)
    }

    @Test func aRefusalFailsTheMessageWithItsReasonAndCanBeRetried() async throws {
        let relay = try Relay(["--refuse-recipient", "gone@ngo.example.org"])
        let cli = try CLI()
        let invited = try cli.run(
            "people", "invite", "gone@ngo.example.org", "--name", "Nobody Here", "--for", "ngo:WWF", "--language", "en",
            "--smtp", Self.smtp(relay.port))
        #expect(invited.status == 0, "\(invited.stderr)")
        #expect(invited.stderr.contains("refused for good"), "\(invited.stderr)")
        let failed = try cli.run("outbox", "list", "--state", "failed", "--format", "json")
        let entries = try JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(entries.count == 1)
        #expect((entries.first?["lastError"] as? String)?.contains("550") == true, "\(entries)")
        #expect(relay.delivered.isEmpty)
        let id = try #require(entries.first?["id"] as? Int)
        let retried = try cli.run("outbox", "retry", "\(id)", "--format", "json")
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.contains("\"state\":\"pending\""))
        // Only a failed message is retried; one waiting already says so.
        let again = try cli.run("outbox", "retry", "\(id)")
        #expect(again.status != 0)
        #expect(again.stderr.contains("only a failed message"), "\(again.stderr)")
    }

    @Test func aSenderKilledMidSendLosesNothing() async throws {
        // A relay that takes the connection and never answers: the sender waits inside its claim.
        let silent = Process()
        silent.executableURL = URL(fileURLWithPath: CheckScript.python!)
        silent.arguments = [
            "-c",
            """
            import socket, sys
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
            print("ready", s.getsockname()[1], flush=True)
            c, _ = s.accept(); print("connected", flush=True); sys.stdin.read()
            """,
        ]
        let said = Pipe()
        let silentInput = Pipe()
        silent.standardOutput = said
        silent.standardInput = silentInput
        try silent.run(killedAfter: Process.childLimitSeconds)
        defer { try? silentInput.fileHandleForWriting.close() }
        var lines = Lines(said.fileHandleForReading)
        let first = lines.next()
        let ready = try #require(first)
        let silentPort = try #require(Int(ready.split(separator: " ").last ?? ""))

        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let sender = Process()
        sender.executableURL = CLI.binary
        sender.arguments = [
            "people", "invite", "lan@caobang.example.vn", "--name", "Nguyễn Thị Lan", "--for", "province:Cao Bằng",
            "--db", cli.database, "--smtp", Self.smtp(silentPort),
        ]
        sender.standardOutput = FileHandle.nullDevice
        sender.standardError = FileHandle.nullDevice
        try sender.run(killedAfter: Process.childLimitSeconds)
        // Committed, claimed and connected: killed before the relay has the message.
        let connected = lines.next()
        #expect(connected == "connected")
        kill(sender.processIdentifier, SIGKILL)
        sender.waitUntilExit()
        #expect(sender.terminationReason == .uncaughtSignal)

        let relay = try Relay()
        let sent = try cli.run("outbox", "send", "--smtp", Self.smtp(relay.port))
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(relay.delivered.count == 1, "\(sent.stderr)")
        let entries = try Self.outbox(cli)
        #expect(entries.count == 1)
        #expect(entries.first?["state"] as? String == "sent")
        let people = try cli.run("people", "list", "--format", "json")
        #expect(people.stdout.contains("lan@caobang.example.vn"))
    }

    @Test func twoSendersNeverSendOneMessageTwice() async throws {
        let cli = try CLI()
        let down = try Relay().port
        let count = 24
        for index in 1...count {
            let invited = try cli.run(
                arguments: [
                    "people", "invite", "person\(index)@ngo.example.org", "--name", "Person \(index)", "--for",
                    "ngo:MCNV", "--smtp", Self.smtp(down),
                ], environment: ["NGOMATCH_MAIL_RETRY_SECONDS": "0.05"])
            #expect(invited.status == 0, "\(invited.stderr)")
        }
        let relay = try Relay()
        // Each invitation's own pass tried every message waiting: all are due again once the
        // last delay (at most 3 s here) has passed.
        let allDue = try await Self.eventually(30) {
            let reading = ISO8601DateFormatter()
            reading.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return try Self.outbox(cli).allSatisfy {
                reading.date(from: $0["nextAttemptAt"] as? String ?? "").map { $0 < Date() } ?? false
            }
        }
        #expect(allDue)
        // Two senders at once on the one registry file.
        let senders = (0..<2).map { _ in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["outbox", "send", "--db", cli.database, "--smtp", Self.smtp(relay.port)]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for sender in senders { try sender.run(killedAfter: Process.childLimitSeconds) }
        for sender in senders {
            sender.waitUntilExit()
            #expect(sender.terminationStatus == 0)
        }
        let reports = try relay.delivered.map { try Self.report($0.message) }
        let ids = reports.map { $0["messageID"] as? String ?? "" }
        // Besides the invitations, the calendar may bring reminders of MCNV's reports (each
        // December): every message the outbox holds is delivered, and none twice.
        let outbox = try Self.outbox(cli)
        #expect(ids.count == outbox.count, "\(ids.count) delivered of \(outbox.count)")
        #expect(Set(ids).count == ids.count, "a message was sent twice")
        #expect(reports.filter { !EventNoticeTests.isReportReminder($0) }.count == count, "one invitation each")
        #expect(outbox.allSatisfy { $0["state"] as? String == "sent" })
    }
}

/// Lines of a child's output, as they come.
struct Lines {
    let handle: FileHandle
    var buffer = Data()

    init(_ handle: FileHandle) { self.handle = handle }

    mutating func next() -> String? {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<end], as: UTF8.self)
                buffer = Data(buffer[buffer.index(after: end)...])
                return line
            }
            let chunk = handle.availableData
            guard !chunk.isEmpty else { return nil }
            buffer.append(chunk)
        }
    }
}
