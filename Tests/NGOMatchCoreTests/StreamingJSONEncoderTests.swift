import Foundation
import Testing

@testable import NGOMatchCore

/// The streaming encoder writes the same JSON as Foundation's, for every type the server returns.
@Suite(.timeLimit(.minutes(10)))
struct StreamingJSONEncoderTests {
    func same(_ value: some Encodable) throws {
        let streamed = try JSONDecoder().decode(JSONValue.self, from: StreamingJSONEncoder.encode(value))
        let reference = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        #expect(streamed == reference)
    }

    @Test func recordsAndReportsEncodeAsFoundationDoes() throws {
        let synthetic = SyntheticRegistry(reference: Seeds.reference, ngos: 60, needs: 30, seed: 11)
        try same(synthetic.ngos)
        try same(synthetic.needs)
        let index = MatchIndex(reference: Seeds.reference, needs: synthetic.needs, ngos: synthetic.ngos)
        let rules = Seeds.rules("default")
        for position in index.needs.indices {
            let ranking = index.suggest(needPosition: position, rules: rules, options: RankOptions(showExcluded: true))
            try same((ranking.ranked + ranking.excluded).map { AssessmentReport($0, index: index, language: .vi) })
        }
        try same(index.gaps(rules: rules, threshold: 60, today: .today))
        try same(Seeds.reference.taxonomy.sectors)
        try same(Seeds.reference.provinces.provinces)
    }

    /// An NGO writes itself: the JSON its `Codable` conformance gives, members in the same order.
    @Test func anNGOWritesTheBytesOfItsCodableConformance() throws {
        var ngos = SyntheticRegistry(reference: Seeds.reference, ngos: 60, needs: 0, seed: 12).ngos
        ngos.append(
            NGO(
                id: "full", name: "Quỹ \"Trẻ\" \\ em; =SUM(A1)\nline", acronym: "Q/TE", country: "Việt Nam",
                registration: Registration(
                    kind: .representativeOffice, number: "58/2022", issued: CalendarDate("2024-01-02")!,
                    expires: CalendarDate("2028-01-01")!, areas: ["Hà Giang", "Cao Bằng"], fields: ["health"]),
                sectors: [.init(sector: "health", expertise: 5)],
                provinces: .init(current: ["cao-bang"], past: ["tuyen-quang"], nationwide: true),
                targetGroups: [.children, .women], grantRange: .init(min: 1500.5, max: 2e6), capacity: 3,
                languages: ["vi", "en"], contact: Contact(name: "A", email: "a@example.org", phone: "+84 1"),
                website: "https://example.org/a", optOut: .init(provinces: ["ha-noi"], sectors: ["education"]),
                communes: ["00001"], createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-02T00:00:00Z"))
        try same(ngos)
        for ngo in ngos {
            // The members in the order the conformance encodes them (Foundation's own order is a hash's).
            let generic = StreamingJSONEncoder.Writer()
            try ngo.encode(to: generic)
            generic.closeAll(to: 0)
            let written = try StreamingJSONEncoder.encode(ngo)
            #expect(written == Data(generic.bytes), "\(String(decoding: written, as: UTF8.self))")
        }
    }

    @Test func textIsEscapedAndNumbersKeepTheirValue() throws {
        let text: JSONValue = .object([
            "quote": .string("say \"hi\" \\ back/slash"), "control": .string("a\u{01}b\nc\td\r"),
            "viet": .string("Đồng Nai"),
            "numbers": .array([.number(0.1), .number(28), .number(-3.5e-7), .number(1e20), .number(74.25)]),
            "empty": .object([:]), "list": .array([]), "nothing": .null, "flag": .bool(false),
        ])
        try same(text)
        #expect(throws: StreamingJSONEncoder.Unsupported.self) { try StreamingJSONEncoder.encode([Double.nan]) }
    }
}
