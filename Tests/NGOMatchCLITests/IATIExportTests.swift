import ChildProcessStart
import Foundation
import NGOMatchCore
import NGOMatchIATI
import Testing

/// `ngomatch iati export`: files the official IATI 2.03 schema accepts (checked by `xmllint`,
/// a program of its own), the same bytes at every export, text that comes back as it went in,
/// and an import of the export that changes nothing.
@Suite(
    .timeLimit(.minutes(5)),
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint")
            || ProcessInfo.processInfo.environment["CI"] != nil,
        "needs xmllint (apt-get install libxml2-utils; .ci/run installs it)"))
struct IATIExportTests {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/reference/iati/schema-2.03/iati-activities-schema.xsd").path

    /// What xmllint says of the file against the schema, and its exit status.
    static func validate(_ file: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--schema", schema, file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.startAlone()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// Hostile text: markup, quotes, a CR LF, a semicolon, a formula's sign, combining marks.
    static let hostileTitle = "=Water & \"sanitation\" <Ha\u{0300} Qua\u{0309}ng>;\r\nsecond line"

    @Test func anExportValidatesRepeatsItselfAndReadsBackUnchanged() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let need = try cli.run(
            "needs", "add", "--province", "Cao Bằng", "--title", Self.hostileTitle, "--sector", "water.sanitation:4",
            "--sector", "health:3", "--funding-gap", "20000", "--start", "2027-01-01", "--end", "2027-12-31",
            "--format", "json")
        #expect(need.status == 0, "\(need.stderr)")
        let needID = try #require(
            try JSONParser.parse(need.stdout)["id"].flatMap { if case .string(let id) = $0 { id } else { nil } })
        #expect(
            try cli.run("partnerships", "record", "--need", needID, "--ngo", "MCNV", "--status", "active").status == 0)
        #expect(
            try cli.run("partnerships", "record", "--need", "cao-bang-1", "--ngo", "MCNV", "--status", "completed")
                .status == 0)
        #expect(
            try cli.run("partnerships", "record", "--need", "dong-nai-1", "--ngo", "MCNV", "--status", "declined")
                .status == 0)

        let first = cli.folder.appendingPathComponent("first.xml").path
        let second = cli.folder.appendingPathComponent("second.xml").path
        for file in [first, second] {
            let exported = try cli.run("iati", "export", "--reporter", "XM-EXAMPLE-1", "--out", file)
            #expect(exported.status == 0, "\(exported.stderr)")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: second))), "the same bytes at every export")
        let validation = try Self.validate(first)
        #expect(validation.status == 0 && validation.output.contains("validates"), "\(validation.output)")

        var activities: [IATIActivity] = []
        try IATIReader.read(path: first, name: "first.xml") { activities.append($0) }
        #expect(activities.count == 2, "the declined pair is left out")
        let hostile = try #require(activities.first { $0.identifier == "XM-EXAMPLE-1-ngomatch-\(needID)-mcnv" })
        #expect(hostile.title == Self.hostileTitle, "\(hostile.title ?? "")")
        #expect(hostile.status == "2" && hostile.dates == ["1": "2027-01-01", "3": "2027-12-31"])
        #expect(hostile.locations.first?.name == "Cao Bằng")
        #expect(hostile.sectors.map(\.percentage) == [50, 50])
        #expect(hostile.participants.first?.role == "4")
        #expect(hostile.participants.first?.name == "Medisch Comité Nederland–Vietnam")

        let reimported = try cli.run("iati", "import", first, "--format", "json")
        #expect(reimported.status == 0, "\(reimported.stderr)")
        #expect(
            reimported.stdout.contains("\"outcome\":\"skipped\"")
                && !reimported.stdout.contains("\"outcome\":\"added\""))
        let third = cli.folder.appendingPathComponent("third.xml").path
        #expect(try cli.run("iati", "export", "--reporter", "XM-EXAMPLE-1", "--out", third).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: third)) == bytes, "the round trip changed nothing")
    }

    @Test func anNGOsExportNeedsItsIdentifier() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let refused = try cli.run("iati", "export", "--ngo", "MCNV")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--iati-organisation"), "\(refused.stderr)")
        #expect(try cli.run("ngos", "update", "MCNV", "--iati-organisation", "XM-EXAMPLE-MCNV").status == 0)
        let empty = try cli.run("iati", "export", "--ngo", "MCNV")
        #expect(empty.status == 2 && empty.stderr.contains("there are none"), "\(empty.stderr)")
        #expect(
            try cli.run("partnerships", "record", "--need", "cao-bang-1", "--ngo", "MCNV", "--status", "active").status
                == 0)
        let file = cli.folder.appendingPathComponent("mcnv.xml").path
        #expect(try cli.run("iati", "export", "--ngo", "MCNV", "--out", file).status == 0)
        let validation = try Self.validate(file)
        #expect(validation.status == 0, "\(validation.output)")
    }
}
