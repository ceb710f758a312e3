/// Where a need–NGO pair stands on its way to an approved project, and how it got there.
package struct PipelinePair: Hashable, Sendable, Codable {
    package let need: NeedID
    package let province: ProvinceID
    package let ngo: NGOID
    package var stage: String
    /// When it reached its stage.
    package var since: String
    package var moves: [PipelineMove]

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
package struct PipelineMove: Hashable, Sendable, Codable {
    package let stage: String
    package let at: String
    package let by: String
    /// `cli`, `stdio`, `tcp`, `mcp`, `web`, or `token` for a client that presented one.
    package let door: String
    package let reason: String?
    package let decisionNumber: String?
    package let decisionDate: CalendarDate?
    package let authority: String?
    package let note: String?

    package init(
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

    package var given: Set<MoveField> {
        var fields: Set<MoveField> = []
        if reason?.isEmpty == false { fields.insert(.reason) }
        if decisionNumber?.isEmpty == false { fields.insert(.decisionNumber) }
        if decisionDate != nil { fields.insert(.decisionDate) }
        if authority?.isEmpty == false { fields.insert(.authority) }
        return fields
    }
}

/// One item of a pair's approval dossier and how it stands.
package struct DossierItem: Hashable, Sendable, Codable {
    package let item: String
    package let kind: ChecklistItem.Kind
    package let name: String
    package let neededBy: String
    package var doneAt: String?
    package var doneBy: String?
    /// The uploaded document's name, as stored (never a path).
    package var fileName: String?
    package var contentType: String?
    package var size: Int?
    /// For an opinion, the day it is due: some working days after the dossier was submitted.
    package var due: CalendarDate?
    package var overdue: Bool

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
