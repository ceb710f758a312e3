import NGOMatchCore

public struct PipelineMoveParams: OperationParams {
    public static let parameters = [
        Parameter("need", .text, required: true, "The need's id."), Parameter.ngo,
        Parameter("stage", .text, required: true, "The stage to move to (pipeline.checklist lists them)."),
        Parameter("reason", .text, "Why: required to decline, withdraw or record a refusal."),
        Parameter("decisionNumber", .text, "The approval decision's number (to move to approved)."),
        Parameter("decisionDate", .text, "The decision's date, YYYY-MM-DD."),
        Parameter("authority", .text, "Who approved (e.g. the provincial People's Committee)."),
        Parameter("note", .text, "A note for the history."),
    ]
    public var need: String
    public var ngo: String
    public var stage: String
    public var reason: String?
    public var decisionNumber: String?
    public var decisionDate: String?
    public var authority: String?
    public var note: String?

    public init(
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

public struct PipelineListParams: OperationParams {
    public static let parameters = [
        Parameter("stage", .text, "Only pairs at this stage."),
        Parameter("need", .text, "Only this need's pairs."),
        Parameter("province", .text, "Only this province's pairs (any of its names)."),
        Parameter("ngo", .text, "Only this NGO's pairs."),
        Parameter("stalled", .boolean, "Only open pairs that have not moved in 30 days."),
    ]
    public var stage: String?
    public var need: String?
    public var province: String?
    public var ngo: String?
    public var stalled: Bool?

    public init(
        stage: String? = nil, need: String? = nil, province: String? = nil, ngo: String? = nil, stalled: Bool? = nil
    ) {
        self.stage = stage
        self.need = need
        self.province = province
        self.ngo = ngo
        self.stalled = stalled
    }
}

public struct PipelinePairParams: OperationParams {
    public static let parameters = [Parameter("need", .text, required: true, "The need's id."), Parameter.ngo]
    public var need: String
    public var ngo: String

    public init(need: String, ngo: String) {
        self.need = need
        self.ngo = ngo
    }
}

public struct DossierItemParams: OperationParams {
    public static let parameters = [
        Parameter("need", .text, required: true, "The need's id."), Parameter.ngo,
        Parameter("item", .text, required: true, "The checklist item's id (e.g. project-document)."),
        Parameter("done", .boolean, "Mark it done (the default) or not done."),
        Parameter("fileName", .text, "The uploaded document's name, with its extension."),
        Parameter("content", .text, "The document itself, in base64 (at most 10 MB)."),
    ]
    public var need: String
    public var ngo: String
    public var item: String
    public var done: Bool?
    public var fileName: String?
    public var content: String?

    public init(
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

public struct PipelineFiguresParams: OperationParams {
    public static let parameters = [
        Parameter("by", .choice(["province", "sector", "ngo"]), "How to group the figures (default province).")
    ]
    public var by: String?

    public init(by: String? = nil) { self.by = by }
}

public struct ChecklistParams: OperationParams {
    public static let parameters = [
        Parameter("replace", .text, "A new checklist in YAML, checked before it replaces the one in force."),
        Parameter("reset", .boolean, "Go back to the shipped checklist."),
    ]
    public var replace: String?
    public var reset: Bool?

    public init(replace: String? = nil, reset: Bool? = nil) {
        self.replace = replace
        self.reset = reset
    }
}
