import Testing

@testable import NGOMatchCore

@Suite(.timeLimit(.minutes(10)))
struct NameKeyTests {
    @Test(arguments: [
        ("Cao Bằng", "cao bang"), ("CAO BẰNG", "cao bang"), ("cao  bang", "cao bang"), ("Đồng Nai", "dong nai"),
        ("Bà Rịa - Vũng Tàu", "ba ria vung tau"), ("TP.HCM", "tp hcm"), ("Thừa Thiên Huế", "thua thien hue"),
    ])
    func foldsDiacriticsCaseAndPunctuation(input: String, expected: String) {
        #expect(NameKey.fold(input) == expected)
    }

    @Test func slugsAreASCII() {
        #expect(Slug.make(from: "Đắk Lắk") == "dak-lak")
        #expect(Slug.isValid("health.maternal-child"))
        #expect(!Slug.isValid("Cao Bang"))
        #expect(!Slug.isValid("a--b"))
    }

    @Test func suggestsTheClosestName() {
        #expect(Suggestions.closest(to: "helth", among: ["health", "education", "water"]) == ["health"])
        #expect(Suggestions.closest(to: "zzzzzz", among: ["health", "education"]).isEmpty)
    }
}

/// The table fold agrees with the decomposing one on every name the data holds.
@Suite(.timeLimit(.minutes(10)))
struct NameKeyFoldTests {
    @Test func theFastFoldAgreesWithDecompositionOnEveryCommuneName() {
        let directory = CommuneDirectoryTests.directory
        let names =
            directory.communes.flatMap { [$0.name, $0.nameEn] }
            + directory.former.flatMap { [$0.name, $0.district, $0.province] }
            + ["Thành phố Hồ Chí Minh", "Ea H'leo", "Cư M’gar", "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚĂĐĨŨƠƯẠỸ", "a×b", "Tỉnh\u{0301}"]
        for name in names {
            #expect(NameKey.fold(name) == NameKey.decomposingFold(name), "\(name)")
        }
    }
}
