import Yams

/// Reads a data file's YAML node by node, gathering every problem with its line and column,
/// so that a file the ministry replaces is refused with all that is wrong in it at once.
struct YAMLReader {
    let file: String
    private(set) var problems: [RuleProblem] = []

    init(file: String) { self.file = file }

    mutating func root(_ text: String, empty: Phrase) -> Node.Mapping? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                report(nil, empty)
                return nil
            }
            return mapping(node, .verbatim(file))
        } catch {
            report(nil, .key("rules.notYAML", "\(error)"))
            return nil
        }
    }

    mutating func report(_ node: Node?, _ what: Phrase) {
        let mark = node?.mark
        problems.append(RuleProblem(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, what))
    }

    mutating func mapping(_ node: Node, _ what: Phrase) -> Node.Mapping? {
        if case .mapping(let map) = node { return map }
        report(node, .key("rules.notMapping", what))
        return nil
    }

    mutating func sequence(_ node: Node?, _ key: String) -> [Node] {
        guard let node else { return [] }
        if case .sequence(let items) = node { return Array(items) }
        report(node, .key("checklist.notList", key))
        return []
    }

    mutating func known(_ map: Node.Mapping, _ names: [String], in context: Phrase) {
        for key in map.keys {
            guard let name = key.string, !names.contains(name) else { continue }
            report(
                key,
                .sequence([.key("rules.unknownField", name, context), Suggestions.phrase(for: name, among: names)]))
        }
    }

    /// A text field; `required` reports its absence against the mapping's first key.
    mutating func string(_ map: Node.Mapping, _ key: String, required: Bool = false, context: String = "") -> String? {
        guard let node = map[key] else {
            if required { report(map.keys.first, .key("rules.required", context.isEmpty ? key : "\(context).\(key)")) }
            return nil
        }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            report(node, .key("rules.mustBeText", key))
            return nil
        }
        return scalar.string
    }

    mutating func strings(_ map: Node.Mapping, _ key: String) -> [String]? {
        guard map[key] != nil else { return nil }
        return sequence(map[key], key).compactMap { node in
            guard let text = node.string, !text.isEmpty else {
                report(node, .key("rules.mustBeText", key))
                return nil
            }
            return text
        }
    }

    mutating func integer(_ map: Node.Mapping, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = map[key] else { return nil }
        guard let value = node.int, range.contains(value) else {
            report(node, .key("checklist.integer", key, "\(range.lowerBound)", "\(range.upperBound)"))
            return nil
        }
        return value
    }

    mutating func flag(_ map: Node.Mapping, _ key: String) -> Bool? {
        guard let node = map[key] else { return nil }
        guard let value = node.bool else {
            report(node, .key("rules.mustBeBool", key))
            return nil
        }
        return value
    }
}
