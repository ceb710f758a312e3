/// One stage a need–NGO pair can be at, as the ministry's checklist file defines it.
package struct StageDefinition: Hashable, Sendable, Codable {
    package let id: String
    package let en: String
    package let vi: String
    /// What a move to this stage must say (the approval's decision, a decline's reason).
    package let requires: [MoveField]
    /// The partnership record this stage stands for, so track record and load count it once.
    package let partnership: Partnership.Status?
    /// A stage that ends the pair's way (declined, withdrawn, not approved).
    package let isClosing: Bool
    /// For a closing stage: it may be reached only from stages before this one.
    package let before: String?
    /// For a closing stage: it may be reached only from these stages.
    package let from: [String]?

    package init(
        id: String, en: String, vi: String, requires: [MoveField] = [], partnership: Partnership.Status? = nil,
        isClosing: Bool = false, before: String? = nil, from: [String]? = nil
    ) {
        self.id = id
        self.en = en
        self.vi = vi
        self.requires = requires
        self.partnership = partnership
        self.isClosing = isClosing
        self.before = before
        self.from = from
    }

    package func name(_ language: Language) -> String { language == .vi ? vi : en }
}

/// What a move can carry, each checked for the stages that require it.
package enum MoveField: String, Hashable, Sendable, Codable, CaseIterable {
    case reason
    case decisionNumber = "decision-number"
    case decisionDate = "decision-date"
    case authority
}

/// One entry of the approval dossier: a document to upload or an opinion to obtain.
package struct ChecklistItem: Hashable, Sendable, Codable {
    package enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case document
        /// An opinion asked of an agency: due some working days after the dossier is submitted.
        case opinion
    }

    package let id: String
    package let kind: Kind
    package let en: String
    package let vi: String
    /// The stage a pair cannot reach before this item is done.
    package let neededBy: String
    /// For opinions: working days after the dossier's submission.
    package let dueWorkingDays: Int?

    package init(id: String, kind: Kind, en: String, vi: String, neededBy: String, dueWorkingDays: Int? = nil) {
        self.id = id
        self.kind = kind
        self.en = en
        self.vi = vi
        self.neededBy = neededBy
        self.dueWorkingDays = dueWorkingDays
    }

    package func name(_ language: Language) -> String { language == .vi ? vi : en }
}
