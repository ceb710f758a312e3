import Yams

/// Reads the ministry's checklist file, refusing it with every problem found: a stage or item
/// named twice, a stage the code moves pairs to left out, a reference to a stage that is not
/// there, an unknown field, with "did you mean".
package enum ChecklistParser {
    /// - Throws: `InvalidRuleSet` listing every problem, each with its line and column.
    package static func parse(_ text: String, file: String) throws(InvalidRuleSet) -> ApprovalChecklist {
        var reader = YAMLReader(file: file)
        guard let top = reader.root(text, empty: .key("checklist.empty")) else {
            throw InvalidRuleSet(problems: reader.problems)
        }
        reader.known(top, ["name", "basis", "stages", "closings", "items"], in: .key("checklist.theFile"))
        let name = reader.string(top, "name", required: true) ?? ""
        let basis = reader.string(top, "basis") ?? ""
        // Each value keeps its node, so that a problem found later names its own line even when
        // an entry before it was dropped.
        let stageNodes = reader.sequence(top["stages"], "stages").compactMap { node in
            stage(node, closing: false, &reader).map { (node, $0) }
        }
        let closingNodes = reader.sequence(top["closings"], "closings").compactMap { node in
            stage(node, closing: true, &reader).map { (node, $0) }
        }
        let itemNodes = reader.sequence(top["items"], "items").compactMap { node in
            item(node, &reader).map { (node, $0) }
        }
        let (stages, closings, items) = (stageNodes.map(\.1), closingNodes.map(\.1), itemNodes.map(\.1))
        if stages.isEmpty { reader.report(top["stages"] ?? top.keys.first, .key("checklist.noStages")) }
        var seen: Set<String> = []
        for (node, stage) in stageNodes + closingNodes where !seen.insert(stage.id).inserted {
            reader.report(node, .key("checklist.twice", stage.id))
        }
        let ids = (stages + closings).map(\.id)
        for known in ApprovalChecklist.knownStages where !stages.contains(where: { $0.id == known }) {
            reader.report(top["stages"] ?? top.keys.first, .key("checklist.keep", known))
        }
        let forward = stages.map(\.id)
        func check(_ reference: String, _ node: Node?) {
            guard !forward.contains(reference) else { return }
            reader.report(
                node,
                .sequence([.key("checklist.noSuchStage", reference), Suggestions.phrase(for: reference, among: ids)]))
        }
        for (node, stage) in closingNodes {
            if let before = stage.before { check(before, node) }
            for from in stage.from ?? [] { check(from, node) }
        }
        var itemIDs: Set<String> = []
        for (node, item) in itemNodes {
            check(item.neededBy, node)
            if !itemIDs.insert(item.id).inserted { reader.report(node, .key("checklist.twice", item.id)) }
        }
        guard reader.problems.isEmpty else { throw InvalidRuleSet(problems: reader.problems) }
        return ApprovalChecklist(name: name, basis: basis, stages: stages, closings: closings, items: items)
    }

    private static func stage(_ node: Node, closing: Bool, _ reader: inout YAMLReader) -> StageDefinition? {
        guard let map = reader.mapping(node, .key("checklist.aStage")) else { return nil }
        var fields = ["id", "en", "vi", "requires", "partnership"]
        if closing { fields += ["before", "from"] }
        reader.known(map, fields, in: .key("checklist.aStage"))
        let id = reader.string(map, "id", required: true, context: "stage")
        let en = reader.string(map, "en", required: true, context: id ?? "stage")
        let vi = reader.string(map, "vi", required: true, context: id ?? "stage")
        let requires = (reader.strings(map, "requires") ?? []).compactMap { name -> MoveField? in
            guard let field = MoveField(rawValue: name) else {
                reader.report(
                    map["requires"],
                    .sequence([
                        .key("checklist.unknownRequirement", name),
                        Suggestions.phrase(for: name, among: MoveField.allCases.map(\.rawValue)),
                    ]))
                return nil
            }
            return field
        }
        var partnership: Partnership.Status?
        if let status = reader.string(map, "partnership") {
            partnership = Partnership.Status(rawValue: status)
            if partnership == nil {
                reader.report(
                    map["partnership"], .notOneOf(status, Partnership.Status.allCases.map(\.rawValue)))
            }
        }
        guard let id, let en, let vi else { return nil }
        return StageDefinition(
            id: id, en: en, vi: vi, requires: requires, partnership: partnership, isClosing: closing,
            before: closing ? reader.string(map, "before") : nil, from: closing ? reader.strings(map, "from") : nil)
    }

    private static func item(_ node: Node, _ reader: inout YAMLReader) -> ChecklistItem? {
        guard let map = reader.mapping(node, .key("checklist.anItem")) else { return nil }
        reader.known(map, ["id", "kind", "needed-by", "due", "en", "vi"], in: .key("checklist.anItem"))
        let id = reader.string(map, "id", required: true, context: "item")
        let context = id ?? "item"
        let kindText = reader.string(map, "kind", required: true, context: context)
        let kind = kindText.flatMap(ChecklistItem.Kind.init(rawValue:))
        if let kindText, kind == nil {
            reader.report(map["kind"], .notOneOf(kindText, ChecklistItem.Kind.allCases.map(\.rawValue)))
        }
        let neededBy = reader.string(map, "needed-by", required: true, context: context)
        let due = reader.integer(map, "due", in: 1...365)
        if kind == .opinion, due == nil, map["due"] == nil {
            reader.report(map.keys.first, .key("rules.required", "\(context).due"))
        }
        let en = reader.string(map, "en", required: true, context: context)
        let vi = reader.string(map, "vi", required: true, context: context)
        guard let id, let kind, let neededBy, let en, let vi else { return nil }
        return ChecklistItem(id: id, kind: kind, en: en, vi: vi, neededBy: neededBy, dueWorkingDays: due)
    }
}
