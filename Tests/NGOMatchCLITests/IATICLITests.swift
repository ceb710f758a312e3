import Foundation
import NGOMatchCore
import Testing

/// `ngomatch iati import` as a user runs it, on the five real files published for Viet Nam.
@Suite(.timeLimit(.minutes(5))) struct IATICLITests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/reference/iati/vietnam").path

    @Test func aFolderOfRealFilesIsImportedAndEveryActivityReported() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let added = try cli.run(
            "ngos", "add", "--name", "Oxfam Novib", "--country", "Netherlands", "--sector", "governance:3",
            "--iati-organisation", "NL-KVK-27108436")
        #expect(added.status == 0, "\(added.stderr)")
        let checked = try cli.run("iati", "import", Self.folder, "--check", "--format", "json")
        #expect(checked.status == 0, "\(checked.stderr)")
        let report = try JSONParser.parse(checked.stdout)
        guard case .array(let activities)? = report["activities"] else {
            Issue.record("no activities: \(checked.stdout.prefix(300))")
            return
        }
        // 13 + 23 + 23 + 7 + 10 activities in the five files (README of the reference folder).
        #expect(activities.count == 76)
        let counted = activities.filter { $0["ngo"] == .string("oxfam-novib") }
        #expect(counted.count == 8, "7 published by Oxfam Novib, 1 it implemented for the Dutch Relief Alliance")

        let imported = try cli.run("iati", "import", Self.folder, environment: ["COLUMNS": "80"])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("76 activities read: 8 added, 0 updated, 0 unchanged, 68 skipped."))
        #expect(imported.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "fits 80 columns")
        let again = try cli.run("iati", "import", Self.folder)
        #expect(again.stdout.contains("0 added, 0 updated, 8 unchanged"), "\(again.stdout.suffix(200))")
    }

    @Test func aFileThatIsNotThereIsAUsageError() throws {
        let cli = try CLI()
        let result = try cli.run("iati", "import", cli.folder.appendingPathComponent("nowhere.xml").path)
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot read"), "\(result.stderr)")
    }
}
