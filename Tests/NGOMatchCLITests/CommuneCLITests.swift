import Foundation
import Testing

/// Communes through the CLI: lookups, a need placed by a former commune name, an import.
@Suite(.timeLimit(.minutes(10)))
struct CommuneCLITests {
    @Test func aFormerCommuneWithItsDistrictIsFoundInAnyForm() throws {
        let cli = try CLI()
        for text in [
            "xã Trường Hà, huyện Hà Quảng, tỉnh Cao Bằng", "truong ha, ha quang", "Cao Bằng, Hà Quảng, Sóc Hà",
        ] {
            let shown = try cli.run("communes", "show", text, "--format", "json")
            #expect(shown.status == 0, "\(text): \(shown.stderr)")
            #expect(shown.stdout.contains(#""code":"01392""#), "\(text)")
        }
        let ambiguous = try cli.run("communes", "show", "Tân Lập")
        #expect(ambiguous.status != 0)
        #expect(ambiguous.stderr.contains("(Quảng Trị)") && ambiguous.stderr.contains("add its province"))
        let list = try cli.run("communes", "list", "--province", "ha giang", "--format", "csv")
        #expect(list.stdout.hasPrefix("code,name,nameEn,kind,province\r\n"))
        #expect(list.stdout.contains(",tuyen-quang\r\n"))
    }

    @Test func aNeedNamesItsCommunesByFormerNamesAndAWrongOneIsRefusedWithTheChoices() throws {
        let cli = try CLI()
        let added = try cli.run(
            "needs", "add", "--province", "Cao Bằng", "--title", "Commune health stations", "--sector",
            "health.primary-care:5", "--funding-gap", "250000", "--start", "2026-03-01", "--end", "2027-12-31",
            "--commune", "xã Trường Hà, huyện Hà Quảng", "--commune", "Hoà An", "--format", "json")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains(#""communes":["01392","01654"]"#), "\(added.stdout)")
        let outside = try cli.run(
            "needs", "update", "cao-bang-4", "--commune", "Ba Đình, Hà Nội")
        #expect(outside.status != 0)
        #expect(outside.stderr.contains("communes[0]"), "\(outside.stderr)")
    }

    @Test func anNGONamesCommunesWhereItWorksInAnyProvince() throws {
        let cli = try CLI()
        let updated = try cli.run(
            "ngos", "update", "MCNV", "--commune", "Trường Hà, Hà Quảng", "--commune", "Ba Đình, Hà Nội", "--format",
            "json")
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.contains(#""communes":["01392","00004"]"#), "\(updated.stdout)")
        let ambiguous = try cli.run("ngos", "update", "MCNV", "--commune", "Tân Lập")
        #expect(ambiguous.status != 0)
        #expect(ambiguous.stderr.contains("communes[0]") && ambiguous.stderr.contains("(Quảng Trị)"))
    }

    @Test func anImportWrittenWithFormerNamesIsReadAndExportedByCode() throws {
        let cli = try CLI()
        #expect(try cli.run("init").status == 0)
        let csv = """
            type,id,province,title,sectors,fundingGapUSD,timeframe.start,timeframe.end,communes
            need,old-names-1,Hà Giang,Clean water,water:4,90000,2026-05-01,2027-04-30,"xã Thanh Thủy, huyện Vị Xuyên"
            """
        let imported = try cli.run("import", try cli.file("needs.csv", csv))
        #expect(imported.status == 0, "\(imported.stderr)")
        let need = try cli.run("needs", "show", "old-names-1", "--format", "json")
        #expect(need.stdout.contains(#""province":"tuyen-quang""#))
        #expect(need.stdout.contains(#""communes":[""#), "\(need.stdout)")
        let exported = try cli.run("export", "--format", "csv")
        #expect(exported.stdout.split(separator: "\r\n").first?.contains(",communes,") == true)
    }
}
