import Foundation
import NGOMatchCore
import NIOCore
import NIOPosix

/// Hands one message to an SMTP relay (RFC 5321): greeting, `EHLO`, `MAIL FROM`, a `RCPT TO`
/// per recipient, `DATA` with its dots doubled, `QUIT`. A sender decides what to do with a
/// failure; this says which kind it is. Every reply has `relay.replySeconds`; past it the
/// connection is closed and the failure is transient.
public enum SMTPClient {
    public static func send(_ message: MailMessage, via relay: SMTPRelay) async throws(SMTPFailure) {
        do {
            try await session(message, relay)
        } catch let failure as SMTPFailure {
            throw failure
        } catch {
            throw SMTPFailure(
                kind: .transient, code: nil, reason: "\(relay.host):\(relay.port): \(error)", command: "connect")
        }
    }

    private static func session(_ message: MailMessage, _ relay: SMTPRelay) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(Int64(relay.replySeconds * 1000)))
            .connect(host: relay.host, port: relay.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            var received: [UInt8] = []
            func answer(to command: String, expecting codes: Set<Int>) async throws {
                let reply = try await nextReply(&replies, &received, channel.channel, seconds: relay.replySeconds)
                guard codes.contains(reply.code) else { throw SMTPFailure.reply(reply, to: command) }
            }
            func say(_ command: String, expecting codes: Set<Int>) async throws {
                try await outbound.write(ByteBuffer(string: command + "\r\n"))
                try await answer(to: command, expecting: codes)
            }
            try await answer(to: "connect", expecting: [220])
            try await say("EHLO \(relay.clientName)", expecting: [250])
            try await say("MAIL FROM:<\(message.from.address)>", expecting: [250])
            for recipient in message.to {
                try await say("RCPT TO:<\(recipient.address)>", expecting: [250, 251])
            }
            try await say("DATA", expecting: [354])
            try await outbound.write(ByteBuffer(string: dotStuffed(message.rendered) + ".\r\n"))
            try await answer(to: "DATA (the message)", expecting: [250])
            // The message is the relay's now: a failed goodbye changes nothing.
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
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
