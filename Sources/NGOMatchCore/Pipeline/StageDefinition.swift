/// One stage a need–NGO pair can be at, as the ministry's checklist file defines it.
public struct StageDefinition: Hashable, Sendable, Codable {
    public let id: String
    public let en: String
    public let vi: String
    /// What a move to this stage must say (the approval's decision, a decline's reason).
    public let requires: [MoveField]
    /// The partnership record this stage stands for, so track record and load count it once.
    public let partnership: Partnership.Status?
    /// A stage that ends the pair's way (declined, withdrawn, not approved).
    public let isClosing: Bool
    /// For a closing stage: it may be reached only from stages before this one.
    public let before: String?
    /// For a closing stage: it may be reached only from these stages.
    public let from: [String]?

    public init(
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

    public func name(_ language: Language) -> String { language == .vi ? vi : en }
}

/// What a move can carry, each checked for the stages that require it.
public enum MoveField: String, Hashable, Sendable, Codable, CaseIterable {
    case reason
    case decisionNumber = "decision-number"
    case decisionDate = "decision-date"
    case authority
}

/// One entry of the approval dossier: a document to upload or an opinion to obtain.
public struct ChecklistItem: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case document
        /// An opinion asked of an agency: due some working days after the dossier is submitted.
        case opinion
    }

    public let id: String
    public let kind: Kind
    public let en: String
    public let vi: String
    /// The stage a pair cannot reach before this item is done.
    public let neededBy: String
    /// For opinions: working days after the dossier's submission.
    public let dueWorkingDays: Int?

    public init(id: String, kind: Kind, en: String, vi: String, neededBy: String, dueWorkingDays: Int? = nil) {
        self.id = id
        self.kind = kind
        self.en = en
        self.vi = vi
        self.neededBy = neededBy
        self.dueWorkingDays = dueWorkingDays
    }

    public func name(_ language: Language) -> String { language == .vi ? vi : en }
}
