import NGOMatchCore
import Testing

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
