import NGOMatchCore

/// A request's id as the reply must carry it: JSON-RPC clients match replies by id,
/// so a number comes back in the very text it was sent in (`1e3`, `9007199254740993`).
enum RequestID: Sendable, Equatable {
    case null
    case string(String)
    /// The number's text as the parser read it: valid JSON, spliced back unchanged.
    case number(text: String)

    /// The id of a message's `id` field, with its number text from the parser.
    init?(_ value: JSONValue?, numberText: String?) {
        switch value {
        case nil, .null?: self = .null
        case .string(let text)?: self = .string(text)
        case .number(let number)?:
            self = .number(
                text: numberText ?? String(decoding: StreamingJSONEncoder.bytes(of: .number(number)), as: UTF8.self))
        default: return nil
        }
    }

    var bytes: [UInt8] {
        switch self {
        case .null: Array("null".utf8)
        case .string(let text): StreamingJSONEncoder.bytes(of: .string(text))
        case .number(let text): Array(text.utf8)
        }
    }
}
