import NGOMatchCore

/// A whole record in the import format: its fields are checked by the registry, which
/// names every problem, so they are passed on rather than refused here.
package struct RecordParams<Kind: RecordKind>: OperationParams {
    package static var isOpen: Bool { true }
    package static var parameters: [Parameter] { Kind.fields }
    package let record: JSONValue

    package init(record: JSONValue) { self.record = record }

    package init(from decoder: any Decoder) throws { self = try Self.decode(try JSONValue(from: decoder)) }

    package static func decode(_ value: JSONValue?) throws -> Self {
        guard case .object(var fields)? = value else {
            throw ServiceError.invalidParams(field: "params", expected: .key("params.recordObject"))
        }
        // The language of the reply's messages, not a field of the record.
        fields.removeValue(forKey: "lang")
        return Self(record: .object(fields))
    }
}

/// A kind of record, with the fields a person or a model most needs to know of.
package protocol RecordKind: Sendable {
    static var fields: [Parameter] { get }
}

package enum NeedRecord: RecordKind {
    package static let fields = [
        Parameter.province.asRequired(),
        Parameter("title", .text, required: true, "A short title, e.g. 'Commune health stations'."),
        Parameter("description", .text, "What is needed, for whom, where."),
        Parameter(
            "sectors", .objectList, required: true,
            "Sectors with priorities 1–5: [{\"sector\": \"health.primary-care\", \"priority\": 5}], or text 'health.primary-care:5; education:3'."
        ),
        Parameter("targetGroups", .textList, "Who benefits, e.g. ethnic-minorities, women, children."),
        Parameter("localities", .textList, "Communes or places the need concerns."),
        Parameter("fundingGapUSD", .number, required: true, "The funding still needed, in US dollars."),
        Parameter("timeframe", .object, required: true, "{\"start\": \"2026-03-01\", \"end\": \"2027-12-31\"}."),
        Parameter("source", .text, "Where the need was stated, e.g. 'Meeting with foreign NGOs 2025'."),
        Parameter("id", .text, "An id; by default <province>-<n>."),
    ]
}

package enum NGORecord: RecordKind {
    package static let fields = [
        Parameter("name", .text, required: true, "The NGO's name."),
        Parameter("acronym", .text, "A short name, e.g. MCNV."),
        Parameter("country", .text, required: true, "Where it is based."),
        Parameter(
            "sectors", .objectList, required: true,
            "Sectors with expertise 1–5: [{\"sector\": \"environment.forests\", \"expertise\": 4}], or text."),
        Parameter(
            "provinces", .object,
            "{\"current\": [...], \"past\": [...], \"nationwide\": false}: where it works and worked."),
        Parameter(
            "registration", .object,
            "Its certificate under Decree 58/2022/ND-CP: kind, number, issued, expires, areas, fields."),
        Parameter("grantRange", .object, "{\"min\": 20000, \"max\": 200000} in US dollars."),
        Parameter("capacity", .integer, "How many partnerships it can take on a year."),
        Parameter("id", .text, "An id; by default made from the name."),
    ]
}

/// Changes to a record: `key` names it, the other fields are the changes.
package struct RecordChangeParams<Key: RecordKey>: OperationParams {
    package static var isOpen: Bool { true }
    package static var parameters: [Parameter] {
        [Parameter(Key.name, .text, required: true, Key.description)]
    }
    package let target: String
    package let changes: JSONValue

    package init(target: String, changes: JSONValue) {
        self.target = target
        self.changes = changes
    }

    package init(from decoder: any Decoder) throws {
        self = try Self.decode(try JSONValue(from: decoder))
    }

    package static func decode(_ value: JSONValue?) throws -> Self {
        guard case .object(var fields)? = value else {
            throw ServiceError.invalidParams(field: "params", expected: .key("params.recordObject"))
        }
        fields.removeValue(forKey: "lang")
        guard case .string(let target)? = fields.removeValue(forKey: Key.name) else {
            throw ServiceError.invalidParams(field: Key.name, expected: .key("params.requiredText"))
        }
        return Self(target: target, changes: .object(fields))
    }
}

/// The field that names the record a change is for.
package protocol RecordKey: Sendable {
    static var name: String { get }
    static var description: String { get }
}

package enum NeedKey: RecordKey {
    package static let name = "id"
    package static let description = "The need's id; the other fields given are changed."
}

package enum NGOKey: RecordKey {
    package static let name = "ngo"
    package static let description = "The NGO (id, name or acronym); the other fields given are changed."
}

extension Parameter {
    func asRequired() -> Parameter { Parameter(name, kind, required: true, description) }
}
