import Foundation
import Testing

/// Two people, each signed in from the invitation a real SMTP server received, carry a pair
/// from interest to approved in headless Chromium (scripts/checks/pipeline-flow.py); the
/// registry, read by the CLI afterwards, holds the partnership the approval made.
@Suite(.timeLimit(.minutes(10)))
struct PipelineBrowserTests {
    @Test(
        .enabled(
            if: WebBrowserTests.python != nil && FileManager.default.isExecutableFile(atPath: WebBrowserTests.driver),
            "needs NGOMATCH_TEST_PYTHON with selenium and axe-selenium-python, and chromium-driver (.ci/run installs them)"
        ))
    func anNGOAndAProvinceGoFromInterestToApproval() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let relay = try SMTPDeliveryTests.Relay()
        let smtp = "smtp://127.0.0.1:\(relay.port)"
        let (ngo, province) = ("anna@mcnv.example.org", "minh@caobang.example.vn")
        for (address, name, organisation) in [
            (ngo, "Anna de Vries", "ngo:MCNV"), (province, "Nông Văn Minh", "province:Cao Bang"),
        ] {
            let invited = try cli.run(
                arguments: [
                    "people", "invite", address, "--name", name, "--for", organisation, "--language", "en", "--smtp",
                    smtp, "--db", cli.database,
                ])
            #expect(invited.status == 0, "\(invited.stderr)")
        }
        let web = try WebServerProcess(database: cli.database, smtpPort: relay.port)
        // The invitations were written for the default address; the browser goes where the server is.
        let shots = WebBrowserTests.root.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: WebBrowserTests.python!)
        browser.arguments = [
            WebBrowserTests.root.appendingPathComponent("scripts/checks/pipeline-flow.py").path,
            "http://127.0.0.1:\(web.port)", relay.folder.path, shots.path, ngo, province,
        ]
        let output = Pipe()
        let errors = Pipe()
        browser.standardOutput = output
        browser.standardError = errors
        try browser.run(killedAfter: Process.childLimitSeconds)
        let report = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        #expect(browser.terminationStatus == 0, "\(String(decoding: report, as: UTF8.self))\n\(stderr.suffix(2000))")
        let parsed = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any], "\(stderr)")
        #expect((parsed["steps"] as? [Any])?.count == 7)
        #expect((parsed["axe"] as? [Any])?.isEmpty == true, "axe-core: \(parsed["axe"] ?? "")")
        // What the browser did is the registry's: the approved pair is a partnership, agreed.
        let partnerships = try cli.run("partnerships", "list", "--need", "cao-bang-1", "--format", "json")
        #expect(partnerships.stdout.contains("\"status\":\"agreed\""), "\(partnerships.stdout)")
        let shown = try cli.run("pipeline", "show", "--need", "cao-bang-1", "--ngo", "MCNV", "--format", "json")
        #expect(shown.stdout.contains("\"decisionNumber\":\"1234/QĐ-UBND\""), "\(shown.stdout)")
        #expect(shown.stdout.contains("\"door\":\"web\""))
    }
}
