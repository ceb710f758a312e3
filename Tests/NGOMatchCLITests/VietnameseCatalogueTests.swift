import Foundation
import NGOMatchPlanner
import Testing

/// Errors, notes, event tables and agendas in Vietnamese (issue 19), and golden outputs that
/// pin both languages' wording for a few commands.
@Suite(.timeLimit(.minutes(10)))
struct VietnameseCatalogueTests {
    /// English words of ngomatch's messages that no Vietnamese error or note may contain.
    static let englishMessages = [
        "error:", "is required", "expected", "did you mean", "unknown", "not valid", "problem", "must be",
        "must not", "Created", "Wrote", "Registered", "Nothing was", "line ", "record", "duplicate", "cannot",
        "token", " or ", "got ",
    ]

    static let badNeed = """
        {"province": "Cao Bangg", "title": "Nước sạch", "sectors": "helth:3", "fundingGapUSD": -1,
         "timeframe": {"start": "2026-09-01", "end": "2026-13-01"}, "colour": "red"}
        """

    @Test func errorsOfAnImportAreVietnamese() throws {
        let cli = try CLI()
        let csv = try cli.file(
            "needs.csv",
            "province,title,sectors,fundingGapUSD,timeframe.start,timeframe.end\n"
                + "Cao Bangg,Trạm y tế,helth:3,-5,2026-01-01,2025-01-01\n" + "Lào Cai,\"a \"\"b\",health:2,1000,x,y\n")
        let result = try cli.run("import", csv, "--lang", "vi")
        #expect(result.status == 2)
        #expect(result.stderr.contains("lỗi: "), "\(result.stderr)")
        #expect(result.stderr.contains("có phải là 'Cao Bằng'?"), "\(result.stderr)")
        #expect(result.stderr.contains("Chưa nhập gì."), "\(result.stderr)")
        Self.expectNoEnglish(result.stderr, allowing: ["Cao Bangg", "helth"])
    }

    @Test(arguments: [
        ["needs", "add", "--from", "BAD"], ["needs", "show", "cao-bang-99"],
        ["suggest", "--province", "Cao Bangg"], ["import", "missing.json"],
        ["needs", "update", "cao-bang-1"], ["explain", "--need", "cao-bang-1", "--ngo", "mcvn"],
        ["rules", "add", "default", "BAD"], ["gaps", "--measure", "openNeeds"],
    ])
    func everyErrorIsVietnamese(arguments: [String]) throws {
        let cli = try CLI()
        let bad = try cli.file("bad.json", Self.badNeed)
        let result = try cli.run(arguments: arguments.map { $0 == "BAD" ? bad : $0 } + ["--lang", "vi"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("lỗi: ") || result.stderr.contains("\nlỗi: "), "\(result.stderr)")
        Self.expectNoEnglish(result.stderr, allowing: [bad, "Cao Bangg", "helth", "mcvn", "cao-bang-99", "colour"])
    }

    @Test func theSameErrorSpeaksEnglishWithoutLang() throws {
        let cli = try CLI()
        let bad = try cli.file("bad.json", Self.badNeed)
        let result = try cli.run("needs", "add", "--from", bad)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown province 'Cao Bangg' — did you mean 'Cao Bằng'?"), "\(result.stderr)")
        #expect(result.stderr.contains("fundingGapUSD: must not be negative, got -1"))
    }

    @Test func eventsAndAgendasAreVietnamese() throws {
        let cli = try CLI()
        let shown = try cli.run("events", "show", "gap-go-2026", "--lang", "vi")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("tình trạng:"), "\(shown.stdout)")
        #expect(shown.stdout.contains("10/12/2026"), "\(shown.stdout)")
        let planned = try cli.run("events", "plan", "gap-go-2026", "--lang", "vi")
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("Phương án 1"), "\(planned.stdout)")
        #expect(planned.stdout.contains("Chưa công bố"), "\(planned.stdout)")
        for word in ["Plan ", "meetings", "value", "upper bound", "Not published", "score", "table", "time"] {
            #expect(!planned.stdout.contains(word), "'\(word)' in \(planned.stdout)")
        }
        _ = try cli.run("events", "plan", "gap-go-2026", "--publish", "preliminary")
        let agenda = try cli.run("events", "agenda", "gap-go-2026", "--format", "md", "--lang", "vi")
        #expect(agenda.status == 0, "\(agenda.stderr)")
        #expect(agenda.stdout.contains("| Giờ |"), "\(agenda.stdout)")
        #expect(agenda.stdout.contains("tất cả các cuộc gặp"), "\(agenda.stdout)")
        for word in ["Time", "Table", "meetings;", "total score", "upper bound", "What could not"] {
            #expect(!agenda.stdout.contains(word), "'\(word)' in \(agenda.stdout)")
        }
    }

    @Test func theMainCommandsAreSummarisedInVietnamese() throws {
        let cli = try CLI()
        let help = try cli.run("--help", "--lang", "vi")
        #expect(help.status == 0)
        #expect(help.stdout.contains("Xếp hạng các tổ chức có thể đáp ứng một nhu cầu"), "\(help.stdout)")
        #expect(!help.stdout.contains("Rank the NGOs that could serve"))
        let english = try cli.run("--help")
        #expect(english.stdout.contains("Rank the NGOs that could serve"))
    }

    /// The explanation and an error, word for word in each language, as committed in `Golden/`.
    @Test(arguments: ["en", "vi"])
    func goldenOutputs(lang: String) throws {
        let cli = try CLI()
        let explain = try cli.run("explain", "--need", "cao-bang-1", "--ngo", "mcnv", "--lang", lang)
        try Self.expectGolden("explain.\(lang).txt", explain.stdout)
        let bad = try cli.file("bad.json", Self.badNeed)
        let error = try cli.run("needs", "add", "--from", bad, "--lang", lang)
        try Self.expectGolden(
            "register-error.\(lang).txt", error.stderr.replacingOccurrences(of: bad, with: "bad.json"))
    }

    static func expectGolden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["NGOMATCH_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Golden/\(name)", sourceLocation: sourceLocation)
    }

    /// Fails on any English message word, leaving out the given inputs (what the user typed).
    static func expectNoEnglish(
        _ text: String, allowing inputs: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var rest = text
        for input in inputs { rest = rest.replacingOccurrences(of: input, with: "…") }
        // Field paths and ids are the import format's, the same in every language.
        rest = rest.replacingOccurrences(
            of: #"[A-Za-z]+(\.[A-Za-z]+|\[\d+\])+|[a-z]+[A-Z][A-Za-z]*|'[a-z0-9.-]+'"#, with: "…",
            options: .regularExpression)
        for word in englishMessages where rest.contains(word) {
            Issue.record("'\(word)' in: \(text)", sourceLocation: sourceLocation)
        }
    }
}
