import Foundation
import Testing

/// `ngomatch web --auth` as a child process, driven in headless Chromium by Selenium
/// (scripts/checks/web-flows.py): a planner's and an NGO office's flows, axe-core on each page.
@Suite(.timeLimit(.minutes(10)))
struct WebBrowserTests {
    static let python = ProcessInfo.processInfo.environment["NGOMATCH_TEST_PYTHON"]
    static let driver = ProcessInfo.processInfo.environment["CHROMEDRIVER"] ?? "/usr/bin/chromedriver"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(
        .enabled(
            if: python != nil && FileManager.default.isExecutableFile(atPath: driver),
            "needs NGOMATCH_TEST_PYTHON with selenium and axe-selenium-python, and chromium-driver (.ci/run installs them)"
        ))
    func aPlannerAndAnNGOOfficeDoTheirWorkInARealBrowser() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let provinceToken = try cli.run("tokens", "create", "--role", "province:cao-bang").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let ngoToken = try cli.run("tokens", "create", "--role", "ngo:mcnv").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let ministryToken = try cli.run("tokens", "create", "--role", "ministry").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)

        // Invitations go to a real SMTP server; the browser follows the link in what arrives.
        let relay = try SMTPDeliveryTests.Relay()
        let web = try WebServerProcess(database: cli.database, smtpPort: relay.port)
        let found = web.port
        let shots = Self.root.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)

        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: Self.python!)
        browser.arguments = [
            Self.root.appendingPathComponent("scripts/checks/web-flows.py").path, "http://127.0.0.1:\(found)",
            provinceToken, ngoToken, "mcnv", shots.path, ministryToken, relay.folder.path,
        ]
        let output = Pipe()
        let errors = Pipe()
        browser.standardOutput = output
        browser.standardError = errors
        try browser.run(killedAfter: Process.childLimitSeconds)
        let report = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        browser.waitUntilExit()
        let text = String(decoding: report, as: UTF8.self)
        #expect(browser.terminationStatus == 0, "\(text)\n\(stderr.suffix(2000))")
        let parsed = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any], "\(stderr)")
        #expect((parsed["steps"] as? [Any])?.count == 23)
        #expect(parsed["agendaPages"] as? Int == 1, "a participant's agenda prints on one A4 page")
        #expect((parsed["caoBang"] as? [String: Any])?["fill"] != nil, "the dashboard's map was read")
        #expect((parsed["axe"] as? [Any])?.isEmpty == true, "axe-core: \(parsed["axe"] ?? "")")
        // The need the planner registered is in the registry, with the partnership recorded.
        let need = try #require(parsed["need"] as? String)
        let shown = try cli.run("partnerships", "list", "--need", need, "--format", "json")
        #expect(shown.stdout.contains("\"status\":\"agreed\""), "\(shown.stdout)")
        // The file the ministry uploaded, once fixed, is in the registry, seen by the CLI.
        // The person the browser signed in by mail has signed in, as the registry says.
        let address = try #require(parsed["signedInBy"] as? String)
        let person = try cli.run("people", "show", address, "--format", "json")
        #expect(person.stdout.contains("\"lastSignIn\":\"20"), "\(person.stdout)")
        #expect(person.stdout.contains("\"for\":\"province:cao-bang\""))
        // The choice made on the inbox page is the registry's.
        #expect(person.stdout.contains("\"event-reminder\":\"weekly\""), "\(person.stdout)")
        let imported = try #require(parsed["imported"] as? [String: Any])
        let listed = try cli.run("needs", "show", "browser-import-2", "--format", "json")
        #expect(listed.stdout.contains("climate.disaster-risk-reduction"), "\(listed.stdout)")
        #expect(listed.stdout.contains("\"province\":\"\(imported["unit"] as? String ?? "?")\""))
    }
}
