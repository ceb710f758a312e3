import Foundation
import NGOMatchCore
import Testing

/// The streaming encoder writes the same JSON as Foundation's, for every type the server returns.
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
        try same(index.gaps(rules: rules, threshold: 60))
        try same(Seeds.reference.taxonomy.sectors)
        try same(Seeds.reference.provinces.provinces)
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
