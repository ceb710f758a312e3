import NGOMatchCore

/// One parameter of an operation, declared once: the protocol refuses names not
/// declared, MCP shows the type and description to a model, the docs list them.
package struct Parameter: Sendable {
    package enum Kind: Sendable {
        case text
        case integer
        case number
        case boolean
        /// A list of texts.
        case textList
        /// A list of whole numbers (slot indices).
        case integerList
        /// A nested object (a record's `timeframe`, an event's participants).
        case object
        /// A list of objects.
        case objectList
        /// One of the given texts.
        case choice([String])
    }

    package let name: String
    package let kind: Kind
    package let required: Bool
    /// For a person or a model deciding what to pass.
    package let description: String

    package init(_ name: String, _ kind: Kind, required: Bool = false, _ description: String) {
        self.name = name
        self.kind = kind
        self.required = required
        self.description = description
    }

    // The parameters several operations share, worded once.
    package static let rules = Parameter(
        "rules", .text,
        "The rule set to score with: a shipped one (default, underserved, climate) or one the ministry added (rules.list); name@2 for one version."
    )
    package static let limit = Parameter("limit", .integer, "How many candidates to list, 1–1000 (default 10).")
    package static let showExcluded = Parameter(
        "showExcluded", .boolean,
        "Also list candidates a hard filter removed, with the filter and what would change it.")
    package static let includeDeclined = Parameter(
        "includeDeclined", .boolean, "Include pairs that declined before (left out by default).")
    package static let diversify = Parameter(
        "diversify", .boolean, "Spread suggestions so the same few large NGOs do not top every list.")
    package static let lang = Parameter(
        "lang", .choice(["vi", "en"]), "Language of names and reasons: vi (Vietnamese) or en (English, the default).")
    package static let reportDetail = Parameter(
        "explain", .choice(ReportDetail.allCases.map(\.rawValue)),
        "How much of each assessment to tell: full (reasons and every factor in words, the default), summary (each factor's points, no sentences) or none (scores and failed filters only), for programs that need no words."
    )
    package static let sector = Parameter(
        "sector", .text,
        "A sector id or name (e.g. health, health.primary-care, 'nước sạch'); a sector includes its subsectors.")
    package static let province = Parameter(
        "province", .text,
        "A province or centrally-run city, by any name, with or without diacritics; names from before the 2025 merger work ('ha giang' is Tuyên Quang)."
    )
    package static let region = Parameter(
        "region", .text, "A region id, e.g. mekong-delta, northern-midlands-mountains.")
    package static let ngo = Parameter("ngo", .text, required: true, "An NGO by id, name or acronym (e.g. WWF, MCNV).")
}

extension Parameter {
    /// The parameter as a JSON Schema property.
    package var schema: JSONValue {
        var property: [String: JSONValue] = ["description": .string(description)]
        switch kind {
        case .text: property["type"] = .string("string")
        case .integer: property["type"] = .string("integer")
        case .number: property["type"] = .string("number")
        case .boolean: property["type"] = .string("boolean")
        case .textList:
            property["type"] = .string("array")
            property["items"] = .object(["type": .string("string")])
        case .integerList:
            property["type"] = .string("array")
            property["items"] = .object(["type": .string("integer")])
        case .object: property["type"] = .string("object")
        case .objectList:
            property["type"] = .string("array")
            property["items"] = .object(["type": .string("object")])
        case .choice(let choices):
            property["type"] = .string("string")
            property["enum"] = .array(choices.map(JSONValue.string))
        }
        return .object(property)
    }

    /// An object schema for these parameters; `open` allows fields not listed (records).
    package static func schema(_ parameters: [Parameter], open: Bool = false) -> JSONValue {
        var schema: [String: JSONValue] = [
            "type": .string("object"),
            "properties": .object(Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.schema) })),
            "additionalProperties": .bool(open),
        ]
        let required = parameters.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { schema["required"] = .array(required) }
        return .object(schema)
    }
}
