import NGOMatchCore
import NGOMatchSeeds
import Testing

@Suite(.timeLimit(.minutes(10)))
struct DemoSeedTests {
    func records(_ name: String) throws -> [JSONValue] {
        try ImportDocument(bytes: Array(SeedFile.text(name)!.utf8), fileName: name).records.map(\.value)
    }

    @Test func demoNGOsIncludeThoseAtThe2025Meeting() throws {
        let ngos = try records(SeedFile.demoNGOs).map { try Seeds.reader.ngo(from: $0).get() }
        #expect(ngos.count >= 40)
        let countries = Dictionary(uniqueKeysWithValues: ngos.map { ($0.name, $0.country) })
        #expect(countries["Medisch Comité Nederland–Vietnam"] == "Netherlands")
        #expect(countries["Norwegian People's Aid"] == "Norway")
        #expect(countries["Save the Children International"] == "United Kingdom")
        #expect(countries["WWF-Vietnam"] == "Switzerland")
        #expect(countries["ICRAF Vietnam (World Agroforestry)"] == "Kenya")
        #expect(countries["ActionAid Vietnam"] == "Netherlands")
        #expect(countries["World Vision International"] == "United States")
    }

    @Test func demoNeedsSpanEnoughProvinces() throws {
        let needs = try records(SeedFile.demoNeeds).map {
            try Seeds.reader.need(from: $0, makeID: { _ in "unused" }).get()
        }
        #expect(needs.count >= 25)
        let provinces = Set(needs.map(\.province))
        #expect(provinces.count >= 15)
        #expect(provinces.isSuperset(of: ["cao-bang", "dong-nai", "tuyen-quang"]))
    }
}
