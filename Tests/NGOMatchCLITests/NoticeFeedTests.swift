import Foundation
import Testing

/// A program follows an organisation's notices over the protocol (`notices.subscribe`) and
/// hears of one that another process wrote, and of no other organisation's.
@Suite(.timeLimit(.minutes(5)))
struct NoticeFeedTests {
    @Test func aServerTellsItsFollowerOfNoticesAnotherProcessWrote() throws {
        let cli = try CLI()
        for (email, organisation) in [
            ("lan@caobang.example.vn", "province:Cao Bằng"), ("anna@mcnv.example.org", "ngo:MCNV"),
        ] {
            #expect(try cli.run("people", "invite", email, "--name", email, "--for", organisation).status == 0)
        }
        let server = Process()
        server.executableURL = CLI.binary
        server.arguments = ["serve", "--stdio", "--db", cli.database]
        let input = Pipe()
        let output = Pipe()
        server.standardInput = input
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run(killedAfter: Process.childLimitSeconds)
        var lines = Lines(output.fileHandleForReading)
        input.fileHandleForWriting.write(
            Data(
                #"{"jsonrpc":"2.0","id":1,"method":"notices.subscribe","params":{"for":"province:cao bang"}}"#.utf8 + [
                    0x0A
                ]))
        let reply = lines.next() ?? ""
        #expect(reply.contains(#""for":"province:cao-bang""#), "\(reply)")

        // Another process writes notices for both organisations.
        let created = try cli.run("events", "create", "--name", "Theo dõi 2027", "--date", "2027-02-01", "--slots", "3")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try cli.run("events", "invite", "theo-doi-2027", "Cao Bằng", "MCNV").status == 0)
        let heard = lines.next() ?? ""
        #expect(heard.contains(#""method":"notices.new""#), "\(heard)")
        #expect(heard.contains(#""organisation":"province:cao-bang""#))
        #expect(heard.contains(#""subject":"Lời mời: Theo dõi 2027""#), "\(heard)")
        // Then a ping: the next line answers it, so no notice of MCNV's came between.
        input.fileHandleForWriting.write(Data(#"{"jsonrpc":"2.0","id":2,"method":"ping"}"#.utf8 + [0x0A]))
        let next = lines.next() ?? ""
        #expect(next.contains(#""id":2"#), "\(next)")
        try input.fileHandleForWriting.close()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
    }
}
