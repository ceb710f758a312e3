/// A value stored as the text it is written as (`2026-12-07`, `province:cao-bang`): read back
/// with the same parser a person's typing goes through, so a stored value can be nothing a
/// person could not have typed.
package protocol WrittenForm: Codable, CustomStringConvertible {
    init?(_ text: String)
    /// What a stored text that does not parse should have been, for the decoding error.
    static var writtenFormExpected: String { get }
}

extension WrittenForm {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected \(Self.writtenFormExpected), got '\(text)'")
        }
        self = value
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
