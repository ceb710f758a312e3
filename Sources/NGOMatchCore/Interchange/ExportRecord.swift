/// Needs and NGOs in the shape `ImportDocument` reads back: export, then import
/// into a fresh registry, gives the same registry.
package enum ExportRecord {
    package static func json(_ need: Need) throws -> JSONValue { try tagged(need, "need") }
    package static func json(_ ngo: NGO) throws -> JSONValue { try tagged(ngo, "ngo") }
    package static func json(_ partnership: Partnership) throws -> JSONValue { try tagged(partnership, "partnership") }

    /// CSV columns for needs and NGOs together; a row leaves the other kind's columns empty.
    package static let csvColumns: [String] = {
        let need = [
            "type", "id", "province", "title", "description", "sectors", "targetGroups", "localities", "communes",
            "fundingGapUSD", "timeframe.start", "timeframe.end", "status", "source",
        ]
        let ngo = [
            "name", "acronym", "country", "registration.kind", "registration.number", "registration.issued",
            "registration.expires", "registration.areas", "registration.fields", "provinces.current", "provinces.past",
            "provinces.nationwide", "grantRange.min", "grantRange.max", "capacity", "languages", "website",
            "iatiOrganisation", "optOut.provinces", "optOut.sectors",
        ]
        let partnership = ["need", "ngo", "note", "recordedAt"]
        let shared = ["contact.name", "contact.email", "contact.phone", "createdAt", "updatedAt"]
        return need + ngo + partnership + shared
    }()

    /// Records as CSV lines (without line ends) under `csvColumns`, the header first.
    package static func csvLines(_ records: [JSONValue]) -> [String] {
        [CSVTable.line(csvColumns)] + records.map { CSVTable.line(csvRow($0)) }
    }

    /// One CSV row under `csvColumns`.
    package static func csvRow(_ record: JSONValue) -> [String] {
        var cells: [String: String] = [:]
        flatten(record, prefix: "", into: &cells)
        return csvColumns.map { cells[$0] ?? "" }
    }

    private static func tagged(_ value: some Encodable, _ type: String) throws -> JSONValue {
        guard case .object(var fields) = try JSONValue(encoding: value) else { return .null }
        fields["type"] = .string(type)
        return .object(fields)
    }

    private static func flatten(_ value: JSONValue, prefix: String, into cells: inout [String: String]) {
        switch value {
        case .object(let fields):
            for (key, inner) in fields {
                flatten(inner, prefix: prefix.isEmpty ? key : "\(prefix).\(key)", into: &cells)
            }
        case .array(let items):
            cells[prefix] = ListCell.join(items.map(cell))
        default:
            cells[prefix] = cell(value)
        }
    }

    /// A scalar as text; a `{sector, level}` pair as `sector:level`.
    private static func cell(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): text
        case .array(let items): ListCell.join(items.map(cell))
        case .object(let fields):
            if case .string(let sector)? = fields["sector"],
                let level = fields.first(where: { $0.key != "sector" })?.value
            {
                "\(sector):\(cell(level))"
            } else {
                fields.keys.sorted().map { cell(fields[$0]!) }.joined(separator: ":")
            }
        }
    }
}
