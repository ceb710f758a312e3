import NGOMatchCore
import NGOMatchStore

public enum PipelineMoveOperation: ServiceOperation {
    public static let name = "pipeline.move"
    public static let command = "pipeline move"
    public static let access = Access.write("the pair's province or NGO; the ministry (who may also move it back)")
    public static let summary = "Moves a pair to a stage."
    public static let guidance =
        "Moves a need–NGO pair forward: contacted, interested, met, concept-note, agreed, dossier-submitted, approved, implementing, completed; or closes it as declined, withdrawn or not-approved with a reason. Approved needs decisionNumber, decisionDate and authority, and the dossier's items done; an approved pair is recorded as a partnership and counts in track record and load."
    public static let example = #"{"need":"cao-bang-1","ngo":"MCNV","stage":"met","note":"Met in Hà Nội"}"#
    public static let commandExample = [
        "pipeline", "move", "--need", "cao-bang-1", "--ngo", "MCNV", "--stage", "met", "--note", "Met in Hà Nội",
    ]
    public static func run(_ service: MatchService, _ params: PipelineMoveParams, caller: Caller) throws
        -> PipelinePair
    {
        try service.movePipeline(params, caller: caller)
    }
}

public enum PipelineListOperation: ServiceOperation {
    public static let name = "pipeline.list"
    public static let command = "pipeline list"
    public static let access = Access.read
    public static let cost = OperationEntry.Cost.uncached
    public static let summary = "Pairs on their way to a project."
    public static let guidance =
        "Every pair someone acted on, with its stage and days there: the caller's own, or all for the ministry. Filter by stage, province, NGO, or stalled (no move in 30 days)."
    public static let example = #"{"stalled":true}"#
    public static let commandExample = ["pipeline", "list", "--stalled"]
    public static func run(_ service: MatchService, _ params: PipelineListParams, caller: Caller) throws
        -> [PipelineEntry]
    {
        try service.pipelineEntries(params, caller: caller)
    }
}

public enum PipelineShowOperation: ServiceOperation {
    public static let name = "pipeline.show"
    public static let command = "pipeline show"
    public static let access = Access.read
    public static let cost = OperationEntry.Cost.uncached
    public static let summary = "One pair: its history and dossier."
    public static let guidance =
        "A pair's stage, every move (who, when, through which door, with what it required), the approval dossier's items with due and overdue opinions, and its requests. Only its two sides and the ministry may read it."
    public static let example = #"{"need":"cao-bang-1","ngo":"MCNV"}"#
    public static let commandExample = ["pipeline", "show", "--need", "cao-bang-1", "--ngo", "MCNV"]
    public static func run(_ service: MatchService, _ params: PipelinePairParams, caller: Caller) throws
        -> PipelineDetails
    {
        try service.pipelineDetails(params, caller: caller)
    }
}

public enum DossierItemOperation: ServiceOperation {
    public static let name = "pipeline.item"
    public static let command = "pipeline item"
    public static let access = Access.write("the pair's province or NGO; the ministry")
    public static let summary = "Marks a dossier item done, with its document."
    public static let guidance =
        "Marks an item of a pair's approval dossier done (or not, with done false), optionally with the document itself: fileName and content in base64, at most 10 MB, PDF, Word, OpenDocument, Excel, JPEG or PNG."
    public static let example = #"{"need":"cao-bang-1","ngo":"MCNV","item":"donor-commitment"}"#
    public static let commandExample = [
        "pipeline", "item", "--need", "cao-bang-1", "--ngo", "MCNV", "--item", "donor-commitment",
    ]
    public static func run(_ service: MatchService, _ params: DossierItemParams, caller: Caller) throws -> DossierRow {
        try service.markDossierItem(params, caller: caller)
    }
}

public enum PipelineFiguresOperation: ServiceOperation {
    public static let name = "pipeline.figures"
    public static let command = "pipeline figures"
    public static let access = Access.read
    public static let cost = OperationEntry.Cost.uncached
    public static let summary = "The pipeline's figures, for the ministry."
    public static let guidance =
        "Per province, sector or NGO: pairs by stage and stalled pairs; over all, the median days from each stage to the next, and the stalled pairs themselves."
    public static let example = #"{"by":"sector"}"#
    public static let commandExample = ["pipeline", "figures", "--by", "sector"]
    public static func run(_ service: MatchService, _ params: PipelineFiguresParams, caller: Caller) throws
        -> PipelineFigures
    {
        try service.pipelineFigures(params, caller: caller)
    }
}

public enum ChecklistOperation: ServiceOperation {
    public static let name = "pipeline.checklist"
    public static let command = "pipeline checklist"
    public static let access = Access.write("the ministry, to replace it; anyone to read it")
    public static let summary = "The stages and the approval dossier's items."
    public static let guidance =
        "The checklist in force: the stages a pair goes through, what each requires, and the dossier's items. The ministry replaces it with a checked YAML text (replace) or goes back to the shipped one (reset)."
    public static let example = #"{}"#
    public static let commandExample = ["pipeline", "checklist"]
    public static func run(_ service: MatchService, _ params: ChecklistParams, caller: Caller) throws
        -> ApprovalChecklist
    {
        try service.replaceChecklist(params, caller: caller)
    }
}
