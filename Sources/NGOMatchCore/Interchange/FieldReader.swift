import Foundation

/// Reads the fields of one JSON object, collecting a problem for every field
/// that is missing, of the wrong kind or out of range, instead of stopping at the first.
///
/// Values from CSV cells arrive as text, so numbers, booleans and lists are
/// also accepted in their written forms ("450000", "yes", "children; women").
package struct FieldReader {
    private let fields: [String: JSONValue]
    private let path: String
    package private(set) var problems: [FieldProblem] = []

    package init(_ value: JSONValue, path: String = "") {
        self.path = path
        if case .object(let fields) = value {
            self.fields = fields
        } else {
            self.fields = [:]
            problems.append(FieldProblem(field: path, .key("problem.expectedObject", value.kindPhrase)))
        }
    }

    package func has(_ key: String) -> Bool { value(key) != nil }

    package func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    package mutating func report(_ key: String, _ phrase: Phrase) {
        problems.append(FieldProblem(field: fieldPath(key), phrase))
    }

    /// Records a problem whose field path is already complete.
    package mutating func appendProblem(_ problem: FieldProblem) { problems.append(problem) }

    /// Reports every field not in `known`, with the closest known name.
    package mutating func rejectUnknownFields(known: [String]) {
        for key in fields.keys.sorted() where !known.contains(key) {
            report(key, .sequence([.key("problem.unknownField"), Suggestions.phrase(for: key, among: known)]))
        }
    }

    package mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { report(key, .key("problem.required")) }
            return nil
        }
        switch value {
        case .string(let text):
            return text.trimmingWhitespace()
        case .number(let number):
            return number.rounded() == number ? String(Int64(number)) : String(number)
        default:
            report(key, .key("problem.expectedText", value.kindPhrase))
            return nil
        }
    }

    package mutating func number(_ key: String, required: Bool = false) -> Double? {
        guard let value = value(key) else {
            if required { report(key, .key("problem.required")) }
            return nil
        }
        switch value {
        case .number(let number) where number.isFinite:
            return number
        case .string(let text):
            let cleaned = text.filter { $0 != "," && $0 != "_" && $0 != " " }
            if let number = Double(cleaned), number.isFinite { return number }
            report(key, .key("problem.expectedNumberText", text))
        default:
            report(key, .key("problem.expectedNumber", value.kindPhrase))
        }
        return nil
    }

    package mutating func integer(_ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let number = number(key, required: required) else { return nil }
        guard number.rounded() == number, abs(number) < 1e15 else {
            report(key, .key("problem.expectedWhole", number))
            return nil
        }
        let whole = Int(number)
        if let range, !range.contains(whole) {
            report(key, .key("problem.outOfRange", range.lowerBound, range.upperBound, whole))
            return nil
        }
        return whole
    }

    package mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .string(let text):
            switch NameKey.fold(text) {
            case "true", "yes", "1", "co": return true
            case "false", "no", "0", "khong": return false
            default: report(key, .key("problem.expectedBoolText", text))
            }
        default: report(key, .key("problem.expectedBool", value.kindPhrase))
        }
        return nil
    }

    package mutating func date(_ key: String, required: Bool = false) -> CalendarDate? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = CalendarDate(text) else {
            report(key, .key("problem.expectedDate", text))
            return nil
        }
        return date
    }

    /// A list of texts: a JSON array, or one text with items separated by `;` (`ListCell`).
    package mutating func list(_ key: String) -> [String] {
        guard let value = value(key) else { return [] }
        switch value {
        case .string(let text):
            return ListCell.split(text)
        case .array(let items):
            var result: [String] = []
            for (index, item) in items.enumerated() {
                if case .string(let text) = item, !text.trimmingSpaces().isEmpty {
                    result.append(text.trimmingSpaces())
                } else {
                    report("\(key)[\(index)]", .key("problem.expectedText", item.kindPhrase))
                }
            }
            return result
        default:
            report(key, .key("problem.expectedList", value.kindPhrase))
            return []
        }
    }

    /// The items of a JSON array with their paths (`key[3]`), for reading one by one.
    package mutating func elements(_ key: String, required: Bool = false) -> [(path: String, value: JSONValue)] {
        guard let value = value(key) else {
            if required { report(key, .key("problem.required")) }
            return []
        }
        guard case .array(let items) = value else {
            report(key, .key("problem.expectedList", value.kindPhrase))
            return []
        }
        return items.enumerated().map { ("\(fieldPath(key))[\($0.offset)]", $0.element) }
    }

    /// A list of whole numbers, each within `range`.
    package mutating func integers(_ key: String, in range: ClosedRange<Int>) -> [Int] {
        elements(key).compactMap { path, item in
            guard case .number(let number) = item, number.rounded() == number, abs(number) < 1e15 else {
                problems.append(FieldProblem(field: path, .key("problem.expectedWholeKind", item.kindPhrase)))
                return nil
            }
            guard range.contains(Int(number)) else {
                problems.append(
                    FieldProblem(
                        field: path, .key("problem.outOfRange", range.lowerBound, range.upperBound, Int(number))))
                return nil
            }
            return Int(number)
        }
    }

    /// Reads a nested object with `body`, keeping its problems under `key`.
    package mutating func nested<T>(_ key: String, required: Bool = false, _ body: (inout FieldReader) -> T?) -> T? {
        guard let value = value(key) else {
            if required { report(key, .key("problem.required")) }
            return nil
        }
        var reader = FieldReader(value, path: fieldPath(key))
        let result = body(&reader)
        problems += reader.problems
        return result
    }

    /// Pairs such as sectors with priorities: a JSON array of objects
    /// `{"<nameKey>": …, "<levelKey>": …}`, or text `"health.primary-care:5; education:3"`.
    package mutating func pairs(_ key: String, nameKey: String, levelKey: String) -> [(
        name: String, level: Int?, field: String
    )] {
        guard let value = value(key) else { return [] }
        switch value {
        case .string(let text):
            return ListCell.split(text).enumerated().compactMap { index, item in
                let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingSpaces() }
                guard let name = parts.first, !name.isEmpty else { return nil }
                let field = "\(fieldPath(key))[\(index)]"
                guard parts.count == 2 else { return (name, nil, field) }
                guard let level = Int(parts[1]) else {
                    // "health:4, water:3": a comma where the list wants a semicolon.
                    let key = parts[1].contains(",") ? "problem.expectedPairSemicolon" : "problem.expectedPair"
                    problems.append(FieldProblem(field: field, .key(key, name, levelKey, item)))
                    return nil
                }
                return (name, level, field)
            }
        case .array(let items):
            return items.enumerated().compactMap { index, item in
                var reader = FieldReader(item, path: "\(fieldPath(key))[\(index)]")
                reader.rejectUnknownFields(known: [nameKey, levelKey])
                let name = reader.string(nameKey, required: true)
                let level = reader.integer(levelKey)
                problems += reader.problems
                return name.map { ($0, level, "\(fieldPath(key))[\(index)]") }
            }
        default:
            report(key, .key("problem.expectedList", value.kindPhrase))
            return []
        }
    }

    private func value(_ key: String) -> JSONValue? {
        guard let value = fields[key] else { return nil }
        if case .null = value { return nil }
        if case .string(let text) = value, text.isBlank { return nil }
        return value
    }
}
