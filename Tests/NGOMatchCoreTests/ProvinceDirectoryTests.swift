import NGOMatchCore
import Testing

@Suite(.timeLimit(.minutes(10)))
struct ProvinceDirectoryTests {
    let directory = Seeds.reference.provinces

    @Test func holdsTheThirtyFourUnitsMergedFromSixtyThree() {
        #expect(directory.provinces.count == 34)
        // Đồng Nai became a centrally-run city on 30 April 2026 (Resolution 30/2026/QH16).
        #expect(directory.provinces.filter { $0.kind == .city }.count == 7)
        #expect(directory.provinces.count + directory.provinces.reduce(0) { $0 + $1.mergedFrom.count } == 63)
        #expect(Set(directory.provinces.map(\.region)).count == 6)
    }

    @Test(arguments: [
        ("cao-bang", "cao-bang"), ("Cao Bằng", "cao-bang"), ("cao bang", "cao-bang"), ("CAO BẰNG", "cao-bang"),
        ("Tỉnh Cao Bằng", "cao-bang"), ("Hanoi", "ha-noi"), ("Saigon", "ho-chi-minh"), ("Thừa Thiên Huế", "hue"),
        ("Dong Nai", "dong-nai"),
    ])
    func resolvesCurrentNames(name: String, id: String) throws {
        let match = try directory.resolve(name)
        #expect(match.province.id.rawValue == id)
        #expect(match.route == .current)
    }

    @Test(arguments: [
        ("ha giang", "tuyen-quang", "Hà Giang"), ("Bình Phước", "dong-nai", "Bình Phước"),
        ("Quảng Nam", "da-nang", "Quảng Nam"), ("bac lieu", "ca-mau", "Bạc Liêu"), ("Kon Tum", "quang-ngai", "Kon Tum"),
        ("Bà Rịa - Vũng Tàu", "ho-chi-minh", "Bà Rịa - Vũng Tàu"),
    ])
    func resolvesFormerProvincesToTheMergedOne(name: String, id: String, former: String) throws {
        let match = try directory.resolve(name)
        #expect(match.province.id.rawValue == id)
        #expect(match.route == .formerProvince(former))
    }

    @Test func unknownNamesSuggestTheClosest() {
        #expect(throws: LookupError.self) { try directory.resolve("Cao Bangg") }
        do {
            _ = try directory.resolve("Cao Bangg")
        } catch {
            #expect(error.description == "unknown province 'Cao Bangg' — did you mean 'Cao Bằng'?")
        }
    }

    @Test func distancesAreRoughlyRight() throws {
        let hanoi = try directory.resolve("Hà Nội").province
        let saigon = try directory.resolve("HCMC").province
        #expect((1050...1250).contains(hanoi.distance(to: saigon)))
    }
}
