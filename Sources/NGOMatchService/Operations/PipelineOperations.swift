import NGOMatchCore
import NGOMatchStore

package enum PipelineMoveOperation: ServiceOperation {
    package static let name = "pipeline.move"
    package static let command = "pipeline move"
    package static let access = Access.write("the pair's province or NGO; the ministry (who may also move it back)")
    package static let summary = "Moves a pair to a stage."
    package static let guidance =
        "Moves a need–NGO pair forward: contacted, interested, met, concept-note, agreed, dossier-submitted, approved, implementing, completed; or closes it as declined, withdrawn or not-approved with a reason. Approved needs decisionNumber, decisionDate and authority, and the dossier's items done; an approved pair is recorded as a partnership and counts in track record and load."
    package static let example = #"{"need":"cao-bang-1","ngo":"MCNV","stage":"met","note":"Met in Hà Nội"}"#
    package static let commandExample = [
        "pipeline", "move", "--need", "cao-bang-1", "--ngo", "MCNV", "--stage", "met", "--note", "Met in Hà Nội",
    ]
    package static func run(_ service: MatchService, _ params: PipelineMoveParams, caller: Caller) throws
        -> PipelinePair
    {
        try service.movePipeline(params, caller: caller)
    }
}

package enum PipelineListOperation: ServiceOperation {
    package static let name = "pipeline.list"
    package static let command = "pipeline list"
    package static let access = Access.read
    package static let cost = OperationEntry.Cost.uncached
    package static let summary = "Pairs on their way to a project."
    package static let guidance =
        "Every pair someone acted on, with its stage and days there: the caller's own, or all for the ministry. Filter by stage, province, NGO, or stalled (no move in 30 days)."
    package static let example = #"{"stalled":true}"#
    package static let commandExample = ["pipeline", "list", "--stalled"]
    package static func run(_ service: MatchService, _ params: PipelineListParams, caller: Caller) throws
        -> [PipelineEntry]
    {
        try service.pipelineEntries(params, caller: caller)
    }
}

package enum PipelineShowOperation: ServiceOperation {
    package static let name = "pipeline.show"
    package static let command = "pipeline show"
    package static let access = Access.read
    package static let cost = OperationEntry.Cost.uncached
    package static let summary = "One pair: its history and dossier."
    package static let guidance =
        "A pair's stage, every move (who, when, through which door, with what it required), the approval dossier's items with due and overdue opinions, and its requests. Only its two sides and the ministry may read it."
    package static let example = #"{"need":"cao-bang-1","ngo":"MCNV"}"#
    package static let commandExample = ["pipeline", "show", "--need", "cao-bang-1", "--ngo", "MCNV"]
    package static func run(_ service: MatchService, _ params: PipelinePairParams, caller: Caller) throws
        -> PipelineDetails
    {
        try service.pipelineDetails(params, caller: caller)
    }
}

package enum DossierItemOperation: ServiceOperation {
    package static let name = "pipeline.item"
    package static let command = "pipeline item"
    package static let access = Access.write("the pair's province or NGO; the ministry")
    package static let summary = "Marks a dossier item done, with its document."
    package static let guidance =
        "Marks an item of a pair's approval dossier done (or not, with done false), optionally with the document itself: fileName and content in base64, at most 10 MB, PDF, Word, OpenDocument, Excel, JPEG or PNG."
    package static let example = #"{"need":"cao-bang-1","ngo":"MCNV","item":"donor-commitment"}"#
    package static let commandExample = [
        "pipeline", "item", "--need", "cao-bang-1", "--ngo", "MCNV", "--item", "donor-commitment",
    ]
    package static func run(_ service: MatchService, _ params: DossierItemParams, caller: Caller) throws -> DossierRow {
        try service.markDossierItem(params, caller: caller)
    }
}

package enum PipelineFiguresOperation: ServiceOperation {
    package static let name = "pipeline.figures"
    package static let command = "pipeline figures"
    package static let access = Access.read
    package static let cost = OperationEntry.Cost.uncached
    package static let summary = "The pipeline's figures, for the ministry."
    package static let guidance =
        "Per province, sector or NGO: pairs by stage and stalled pairs; over all, the median days from each stage to the next, and the stalled pairs themselves."
    package static let example = #"{"by":"sector"}"#
    package static let commandExample = ["pipeline", "figures", "--by", "sector"]
    package static func run(_ service: MatchService, _ params: PipelineFiguresParams, caller: Caller) throws
        -> PipelineFigures
    {
        try service.pipelineFigures(params, caller: caller)
    }
}

package enum ChecklistOperation: ServiceOperation {
    package static let name = "pipeline.checklist"
    package static let command = "pipeline checklist"
    package static let access = Access.write("the ministry, to replace it; anyone to read it")
    package static let summary = "The stages and the approval dossier's items."
    package static let guidance =
        "The checklist in force: the stages a pair goes through, what each requires, and the dossier's items. The ministry replaces it with a checked YAML text (replace) or goes back to the shipped one (reset)."
    package static let example = #"{}"#
    package static let commandExample = ["pipeline", "checklist"]
    package static func run(_ service: MatchService, _ params: ChecklistParams, caller: Caller) throws
        -> ApprovalChecklist
    {
        try service.replaceChecklist(params, caller: caller)
    }
}
