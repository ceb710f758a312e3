import Foundation
import NGOMatchCore
import NGOMatchService

/// A form's fields as an operation's parameters. Each field is named as the operation names
/// its parameter and read as that parameter's kind; text that does not read as the kind is
/// passed on as typed, so that the operation refuses it as it would at every other door
/// ("slots: expected a whole number") instead of the form dropping it unseen.
enum OperationForm {
    static func parameters<Operation: ServiceOperation>(
        _ operation: Operation.Type, _ form: FormData, fixed: [String: JSONValue] = [:],
        checkboxes: Set<String> = []
    ) -> JSONValue {
        var params = fixed
        for parameter in Operation.Params.parameters where params[parameter.name] == nil {
            if let value = value(of: parameter, in: form) {
                params[parameter.name] = value
            } else if checkboxes.contains(parameter.name) {
                // A browser sends no field for a box left unticked: none ticked is the empty list.
                params[parameter.name] = .array([])
            }
        }
        return .object(params)
    }

    private static func value(of parameter: Parameter, in form: FormData) -> JSONValue? {
        switch parameter.kind {
        case .text, .choice: return form.text(parameter.name).map(JSONValue.string)
        case .integer: return form.text(parameter.name).map { Int($0).map { .number(Double($0)) } ?? .string($0) }
        case .number:
            // Vietnamese writes a decimal comma.
            return form.text(parameter.name).map {
                Double($0.replacingOccurrences(of: ",", with: ".")).map(JSONValue.number) ?? .string($0)
            }
        case .boolean:
            return form.text(parameter.name).map { ["on", "true", "1"].contains($0) ? .bool(true) : .string($0) }
        case .textList: return list(parameter.name, in: form).map { .array($0.map(JSONValue.string)) }
        case .integerList:
            return list(parameter.name, in: form).map { items in
                .array(items.map { Int($0).map { .number(Double($0)) } ?? .string($0) })
            }
        case .object, .objectList: return nil
        }
    }

    /// A list's items: one per field when the name repeats (checkboxes), else one box's lines,
    /// or its comma-separated items. A box sent empty is the empty list: it clears the list.
    private static func list(_ name: String, in form: FormData) -> [String]? {
        let values = form.all(name)
        guard !values.isEmpty else { return nil }
        let items =
            values.count > 1
            ? values
            : values[0].split(whereSeparator: values[0].contains(where: \.isNewline) ? \.isNewline : { $0 == "," })
                .map(String.init)
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
