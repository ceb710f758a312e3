import Foundation
import NGOMatchCore
import NGOMatchSeeds
import Testing

/// A former commune typed exactly as the 2025 mapping writes it ("Xã Châu Bính, Huyện Quỳ
/// Châu, Tỉnh Nghệ An") names its own new commune, never one that is the same only without
/// diacritics (issue 34). The expected communes are read from the mapping's rows here, by plain
/// string comparison, not by the directory's folding.
@Suite(.timeLimit(.minutes(10)))
struct FormerCommuneExactTests {
    static let directory = CommuneDirectoryTests.directory

    /// The mapping's rows: the former commune as written, and the code of the commune it became.
    static func mappingRows() -> [(name: String, district: String, province: String, became: String)] {
        SeedFile.text(SeedFile.formerCommunes)!.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return fields.count >= 7 ? (fields[1], fields[2], fields[3], fields[4]) : nil
        }
    }

    /// The old and new places of a tone mark on "oa", "oe" and "uy", written out.
    static func toneNeutral(_ text: String) -> String {
        let old = ["òa", "óa", "ỏa", "õa", "ọa", "òe", "óe", "ỏe", "õe", "ọe", "ùy", "úy", "ủy", "ũy", "ụy"]
        let new = ["oà", "oá", "oả", "oã", "oạ", "oè", "oé", "oẻ", "oẽ", "oẹ", "uỳ", "uý", "uỷ", "uỹ", "uỵ"]
        var result = text.lowercased().precomposedStringWithCanonicalMapping
        for (before, after) in zip(old, new) { result = result.replacingOccurrences(of: before, with: after) }
        return result
    }

    @Test func everyFormerCommuneTypedExactlyResolvesToItsOwnCommunes() {
        let known = Set(
            SeedFile.text(SeedFile.communes)!.split(separator: "\n").dropFirst().map {
                String($0.split(separator: "\t", omittingEmptySubsequences: false)[1])
            })
        // One former unit, its rows spelled with the tone mark on either vowel ("Thành phố Tuy Hòa",
        // "Thành phố Tuy Hoà"), is one name: it split between the communes of all its rows.
        var expected: [String: Set<String>] = [:]
        var typed: [String: String] = [:]
        for row in Self.mappingRows() where known.contains(row.became) {
            let key = Self.toneNeutral("\(row.name), \(row.district), \(row.province)")
            expected[key, default: []].insert(row.became)
            typed[key] = typed[key] ?? "\(row.name), \(row.district), \(row.province)"
        }
        expected = Dictionary(uniqueKeysWithValues: expected.map { (typed[$0.key]!, $0.value) })
        #expect(expected.count > 10_000)
        var resolved = 0
        var ambiguous = 0
        for (text, codes) in expected {
            do {
                let match = try Self.directory.resolve(text)
                #expect(codes.contains(match.commune.code), "\(text) → \(match.commune.code), expected \(codes)")
                #expect(codes.count == 1, "\(text) names \(codes.count) communes but resolved to one")
                resolved += 1
            } catch {
                // A former commune split between several new ones: the choices are exactly those.
                guard case .ambiguous(let choices) = error.problem else {
                    Issue.record("\(text): \(error)")
                    continue
                }
                let names = Set(codes.compactMap { Self.directory.commune(code: $0)?.name })
                #expect(choices.count == codes.count, "\(text): \(choices) for \(codes)")
                #expect(choices.allSatisfy { choice in names.contains { choice.hasPrefix($0 + " (") } }, "\(text)")
                #expect(error.fix != .province, "\(text): the province was given")
                ambiguous += 1
            }
        }
        #expect(resolved + ambiguous == expected.count)
        #expect(resolved > ambiguous)
    }

    @Test func theSpellingDecidesOnlyWhenItWasTyped() throws {
        let exact = try Self.directory.resolve("Xã Châu Bính, Huyện Quỳ Châu, Tỉnh Nghệ An")
        #expect(exact.commune.name == "Châu Tiến")
        #expect(exact.former?.name == "Xã Châu Bính")
        do {
            let guessed = try Self.directory.resolve("Xa Chau Binh, Huyen Quy Chau, Tinh Nghe An")
            Issue.record("folded, the name resolved to \(guessed.commune.name)")
        } catch {
            guard case .ambiguous(let choices) = error.problem else {
                Issue.record("\(error)")
                return
            }
            #expect(Set(choices) == ["Châu Tiến (Nghệ An)", "Châu Bình (Nghệ An)"])
            #expect(error.fix == .diacritics)
            #expect(error.text(.en).contains("type the name with its diacritics"))
            #expect(!error.text(.en).contains("add its province"))
        }
    }

    @Test func tonePlacementIsNotASpellingDifference() {
        #expect(NameKey.spelled("Thanh Hóa") == NameKey.spelled("Thanh Hoá"))
        #expect(NameKey.spelled("Hòa An") == NameKey.spelled("HOÀ AN"))
        #expect(NameKey.spelled("Châu Bính") != NameKey.spelled("Châu Bình"))
        #expect(NameKey.spelled("Đắk Lắk") != NameKey.spelled("Dak Lak"))
    }

    @Test func anAmbiguityNamesWhatWasNotGiven() {
        func fix(_ text: String) -> LookupError.Fix? {
            do {
                _ = try Self.directory.resolve(text)
                return nil
            } catch { return error.fix }
        }
        // In several provinces, none named: the province.
        #expect(fix("Tân Lập") == .province)
        // Typed without diacritics in one district: the diacritics, not the province given.
        #expect(fix("chau binh, quy chau, nghe an") == .diacritics)
    }
}
