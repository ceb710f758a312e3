/// What a pair's move must satisfy: forward along the stages (the ministry may also go back, to
/// correct a mistake), a closing only from where it is allowed, a closed pair only reopened at
/// the first stage, the data its stage requires, and the dossier's items its stage needs done.
extension ApprovalChecklist {
    package struct Move: Sendable {
        package var from: String?
        package var to: String
        package var given: Set<MoveField>
        package var itemsDone: Set<String>
        package var mayGoBack: Bool

        package init(from: String?, to: String, given: Set<MoveField>, itemsDone: Set<String>, mayGoBack: Bool) {
            self.from = from
            self.to = to
            self.given = given
            self.itemsDone = itemsDone
            self.mayGoBack = mayGoBack
        }
    }

    /// The stages a pair at `from` may be moved to, given what they require: what a move form offers.
    package func reachable(from: String?, mayGoBack: Bool) -> [StageDefinition] {
        let everything = Set(MoveField.allCases)
        let allItems = Set(items.map(\.id))
        return allStages.filter {
            problem(Move(from: from, to: $0.id, given: everything, itemsDone: allItems, mayGoBack: mayGoBack)) == nil
        }
    }

    /// Why the move may not be made, or nil when it may.
    package func problem(_ move: Move, language: Language = .en) -> Phrase? {
        guard let target = stage(move.to) else {
            return .sequence([
                .key("pipeline.unknownStage", move.to), Suggestions.phrase(for: move.to, among: allStages.map(\.id)),
            ])
        }
        if let from = move.from, from == move.to { return .key("pipeline.already", target.name(language)) }
        if let from = move.from, let current = stage(from) {
            if current.isClosing {
                guard move.to == first.id else {
                    return .key("pipeline.closed", current.name(language), first.name(language))
                }
            } else if target.isClosing {
                if let allowed = target.from, !allowed.contains(from) {
                    let names = allowed.compactMap { stage($0)?.name(language) }.joined(separator: ", ")
                    return .key("pipeline.closingFrom", target.name(language), names)
                }
                if let before = target.before, let limit = order(before), let at = order(from), at >= limit {
                    return .key("pipeline.closingBefore", target.name(language), stage(before)!.name(language))
                }
            } else if let at = order(from), let to = order(move.to), to < at, !move.mayGoBack {
                return .key("pipeline.backwards", current.name(language), target.name(language))
            }
        }
        let missing = target.requires.filter { !move.given.contains($0) }
        if !missing.isEmpty {
            return .key(
                "pipeline.requires", target.name(language), missing.map(\.rawValue).joined(separator: ", "))
        }
        let undone = itemsNeeded(reaching: move.to).filter { !move.itemsDone.contains($0.id) }
        if !undone.isEmpty {
            return .key(
                "pipeline.itemsUndone", target.name(language),
                undone.map { $0.name(language) }.joined(separator: "; "))
        }
        return nil
    }
}
