import NGOMatchCore

package struct PipelineMoveParams: OperationParams {
    package static let parameters = [
        Parameter("need", .text, required: true, "The need's id."), Parameter.ngo,
        Parameter("stage", .text, required: true, "The stage to move to (pipeline.checklist lists them)."),
        Parameter("reason", .text, "Why: required to decline, withdraw or record a refusal."),
        Parameter("decisionNumber", .text, "The approval decision's number (to move to approved)."),
        Parameter("decisionDate", .text, "The decision's date, YYYY-MM-DD."),
        Parameter("authority", .text, "Who approved (e.g. the provincial People's Committee)."),
        Parameter("note", .text, "A note for the history."),
    ]
    package var need: String
    package var ngo: String
    package var stage: String
    package var reason: String?
    package var decisionNumber: String?
    package var decisionDate: String?
    package var authority: String?
    package var note: String?

    package init(
        need: String, ngo: String, stage: String, reason: String? = nil, decisionNumber: String? = nil,
        decisionDate: String? = nil, authority: String? = nil, note: String? = nil
    ) {
        self.need = need
        self.ngo = ngo
        self.stage = stage
        self.reason = reason
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.authority = authority
        self.note = note
    }
}

package struct PipelineListParams: OperationParams {
    package static let parameters = [
        Parameter("stage", .text, "Only pairs at this stage."),
        Parameter("need", .text, "Only this need's pairs."),
        Parameter("province", .text, "Only this province's pairs (any of its names)."),
        Parameter("ngo", .text, "Only this NGO's pairs."),
        Parameter("stalled", .boolean, "Only open pairs that have not moved in 30 days."),
    ]
    package var stage: String?
    package var need: String?
    package var province: String?
    package var ngo: String?
    package var stalled: Bool?

    package init(
        stage: String? = nil, need: String? = nil, province: String? = nil, ngo: String? = nil, stalled: Bool? = nil
    ) {
        self.stage = stage
        self.need = need
        self.province = province
        self.ngo = ngo
        self.stalled = stalled
    }
}

package struct PipelinePairParams: OperationParams {
    package static let parameters = [Parameter("need", .text, required: true, "The need's id."), Parameter.ngo]
    package var need: String
    package var ngo: String

    package init(need: String, ngo: String) {
        self.need = need
        self.ngo = ngo
    }
}

package struct DossierItemParams: OperationParams {
    package static let parameters = [
        Parameter("need", .text, required: true, "The need's id."), Parameter.ngo,
        Parameter("item", .text, required: true, "The checklist item's id (e.g. project-document)."),
        Parameter("done", .boolean, "Mark it done (the default) or not done."),
        Parameter("fileName", .text, "The uploaded document's name, with its extension."),
        Parameter("content", .text, "The document itself, in base64 (at most 10 MB)."),
    ]
    package var need: String
    package var ngo: String
    package var item: String
    package var done: Bool?
    package var fileName: String?
    package var content: String?

    package init(
        need: String, ngo: String, item: String, done: Bool? = nil, fileName: String? = nil, content: String? = nil
    ) {
        self.need = need
        self.ngo = ngo
        self.item = item
        self.done = done
        self.fileName = fileName
        self.content = content
    }
}

package struct PipelineFiguresParams: OperationParams {
    package static let parameters = [
        Parameter("by", .choice(["province", "sector", "ngo"]), "How to group the figures (default province).")
    ]
    package var by: String?

    package init(by: String? = nil) { self.by = by }
}

package struct ChecklistParams: OperationParams {
    package static let parameters = [
        Parameter("replace", .text, "A new checklist in YAML, checked before it replaces the one in force."),
        Parameter("reset", .boolean, "Go back to the shipped checklist."),
    ]
    package var replace: String?
    package var reset: Bool?

    package init(replace: String? = nil, reset: Bool? = nil) {
        self.replace = replace
        self.reset = reset
    }
}
