import Foundation
import NGOMatchCore

/// Parameters of an operation: decoded strictly, so an unknown or misspelt field
/// is an error that names it rather than a silently ignored value.
package protocol OperationParams: Decodable, Sendable {
    /// Every field the parameters may have, with its type and meaning.
    static var parameters: [Parameter] { get }
    /// Whether fields beyond `parameters` are passed on (a record's own fields, checked by the registry).
    static var isOpen: Bool { get }

    /// - Throws: `ServiceError.invalidParams` naming the field and what was expected.
    static func decode(_ value: JSONValue?) throws -> Self
}

extension OperationParams {
    package static var isOpen: Bool { false }
    package static var fields: [String] { parameters.map(\.name) }
    /// The parameters as a JSON Schema, for MCP tools and the docs.
    package static var schema: JSONValue { Parameter.schema(parameters, open: isOpen) }
}

extension OperationParams {
    /// - Throws: `ServiceError.invalidParams` naming the field and what was expected.
    package static func decode(_ value: JSONValue?) throws -> Self {
        let object: JSONValue
        switch value {
        case nil, .null?: object = .object([:])
        case .object?: object = value!
        case let other?:
            throw ServiceError.invalidParams(
                field: "params", expected: .key("problem.expectedObject", other.kindPhrase))
        }
        if case .object(let given) = object {
            // `lang` is every door's choice of language for what people read, errors included.
            for key in given.keys.sorted() where !fields.contains(key) && key != "lang" {
                throw ServiceError.invalidParams(
                    field: key,
                    expected: .sequence([
                        .key("problem.unknownField"), Suggestions.phrase(for: key, among: fields),
                        fields.isEmpty
                            ? .key("params.takesNone") : .key("params.known", fields.joined(separator: ", ")),
                    ]))
            }
        }
        do {
            return try object.decode(Self.self)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ServiceError.invalidParams(
                field: path(context.codingPath + [key]), expected: .key("problem.required"))
        } catch let DecodingError.typeMismatch(type, context) {
            throw ServiceError.invalidParams(
                field: path(context.codingPath), expected: .key("params.expected", describe(type)))
        } catch let DecodingError.valueNotFound(type, context) {
            throw ServiceError.invalidParams(
                field: path(context.codingPath), expected: .key("params.expectedNotNull", describe(type)))
        } catch let DecodingError.dataCorrupted(context) {
            let field = path(context.codingPath)
            if let options = choices(field), case .string(let given)? = object[field] {
                // "'sumary' is not one of full, summary, none — did you mean 'summary'?", not Swift's own words.
                throw ServiceError.invalidParams(
                    field: field,
                    expected: .sequence([
                        .key("problem.notOneOf", given, options.joined(separator: ", ")),
                        Suggestions.phrase(for: given, among: options),
                    ]))
            }
            throw ServiceError.invalidParams(field: field, expected: .verbatim(context.debugDescription))
        }
    }

    /// The values a parameter takes, when it is a choice; `lang` is one for every method.
    private static func choices(_ field: String) -> [String]? {
        guard let parameter = parameters.first(where: { $0.name == field }) ?? (field == "lang" ? .lang : nil),
            case .choice(let options) = parameter.kind
        else { return nil }
        return options
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    private static func describe(_ type: Any.Type) -> Phrase {
        switch type {
        case is String.Type: .key("json.string")
        case is Int.Type: .key("params.whole")
        case is Double.Type: .key("json.number")
        case is Bool.Type: .key("json.bool")
        default: .verbatim("\(type)")
        }
    }
}

/// For methods that take no parameters.
package struct NoParams: OperationParams {
    package static let parameters: [Parameter] = []
    package init() {}
}

/// Options shared by the ranking methods, declared once: suggest, discover and their
/// commands take them beside their own parameters.
package struct RankingParams: Sendable, Decodable {
    package static let parameters = [
        Parameter.rules, Parameter.limit, Parameter.showExcluded, Parameter.includeDeclined, Parameter.diversify,
        Parameter.lang, Parameter.reportDetail,
    ]

    package var rules: String?
    package var limit: Int?
    package var showExcluded: Bool?
    package var includeDeclined: Bool?
    package var diversify: Bool?
    package var lang: Language?
    package var explain: ReportDetail?

    package init(
        rules: String? = nil, limit: Int? = nil, showExcluded: Bool? = nil, includeDeclined: Bool? = nil,
        diversify: Bool? = nil, lang: Language? = nil, explain: ReportDetail? = nil
    ) {
        self.rules = rules
        self.limit = limit
        self.showExcluded = showExcluded
        self.includeDeclined = includeDeclined
        self.diversify = diversify
        self.lang = lang
        self.explain = explain
    }

    var options: RankOptions {
        RankOptions(
            limit: limit ?? 10, showExcluded: showExcluded ?? false, includeDeclined: includeDeclined ?? false,
            diversify: diversify ?? false)
    }
}
