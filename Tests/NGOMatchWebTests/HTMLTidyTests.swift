import ChildProcessStart
import Foundation
import HTTPTypes
import NGOMatchCore
import NGOMatchService
import Synchronization
import Testing

@testable import NGOMatchWeb

/// Every page a person opens, as the ministry sees it, handed to HTML Tidy (a real parser of
/// HTML5, as a child process): no error and no warning, but for the few that are Tidy's own
/// gaps: ARIA attributes, `inputmode`, and attributes of SVG inside the page, which it does not
/// know, and the empty spans that draw a bar. A stray or missing end tag, an id used twice, an
/// unknown element all fail.
@Suite(
    .timeLimit(.minutes(5)),
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tidy")
            || ProcessInfo.processInfo.environment["CI"] != nil,
        "needs HTML Tidy (apt-get install tidy; .ci/run installs it)"))
struct HTMLTidyTests {
    static let pages = [
        "/", "/needs", "/needs/cao-bang-1", "/needs/new", "/ngos", "/ngos/mcnv", "/ngos/mcnv/needs", "/dashboard",
        "/pipeline", "/pipeline/cao-bang-1/mcnv", "/reports", "/interest", "/interest/1", "/events", "/people",
        "/admin/tokens", "/admin/import", "/iati", "/rules", "/signin", "/needs?lang=vi", "/pipeline?lang=vi",
    ]

    /// What Tidy says of pages that is no fault of theirs.
    static let tidysGaps = [
        #"proprietary attribute "aria-"#, #"<input> proprietary attribute "inputmode""#,
        #"<a> proprietary attribute "href""#, #"<title> proprietary attribute "id""#, "trimming empty <span>",
    ]

    /// Tidy's errors and warnings for one document, less its own gaps.
    static func problems(_ html: String) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tidy-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let tidy = Process()
        tidy.executableURL = URL(fileURLWithPath: "/usr/bin/tidy")
        tidy.arguments = ["-errors", "-quiet", file.path]
        let output = Pipe()
        tidy.standardError = output
        tidy.standardOutput = FileHandle.nullDevice
        try tidy.startAlone()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        tidy.waitUntilExit()
        return text.split(separator: "\n").map(String.init).filter { line in
            line.hasPrefix("line ") && !tidysGaps.contains { line.contains($0) }
        }
    }

    @Test func everyPageParsesWithoutFaults() async throws {
        let fixture = try WebFixture()
        _ = try fixture.service.expressInterest(
            InterestExpressParams(need: "cao-bang-1", ngo: "MCNV", message: "We can help <b>here</b>.", from: .ngo),
            caller: .local("test"))
        let checked = Mutex(0)
        try await fixture.browse { browser in
            for path in Self.pages {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path): \(page.status)")
                let problems = try Self.problems(page.html)
                #expect(problems.isEmpty, "\(path): \(problems)")
                checked.withLock { $0 += 1 }
            }
        }
        #expect(checked.withLock { $0 } == Self.pages.count)
        // Tidy does find faults: a stray end tag and an unknown element.
        let broken =
            "<!DOCTYPE html><html><head><title>x</title></head><body><p>x</p></div><frob>y</frob></body></html>"
        let found = try Self.problems(broken)
        #expect(found.contains { $0.contains("discarding unexpected </div>") }, "\(found)")
        #expect(found.contains { $0.contains("<frob> is not recognized") }, "\(found)")
    }
}
