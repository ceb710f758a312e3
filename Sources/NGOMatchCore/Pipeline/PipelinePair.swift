/// Where a need–NGO pair stands on its way to an approved project, and how it got there.
public struct PipelinePair: Hashable, Sendable, Codable {
    public let need: NeedID
    public let province: ProvinceID
    public let ngo: NGOID
    public var stage: String
    /// When it reached its stage.
    public var since: String
    public var moves: [PipelineMove]

    package init(need: NeedID, province: ProvinceID, ngo: NGOID, stage: String, since: String, moves: [PipelineMove]) {
        self.need = need
        self.province = province
        self.ngo = ngo
        self.stage = stage
        self.since = since
        self.moves = moves
    }
}

/// One move of a pair: to which stage, when, by whom, through which door, with what it required.
public struct PipelineMove: Hashable, Sendable, Codable {
    public let stage: String
    public let at: String
    public let by: String
    /// `cli`, `stdio`, `tcp`, `mcp`, `web`, or `token` for a client that presented one.
    public let door: String
    public let reason: String?
    public let decisionNumber: String?
    public let decisionDate: CalendarDate?
    public let authority: String?
    public let note: String?

    public init(
        stage: String, at: String, by: String, door: String, reason: String? = nil, decisionNumber: String? = nil,
        decisionDate: CalendarDate? = nil, authority: String? = nil, note: String? = nil
    ) {
        self.stage = stage
        self.at = at
        self.by = by
        self.door = door
        self.reason = reason
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.authority = authority
        self.note = note
    }

    public var given: Set<MoveField> {
        var fields: Set<MoveField> = []
        if reason?.isEmpty == false { fields.insert(.reason) }
        if decisionNumber?.isEmpty == false { fields.insert(.decisionNumber) }
        if decisionDate != nil { fields.insert(.decisionDate) }
        if authority?.isEmpty == false { fields.insert(.authority) }
        return fields
    }
}

/// One item of a pair's approval dossier and how it stands.
public struct DossierItem: Hashable, Sendable, Codable {
    public let item: String
    public let kind: ChecklistItem.Kind
    public let name: String
    public let neededBy: String
    public var doneAt: String?
    public var doneBy: String?
    /// The uploaded document's name, as stored (never a path).
    public var fileName: String?
    public var contentType: String?
    public var size: Int?
    /// For an opinion, the day it is due: some working days after the dossier was submitted.
    public var due: CalendarDate?
    public var overdue: Bool

    package init(
        item: String, kind: ChecklistItem.Kind, name: String, neededBy: String, doneAt: String?, doneBy: String?,
        fileName: String?, contentType: String?, size: Int?, due: CalendarDate?, overdue: Bool
    ) {
        self.item = item
        self.kind = kind
        self.name = name
        self.neededBy = neededBy
        self.doneAt = doneAt
        self.doneBy = doneBy
        self.fileName = fileName
        self.contentType = contentType
        self.size = size
        self.due = due
        self.overdue = overdue
    }
}
