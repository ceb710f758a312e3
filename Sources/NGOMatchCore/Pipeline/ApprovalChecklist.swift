/// The stages from a first contact to a completed project and the approval dossier's items:
/// data the ministry can replace when the rules change (Decree 80/2020, then 313/2025).
package struct ApprovalChecklist: Hashable, Sendable, Codable {
    package let name: String
    package let basis: String
    /// The way forward, in order.
    package let stages: [StageDefinition]
    /// The ways a pair's course ends early.
    package let closings: [StageDefinition]
    package let items: [ChecklistItem]

    package init(
        name: String, basis: String, stages: [StageDefinition], closings: [StageDefinition], items: [ChecklistItem]
    ) {
        self.name = name
        self.basis = basis
        self.stages = stages
        self.closings = closings
        self.items = items
    }

    /// Stages the code itself moves pairs to: an interest, its acceptance, a checked-in meeting,
    /// the dossier's submission (from which opinions fall due). A checklist must keep them.
    package static let knownStages = ["contacted", "interested", "met", "dossier-submitted"]

    package var first: StageDefinition { stages[0] }

    package func stage(_ id: String) -> StageDefinition? {
        stages.first { $0.id == id } ?? closings.first { $0.id == id }
    }

    /// The position on the way forward; nil for a closing stage.
    package func order(_ id: String) -> Int? { stages.firstIndex { $0.id == id } }

    package var allStages: [StageDefinition] { stages + closings }

    /// The stage a recorded partnership stands at, for records made before the pipeline.
    package func stage(for status: Partnership.Status) -> String {
        switch status {
        case .proposed: return first.id
        case .declined: return closings.first { $0.partnership == .declined }?.id ?? closings.first?.id ?? first.id
        default: return stages.first { $0.partnership == status }?.id ?? first.id
        }
    }

    /// Items that must be done before a pair reaches `stage`, or any stage after it.
    package func itemsNeeded(reaching stage: String) -> [ChecklistItem] {
        guard let target = order(stage) else { return [] }
        return items.filter { item in order(item.neededBy).map { $0 <= target } ?? false }
    }
}
