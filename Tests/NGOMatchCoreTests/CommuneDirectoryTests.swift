import Foundation
import NGOMatchCore
import NGOMatchSeeds
import Testing

/// Communes found by the names people write, built from the public data (issue 17).
@Suite(.timeLimit(.minutes(10)))
struct CommuneDirectoryTests {
    static let directory = CommuneDirectory(
        communes: SeedFile.text(SeedFile.communes)!, former: SeedFile.text(SeedFile.formerCommunes)!,
        provinces: Seeds.reference.provinces)

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theUnitsAndCommunesOf2026() {
        let provinces = Seeds.reference.provinces.provinces
        #expect(provinces.filter { $0.kind == .city }.count == 7)
        #expect(provinces.first { $0.id == "dong-nai" }?.kind == .city)
        #expect(Set(provinces.map(\.code)).count == 34)
        #expect(Self.directory.communes.count == 3321)
        let kinds = Dictionary(grouping: Self.directory.communes, by: \.kind).mapValues(\.count)
        #expect(kinds == [.commune: 2611, .ward: 697, .specialZone: 13])
        #expect(Self.directory.former.count == 10_972)
    }

    /// Every row of the mapping is accounted for, as seeds/README.md says.
    @Test func reconciliationCountsAreThoseDocumented() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("seeds/admin/reconciliation.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let counts = try #require(report["counts"] as? [String: Int])
        #expect(
            counts == ["rows": 10_977, "withoutFormerCommune": 5, "code": 10_515, "padded": 67, "name": 390, "unit": 0])
        // Every former commune points to a commune of 2026 in its unit.
        for old in Self.directory.former {
            #expect(Self.directory.commune(code: old.became)?.province == old.unit, "\(old)")
        }
    }

    @Test(
        arguments: [
            ("xã Trường Hà, huyện Hà Quảng, tỉnh Cao Bằng", "01392", true),
            ("Trường Hà, Hà Quảng, Cao Bằng", "01392", true),
            ("truong ha, ha quang, cao bang", "01392", true),
            ("Cao Bằng, Hà Quảng, Trường Hà", "01392", true),
            ("Sóc Hà, Hà Quảng", "01392", true),
            ("thi tran Xuan Hoa, Ha Quang", "01392", true),
            ("Thị trấn Xuân Hoà, Hà Quảng", "01392", true),
            ("Trường Hà, Hà Giang", nil, false),
            // Ba Đình is a ward of Hà Nội now, and was a ward of Thanh Hóa too: the choices, not a guess.
            ("Phường Ba Đình", nil, false),
            ("phuong hoan kiem", "00070", false),
            ("ba dinh, ha noi", "00004", false),
            // Typed without commas: the words "xã", "huyện"… mark the parts.
            ("xa truong ha huyen ha quang tinh cao bang", "01392", true),
            ("Xã Vĩnh Thạnh huyện Giồng Riềng", "30943", true),
            // A district that bore a province's name: huyện Quảng Ninh was in Quảng Bình.
            ("Tân Ninh, Quảng Ninh", "19225", true),
            ("xa tan ninh huyen quang ninh", "19225", true),
        ] as [(String, String?, Bool)])
    func aNameResolvesToTheCommuneItBecame(text: String, code: String?, former: Bool) {
        do {
            let match = try Self.directory.resolve(text)
            #expect(match.commune.code == code, "\(text) → \(match.commune)")
            #expect((match.former != nil) == former, "\(text)")
        } catch {
            #expect(code == nil, "\(text): \(error)")
        }
    }

    @Test func aNameUsedInManyPlacesGivesTheChoicesNeverAGuess() {
        do {
            _ = try Self.directory.resolve("Tân Lập")
            Issue.record("a bare 'Tân Lập' resolved")
        } catch {
            guard case .ambiguous(let choices) = error.problem else {
                Issue.record("\(error)")
                return
            }
            #expect(choices.count > 3)
            #expect(choices.contains { $0.hasSuffix("(Quảng Trị)") })
        }
        // With its province, one remains.
        #expect((try? Self.directory.resolve("Tân Lập, Quảng Trị"))?.commune.province == "quang-tri")
    }

    @Test func everyFormerProvinceNameFindsItsUnit() {
        for province in Seeds.reference.provinces.provinces {
            for former in province.mergedFrom {
                #expect(Seeds.reference.provinces.find(former)?.id == province.id, "\(former)")
            }
        }
    }

    /// Forms show a need's communes as "Trường Hà (01392)"; saving the form again must name the same
    /// communes, including one whose name other communes of the province share.
    @Test func aFormsLabelNamesTheSameCommuneAgain() {
        for commune in Self.directory.communes {
            let label = Self.directory.label(code: commune.code)
            #expect(label.hasPrefix(commune.name))
            #expect(CommuneDirectory.code(in: label) == commune.code)
        }
        #expect(CommuneDirectory.code(in: "Trường Hà") == "Trường Hà")
        #expect(CommuneDirectory.code(in: "Tân Lập (Quảng Trị)") == "Tân Lập (Quảng Trị)")
        #expect(CommuneDirectory.code(in: " 01392 ") == "01392")
    }
}
