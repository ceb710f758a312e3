import Foundation
import NGOMatchCore
import Testing

/// The hand-written parser reads what Foundation reads, refuses what JSON refuses,
/// and says where.
@Suite(.timeLimit(.minutes(10)))
struct JSONParserTests {
    @Test func readsWhatFoundationReads() throws {
        let documents = [
            #"{"a":[1,-2.5,3e2,0,-0,1E-3,123456789012345678],"b":{"c":null,"d":true,"e":false},"f":""}"#,
            #"  [ "x" , { } , [ ] , "\u00e9\u1EA1\ud83d\ude00\n\t\"\\\/" ]  "#,
            #""Cao Bằng — Đồng Nai""#,
            "12345.678e-2",
            "[\n\t{\"multi\":\r\n \"line\"}\n]",
        ]
        for document in documents {
            let ours = try JSONParser.parse(document)
            let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(document.utf8))
            #expect(ours == foundation, "\(document)")
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func readsBackWhatIsWritten(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<200 {
            let value = Self.randomValue(&random, depth: 0)
            let written = try JSONEncoder().encode(value)
            #expect(try JSONParser.parse([UInt8](written)) == value)
            #expect(try JSONParser.parse(StreamingJSONEncoder.bytes(of: value)) == value)
        }
    }

    @Test func refusesWhatJSONRefusesAndSaysWhere() {
        let cases: [(String, String, Int, Int)] = [
            ("", "unexpected end of input", 1, 1),
            ("{\"a\":1,}", "expected a field name", 1, 8),
            ("[1,]", "unexpected ']'", 1, 4),
            ("{\"a\" 1}", "expected ':'", 1, 6),
            ("[1 2]", "expected ',' or ']'", 1, 4),
            ("{\"limit\":NaN}", "unexpected 'N'", 1, 10),
            ("[Infinity]", "unexpected 'I'", 1, 2),
            ("[1e999]", "out of range", 1, 2),
            ("[-1e999]", "out of range", 1, 2),
            ("[01]", "leading zero", 1, 2),
            ("[1.]", "no digits after '.'", 1, 2),
            ("[1e]", "empty exponent", 1, 2),
            ("[-]", "without digits", 1, 2),
            ("[+1]", "unexpected '+'", 1, 2),
            ("\"a\u{01}b\"", "control character (0x01)", 1, 3),
            (#"["\ud800"]"#, "lone surrogate", 1, 3),
            (#"["\udc00x"]"#, "lone surrogate", 1, 3),
            (#"["\x"]"#, "unknown escape '\\x'", 1, 3),
            (#"["\u12"]"#, "four hexadecimal digits", 1, 3),
            ("\"open", "never closed", 1, 1),
            ("tru", "expected a value", 1, 1),
            ("{} {}", "after the end", 1, 4),
            ("[\n  1,\n  oops\n]", "unexpected 'o'", 3, 3),
        ]
        for (document, reason, line, column) in cases {
            do {
                let value = try JSONParser.parse(document)
                Issue.record("\(document.debugDescription) parsed as \(value)")
            } catch {
                #expect(error.reason.contains(reason), "\(document.debugDescription): \(error)")
                #expect((error.line, error.column) == (line, column), "\(document.debugDescription): \(error)")
            }
        }
    }

    @Test func refusesInvalidUTF8InsideAndOutsideStrings() {
        for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0xFF], [0x5B, 0xC0, 0x5D]] {
            #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(bytes) }
        }
    }

    @Test func stopsAtTheNestingLimitWithoutRecursingOn() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        let allowed = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONParser.parse(allowed, maximumDepth: 64) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse("[" + allowed + "]", maximumDepth: 64) }
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(1)]))
    }

    static func randomValue(_ random: inout SplitMix64, depth: Int) -> JSONValue {
        let pick = random.next() % (depth > 3 ? 4 : 6)
        switch pick {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2:
            let choices: [Double] = [
                0, -1, 42, 0.1, -2.5e-7, 1e300, 123_456_789_012, Double(random.next() % 100_000) / 7,
            ]
            return .number(choices[Int(random.next() % UInt64(choices.count))])
        case 3:
            let pieces = ["a", "Đồng", "\"", "\\", "\n", "\u{01}", "😀", "/", " ", "\u{7F}", "Hà Giang"]
            return .string((0..<Int(random.next() % 5)).map { _ in pieces[Int(random.next() % 11)] }.joined())
        case 4:
            return .array((0..<Int(random.next() % 4)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var fields: [String: JSONValue] = [:]
            for index in 0..<Int(random.next() % 4) { fields["k\(index)"] = randomValue(&random, depth: depth + 1) }
            return .object(fields)
        }
    }
}

/// Parameters decode straight from a `JSONValue`, with errors that name the field.
@Suite(.timeLimit(.minutes(10)))
struct JSONValueDecoderTests {
    struct Params: Decodable, Equatable {
        let need: String
        let limit: Int?
        let minScore: Double?
        let flags: [Bool]?
        let nested: Inner?
        struct Inner: Decodable, Equatable { let name: String }
    }

    @Test func decodesFieldsOptionalsAndNesting() throws {
        let value = try JSONParser.parse(
            #"{"need":"cao-bang-1","limit":3,"minScore":62.5,"flags":[true,false],"nested":{"name":"x"}}"#)
        let params = try value.decode(Params.self)
        #expect(
            params
                == Params(need: "cao-bang-1", limit: 3, minScore: 62.5, flags: [true, false], nested: .init(name: "x")))
        let sparse = try JSONParser.parse(#"{"need":"a","limit":null}"#).decode(Params.self)
        #expect(sparse == Params(need: "a", limit: nil, minScore: nil, flags: nil, nested: nil))
    }

    @Test func errorsNameTheField() throws {
        func error(_ json: String) throws -> DecodingError? {
            do {
                _ = try JSONParser.parse(json).decode(Params.self)
                return nil
            } catch let error as DecodingError {
                return error
            }
        }
        guard case .keyNotFound(let key, _)? = try error(#"{"limit":1}"#) else {
            Issue.record("no keyNotFound")
            return
        }
        #expect(key.stringValue == "need")
        guard case .typeMismatch(_, let context)? = try error(#"{"need":1}"#) else {
            Issue.record("no mismatch")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["need"])
        guard case .dataCorrupted(let context)? = try error(#"{"need":"a","limit":1.5}"#) else {
            Issue.record("no whole-number error")
            return
        }
        #expect(context.debugDescription == "expected a whole number, got 1.5")
        guard case .valueNotFound(_, let context)? = try error(#"{"need":null}"#) else {
            Issue.record("no null")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["need"])
        guard case .typeMismatch(_, let context)? = try error(#"{"need":"a","flags":[true,"x"]}"#) else {
            Issue.record("no element mismatch")
            return
        }
        #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["flags", "1"])
    }
}
