import Foundation
import NGOMatchCore
import NGOMatchStore
import Testing

/// The CLI writing the same registry file while a server writes to it: SQLite's
/// lock is waited for (bounded), so both succeed and nothing is lost.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct TwoWritersTests {
    @Test func theCLIAndARunningServerBothWrite() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let server = try ServerProcess(cli: cli)
        let port = server.port
        let acknowledged = Acknowledged()
        let writer = DispatchGroup()
        DispatchQueue.global().async(group: writer) {
            guard let connection = try? LineClient(port: port) else { return }
            for request in 0..<300 {
                let title = "server \(request)"
                let params =
                    #"{"province":"Đồng Nai","title":"\#(title)","sectors":[{"sector":"education","priority":3}],"fundingGapUSD":5000,"timeframe":{"start":"2026-09-01","end":"2027-08-31"}}"#
                guard let reply = try? connection.call("needs.register", params, id: request),
                    let id = (reply["result"] as? [String: Any])?["id"] as? String
                else { return }
                acknowledged.add(id: id, title: title)
            }
        }
        var cliWrites: [String] = []
        for index in 0..<8 {
            let result = try cli.run(
                "needs", "add", "--province", "Cao Bằng", "--title", "cli \(index)", "--sector", "health:4",
                "--funding-gap", "20000", "--start", "2026-09-01", "--end", "2027-08-31", "--format", "json")
            #expect(result.status == 0, "CLI write \(index): \(result.stderr)")
            if result.status == 0 { cliWrites.append("cli \(index)") }
        }
        writer.wait()
        #expect(server.stop() == 0)
        let registry = try Registry.open(at: cli.database).registry
        #expect(try registry.integrityCheck() == "ok")
        let titles = try registry.needs().map(\.title)
        for title in cliWrites { #expect(titles.filter { $0 == title }.count == 1, "\(title)") }
        let serverWrites = acknowledged.all
        #expect(serverWrites.count == 300)
        for write in serverWrites { #expect(titles.filter { $0 == write.title }.count == 1, "\(write.title)") }
    }
}
