import Foundation
import NGOMatchCore
import NGOMatchMail
import Testing

/// Mail handed to a real SMTP server (aiosmtpd, from the environment .ci/run makes) over a
/// real socket: what arrives is the message, to the recipients meant, and a refusal is told
/// apart from a relay that will take it later.
@Suite(
    .timeLimit(.minutes(10)), .enabled(if: CheckScript.python != nil, "set NGOMATCH_TEST_PYTHON (.ci/run does)"))
struct SMTPDeliveryTests {
    /// The server as a child process, ready once it prints its port.
    final class Relay {
        let process = Process()
        let input = Pipe()
        let folder: URL
        let port: Int

        init(_ options: [String] = []) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            process.executableURL = URL(fileURLWithPath: CheckScript.python!)
            process.arguments = [CheckScript.path("smtp-server.py"), folder.path] + options
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run(killedAfter: Process.childLimitSeconds)
            var line = Data()
            while !line.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { break }
                line.append(chunk)
            }
            let said = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard said.hasPrefix("ready "), let port = Int(said.dropFirst(6)) else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the relay said: \(said)"])
            }
            self.port = port
        }

        var delivered: [(envelope: [String], message: URL)] {
            let new = folder.appendingPathComponent("new")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []
            return names.filter { $0.hasSuffix(".eml") }.sorted().map { name in
                let envelope =
                    (try? String(
                        contentsOf: new.appendingPathComponent(
                            name.replacingOccurrences(of: ".eml", with: ".envelope")),
                        encoding: .utf8)) ?? ""
                return (envelope.split(separator: "\n").map(String.init), new.appendingPathComponent(name))
            }
        }

        deinit {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Each reply may take long: these tests judge what a failure is, not how fast, and a CI
    /// machine running every suite at once keeps the relay waiting.
    static func relay(_ port: Int) -> SMTPRelay { SMTPRelay(host: "127.0.0.1", port: port, replySeconds: 120) }

    static let password = "mật khẩu; \"1\""

    static func tls(_ relay: Relay, password: String = password, trusted: Bool = true) throws -> SMTPRelay {
        SMTPRelay(
            host: "127.0.0.1", port: relay.port, security: .startTLSRequired,
            credentials: .init(user: "cao-bang", password: password),
            trustedCertificates: trusted
                ? [UInt8](try Data(contentsOf: relay.folder.appendingPathComponent("cert.pem"))) : nil,
            replySeconds: 120)
    }

    @Test func theMessageArrivesWholeForEveryRecipient() async throws {
        let relay = try Relay()
        let message = try MailMessageTests.message()
        try await SMTPClient.send(message, via: Self.relay(relay.port))
        let delivered = relay.delivered
        try #require(delivered.count == 1)
        #expect(
            delivered[0].envelope == [
                "no-reply@ngomatch.example", "planner@caobang.example", "office@ngo.example",
                "plain@example.org",
            ])
        // Byte for byte what was rendered: dots doubled on the way were undone by the relay.
        let arrived = try Data(contentsOf: delivered[0].message)
        #expect(String(decoding: arrived, as: UTF8.self) == message.rendered)
    }

    /// A rendered message never has a line that starts with a dot (its parts are base64);
    /// `DATA` would end at a lone dot, so the client doubles one anyway.
    @Test func aLeadingDotIsDoubled() {
        #expect(SMTPClient.dotStuffed("a\r\n.\r\n..b\r\n") == "a\r\n..\r\n...b\r\n")
        #expect(SMTPClient.dotStuffed("no newline at the end") == "no newline at the end\r\n")
    }

    @Test func aRefusedRecipientIsPermanentAndNothingIsSent() async throws {
        let relay = try Relay(["--refuse-recipient", "office@ngo.example"])
        let message = try MailMessageTests.message()
        do {
            try await SMTPClient.send(message, via: Self.relay(relay.port))
            Issue.record("a refused recipient was taken for delivered")
        } catch {
            #expect(
                error.kind == .permanent && error.code == 550 && error.command == "RCPT TO:<office@ngo.example>",
                "\(error)")
            #expect(error.text(.en).contains("no such mailbox"))
        }
        #expect(relay.delivered.isEmpty)
    }

    @Test func aBusyRelayOrNoneIsTransient() async throws {
        let busy = try Relay(["--defer-data"])
        let message = try MailMessageTests.message()
        do {
            try await SMTPClient.send(message, via: Self.relay(busy.port))
            Issue.record("a deferred message was taken for delivered")
        } catch {
            #expect(error.kind == .transient && error.code == 451, "\(error)")
        }
        // A port where nothing listens: the relay is down.
        let socket = try Relay()
        let port = socket.port
        try socket.input.fileHandleForWriting.close()
        socket.process.waitUntilExit()
        do {
            try await SMTPClient.send(message, via: Self.relay(port))
            Issue.record("a relay that is down was taken for delivered")
        } catch {
            #expect(error.kind == .transient && error.code == nil, "\(error)")
        }
    }

    @Test func overStartTLSWithALogin() async throws {
        let relay = try Relay(["--starttls", "--login", "cao-bang:\(Self.password)"])
        let message = try MailMessageTests.message()
        try await SMTPClient.send(message, via: Self.tls(relay))
        let delivered = relay.delivered
        try #require(delivered.count == 1)
        #expect(String(decoding: try Data(contentsOf: delivered[0].message), as: UTF8.self) == message.rendered)
    }

    @Test func overSMTPSNamedAsTheCommandLineNamesIt() async throws {
        let relay = try Relay(["--implicit-tls", "--login", "cao-bang:\(Self.password)"])
        let password = try #require(
            Self.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let ca = relay.folder.appendingPathComponent("cert.pem").path
        let named = try SMTPRelay(url: "smtps://cao-bang:\(password)@127.0.0.1:\(relay.port)?ca=\(ca)")
        #expect(named.security == .implicitTLS)
        #expect(named.credentials?.password == Self.password)
        let message = try MailMessageTests.message()
        try await SMTPClient.send(message, via: named)
        let delivered = relay.delivered
        try #require(delivered.count == 1)
        #expect(String(decoding: try Data(contentsOf: delivered[0].message), as: UTF8.self) == message.rendered)
    }

    @Test func aWrongLoginAnUntrustedCertificateOrNoTLSDeliverNothing() async throws {
        let relay = try Relay(["--starttls", "--login", "cao-bang:\(Self.password)"])
        let message = try MailMessageTests.message()
        let (wrong, untrusted) = (try Self.tls(relay, password: "wrong"), try Self.tls(relay, trusted: false))
        do {
            try await SMTPClient.send(message, via: wrong)
            Issue.record("a wrong password was taken")
        } catch {
            #expect(error.kind == .permanent && error.code == 535 && error.command == "AUTH PLAIN", "\(error)")
            #expect(!error.text(.en).contains("wrong") && !error.text(.en).contains(Self.password))
        }
        do {
            try await SMTPClient.send(message, via: untrusted)
            Issue.record("a certificate nobody vouches for was trusted")
        } catch {
            #expect(error.code == nil, "\(error)")
        }
        // A relay that offers no STARTTLS, where it is required: refused before any login.
        let plain = try Relay()
        let required = try Self.tls(plain, trusted: false)
        do {
            try await SMTPClient.send(message, via: required)
            Issue.record("a relay without TLS was used where TLS is required")
        } catch {
            #expect(error.kind == .permanent && error.command == "EHLO")
        }
        #expect(relay.delivered.isEmpty && plain.delivered.isEmpty)
    }
}
