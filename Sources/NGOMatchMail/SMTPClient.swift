import Foundation
import NGOMatchCore
import NIOCore
import NIOPosix
import NIOSSL

/// Hands one message to an SMTP relay (RFC 5321): greeting, `EHLO`, `STARTTLS` (RFC 3207)
/// and `AUTH` (RFC 4954) when asked for, `MAIL FROM`, a `RCPT TO` per recipient, `DATA` with
/// its dots doubled, `QUIT`. A sender decides what to do with a
/// failure; this says which kind it is. Every reply has `relay.replySeconds`; past it the
/// connection is closed and the failure is transient.
package enum SMTPClient {
    package static func send(_ message: MailMessage, via relay: SMTPRelay) async throws(SMTPFailure) {
        try await send(
            rendered: message.rendered, from: message.from.address, to: message.to.map(\.address), via: relay)
    }

    /// Sends a message already written (as the outbox keeps it) to the envelope's recipients.
    package static func send(rendered: String, from: String, to recipients: [String], via relay: SMTPRelay)
        async throws(SMTPFailure)
    {
        do {
            try await session(rendered, from, recipients, relay)
        } catch let failure as SMTPFailure {
            throw failure
        } catch {
            throw SMTPFailure(
                kind: .transient, code: nil, reason: "\(relay.host):\(relay.port): \(error)", command: "connect")
        }
    }

    private static func session(_ rendered: String, _ from: String, _ recipients: [String], _ relay: SMTPRelay)
        async throws
    {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(Int64(relay.replySeconds * 1000)))
            .connect(host: relay.host, port: relay.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    // smtps: TLS from the first byte (RFC 8314).
                    if relay.security == .implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(try tlsHandler(relay))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            var received: [UInt8] = []
            func answer(to command: String, expecting codes: Set<Int>) async throws {
                let reply = try await nextReply(&replies, &received, channel.channel, seconds: relay.replySeconds)
                guard codes.contains(reply.code) else { throw SMTPFailure.reply(reply, to: command) }
            }
            func say(_ command: String, expecting codes: Set<Int>, shown: String? = nil) async throws {
                try await outbound.write(ByteBuffer(string: command + "\r\n"))
                try await answer(to: shown ?? command, expecting: codes)
            }
            /// `EHLO`, and the extensions the relay offers (`STARTTLS`, `AUTH PLAIN LOGIN`).
            func greet() async throws -> [String] {
                try await outbound.write(ByteBuffer(string: "EHLO \(relay.clientName)\r\n"))
                let reply = try await nextReply(&replies, &received, channel.channel, seconds: relay.replySeconds)
                guard reply.code == 250 else { throw SMTPFailure.reply(reply, to: "EHLO") }
                return reply.lines.dropFirst().map { $0.uppercased() }
            }
            func logIn(_ credentials: SMTPRelay.Credentials, offered: [String]) async throws {
                let mechanisms = offered.first { $0.hasPrefix("AUTH ") }?.split(separator: " ").dropFirst() ?? []
                if mechanisms.contains("PLAIN") {
                    let secret = Data(("\0" + credentials.user + "\0" + credentials.password).utf8)
                        .base64EncodedString()
                    // The password never stands in a failure's text.
                    try await say("AUTH PLAIN \(secret)", expecting: [235], shown: "AUTH PLAIN")
                } else if mechanisms.contains("LOGIN") {
                    try await say("AUTH LOGIN", expecting: [334])
                    try await say(
                        Data(credentials.user.utf8).base64EncodedString(), expecting: [334], shown: "AUTH LOGIN (user)")
                    try await say(
                        Data(credentials.password.utf8).base64EncodedString(), expecting: [235],
                        shown: "AUTH LOGIN (password)")
                } else {
                    throw SMTPFailure(
                        kind: .permanent, code: nil,
                        reason: "the relay offers no login this client knows (PLAIN, LOGIN)",
                        command: "EHLO")
                }
            }
            try await answer(to: "connect", expecting: [220])
            var offered = try await greet()
            if relay.security == .startTLSIfOffered || relay.security == .startTLSRequired {
                if offered.contains("STARTTLS") {
                    try await say("STARTTLS", expecting: [220])
                    // Made on the channel's own loop, ahead of every handler, as the handshake begins.
                    let wire = channel.channel
                    try await wire.eventLoop.submit {
                        try wire.pipeline.syncOperations.addHandler(try tlsHandler(relay), position: .first)
                    }.get()
                    // What was offered in the clear counts for nothing once encrypted (RFC 3207 §4.2).
                    offered = try await greet()
                } else if relay.security == .startTLSRequired {
                    throw SMTPFailure(
                        kind: .permanent, code: nil, reason: "the relay does not offer STARTTLS, which is required",
                        command: "EHLO")
                }
            }
            if let credentials = relay.credentials {
                try await logIn(credentials, offered: offered)
            }
            try await say("MAIL FROM:<\(from)>", expecting: [250])
            for recipient in recipients {
                try await say("RCPT TO:<\(recipient)>", expecting: [250, 251])
            }
            try await say("DATA", expecting: [354])
            try await outbound.write(ByteBuffer(string: dotStuffed(rendered) + ".\r\n"))
            try await answer(to: "DATA (the message)", expecting: [250])
            // The message is the relay's now: a failed goodbye changes nothing.
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    private static func tlsHandler(_ relay: SMTPRelay) throws -> NIOSSLClientHandler {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let pem = relay.trustedCertificates {
            configuration.additionalTrustRoots = [.certificates(try NIOSSLCertificate.fromPEMBytes(pem))]
        }
        let context = try NIOSSLContext(configuration: configuration)
        // A relay named by its address is checked against the address in its certificate.
        let named = relay.host.contains(where: \.isLetter) ? relay.host : nil
        return try NIOSSLClientHandler(context: context, serverHostname: named)
    }

    /// The next whole reply; the connection is closed if none comes within `seconds`.
    private static func nextReply(
        _ replies: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, _ received: inout [UInt8],
        _ channel: any Channel, seconds: Double
    ) async throws -> SMTPReply {
        let deadline = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
            channel.close(promise: nil)
        }
        defer { deadline.cancel() }
        while true {
            if let reply = try SMTPReply.take(from: &received) { return reply }
            guard var chunk = try await replies.next() else {
                throw SMTPFailure(
                    kind: .transient, code: nil, reason: "the relay closed the connection or did not answer in time",
                    command: "")
            }
            received += chunk.readBytes(length: chunk.readableBytes) ?? []
        }
    }

    /// The message as `DATA` carries it: a line that starts with "." gets another (RFC 5321
    /// §4.5.2), and the text ends with CRLF.
    package static func dotStuffed(_ text: String) -> String {
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n"
    }
}
