import Foundation
import NGOMatchCore
import NGOMatchStore

/// A pair as its two sides and the ministry read it: its history, its dossier with what is
/// due and overdue, and the requests that brought it here.
package struct PipelineDetails: Encodable, Sendable {
    package let pair: PipelinePair
    package let needTitle: String
    package let provinceName: String
    package let ngoName: String
    package let stageName: String
    package let stages: [StageDefinition]
    package let dossier: [DossierItem]
    package let requests: [InterestRequest]
}

/// One pair in a list, with the names a reader needs.
package struct PipelineEntry: Encodable, Sendable, Hashable {
    package let need: NeedID
    package let needTitle: String
    package let province: ProvinceID
    package let provinceName: String
    package let ngo: NGOID
    package let ngoName: String
    package let stage: String
    package let since: String
    package let daysAtStage: Int
    package let stalled: Bool
}

extension MatchService {
    /// A pair still on its way that has not moved in this many days is stalled.
    package static let stalledAfterDays = 30

    package func checklist() throws -> ApprovalChecklist {
        (try? ChecklistParser.parse(try registry.checklistText(), file: "approval_checklist"))
            ?? Registry.shippedChecklist
    }

    package func movePipeline(_ params: PipelineMoveParams, caller: Caller) throws -> PipelinePair {
        let method = PipelineMoveOperation.name
        let need = try registry.need(params.need)
        let ngo = try registry.ngo(named: params.ngo)
        try caller.mayRecordPartnership(province: need.province, ngo: ngo.id, method)
        let decisionDate = try day(params.decisionDate, field: "decisionDate")
        if let decisionDate, decisionDate > CalendarDate.today {
            throw ServiceError.invalidParams(field: "decisionDate", expected: .key("pipeline.futureDecision"))
        }
        func given(_ text: String?) -> String? {
            let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed?.isEmpty == false ? trimmed : nil
        }
        let move = PipelineMove(
            stage: params.stage, at: Registry.stamp(Date()), by: caller.actor, door: caller.door,
            reason: given(params.reason), decisionNumber: given(params.decisionNumber), decisionDate: decisionDate,
            authority: given(params.authority), note: given(params.note))
        return try registry.movePipeline(
            need: need.id, ngo: ngo.id, move, mayGoBack: caller.seesEverything,
            notices: { pair, checklist in
                guard let stage = checklist.stage(pair.stage) else { return [] }
                // Told: the other side of whoever moved it, or both when the ministry did.
                let sides: [InterestRequest.Side] =
                    switch caller.role {
                    case .province?: [.ngo]
                    case .ngo?: [.province]
                    default: [.province, .ngo]
                    }
                return sides.flatMap {
                    interestNotices(.moved(stage: stage), about: NoticePair(pair), to: $0, title: need.title)
                }
            }, audit: caller.audit(method))
    }

    package func pipelineDetails(_ params: PipelinePairParams, caller: Caller, language: Language = .en) throws
        -> PipelineDetails
    {
        let need = try registry.need(params.need)
        let ngo = try registry.ngo(named: params.ngo)
        try mayReadPair(province: need.province, ngo: ngo.id, caller: caller, PipelineShowOperation.name)
        guard let pair = try registry.pipelinePair(need: need.id, ngo: ngo.id) else {
            throw RegistryError.notFound(kind: "pair", id: "\(need.id) / \(ngo.id)", suggestions: [])
        }
        let checklist = try checklist()
        return PipelineDetails(
            pair: pair, needTitle: need.title,
            provinceName: reference.provinces[need.province]?.name.vi ?? need.province.rawValue, ngoName: ngo.name,
            stageName: checklist.stage(pair.stage)?.name(language) ?? pair.stage, stages: checklist.allStages,
            dossier: try dossier(pair, checklist: checklist, language: language),
            requests: try registry.interestRequests(need: need.id, ngo: ngo.id))
    }

    /// The dossier's items for a pair: what is done, and when each opinion is due, counted in
    /// working days from the day the dossier was submitted.
    func dossier(_ pair: PipelinePair, checklist: ApprovalChecklist, language: Language, today: CalendarDate = .today)
        throws -> [DossierItem]
    {
        let rows = Dictionary(
            try registry.dossierRows(need: pair.need, ngo: pair.ngo).map { ($0.item, $0) },
            uniquingKeysWith: { a, _ in a })
        let submitted = pair.moves.last { $0.stage == "dossier-submitted" }.flatMap {
            CalendarDate(String($0.at.prefix(10)))
        }
        return checklist.items.map { item in
            let row = rows[item.id]
            let due = item.dueWorkingDays.flatMap { days in
                submitted.map { Registry.workingCalendar.adding(workingDays: days, to: $0) }
            }
            return DossierItem(
                item: item.id, kind: item.kind, name: item.name(language), neededBy: item.neededBy,
                doneAt: row?.doneAt, doneBy: row?.doneBy, fileName: row?.fileName, contentType: row?.contentType,
                size: row?.size, due: due, overdue: row?.doneAt == nil && due.map { $0 < today } == true)
        }
    }

    package func pipelineEntries(_ params: PipelineListParams, caller: Caller, now: Date = Date()) throws
        -> [PipelineEntry]
    {
        let role = try reader(caller)
        let checklist = try checklist()
        if let stage = params.stage, checklist.stage(stage) == nil {
            throw ServiceError.invalidParams(
                field: "stage",
                expected: .sequence([
                    .key("pipeline.unknownStage", stage),
                    Suggestions.phrase(for: stage, among: checklist.allStages.map(\.id)),
                ]))
        }
        let province = try params.province.map { try reference.provinces.resolve($0).province.id }
        let ngo = try params.ngo.map { try registry.ngo(named: $0).id }
        let need = try params.need.map { try registry.need($0).id }
        let pairs = try registry.pipelinePairs(organisation: role).filter { pair in
            params.stage.map { $0 == pair.stage } ?? true && province.map { $0 == pair.province } ?? true
                && ngo.map { $0 == pair.ngo } ?? true && need.map { $0 == pair.need } ?? true
        }
        return try entries(of: pairs, checklist: checklist, now: now).filter { params.stalled != true || $0.stalled }
    }

    /// The pairs as a reader lists them: with their need's title, the names, and days at their stage.
    func entries(of pairs: [PipelinePair], checklist: ApprovalChecklist, now: Date) throws -> [PipelineEntry] {
        let today = CalendarDate(now)
        let titles = Dictionary(
            try registry.needs(ids: Set(pairs.map(\.need))).map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let names = Dictionary(
            try registry.ngos(ids: Set(pairs.map(\.ngo))).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return pairs.map { pair in
            let days = CalendarDate(String(pair.since.prefix(10))).map { today.dayNumber - $0.dayNumber } ?? 0
            let open = checklist.stage(pair.stage).map { !$0.isClosing && $0.id != checklist.stages.last?.id } ?? false
            return PipelineEntry(
                need: pair.need, needTitle: titles[pair.need] ?? pair.need.rawValue, province: pair.province,
                provinceName: reference.provinces[pair.province]?.name.vi ?? pair.province.rawValue, ngo: pair.ngo,
                ngoName: names[pair.ngo] ?? pair.ngo.rawValue, stage: pair.stage, since: pair.since,
                daysAtStage: days, stalled: open && days >= Self.stalledAfterDays)
        }
    }

    package func markDossierItem(_ params: DossierItemParams, caller: Caller, bytes: [UInt8]? = nil) throws
        -> DossierRow
    {
        let method = DossierItemOperation.name
        let need = try registry.need(params.need)
        let ngo = try registry.ngo(named: params.ngo)
        try caller.mayRecordPartnership(province: need.province, ngo: ngo.id, method)
        let checklist = try checklist()
        guard checklist.items.contains(where: { $0.id == params.item }) else {
            throw ServiceError.invalidParams(
                field: "item",
                expected: .sequence([
                    .key("dossier.unknownItem", params.item),
                    Suggestions.phrase(for: params.item, among: checklist.items.map(\.id)),
                ]))
        }
        var content = bytes
        if content == nil, let encoded = params.content {
            guard let decoded = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                throw ServiceError.invalidParams(field: "content", expected: .key("dossier.base64"))
            }
            content = Array(decoded)
        }
        var document: UploadedDocument?
        if let content {
            guard let name = params.fileName, !name.isEmpty else {
                throw ServiceError.invalidParams(field: "fileName", expected: .key("params.required"))
            }
            do {
                document = try UploadedDocument(fileName: name, bytes: content)
            } catch {
                throw ServiceError.invalidParams(field: "content", expected: error.phrase)
            }
        }
        return try registry.markDossierItem(
            need: need.id, ngo: ngo.id, item: params.item, done: params.done ?? true, document: document,
            by: caller.actor, audit: caller.audit(method))
    }

    /// An uploaded document, for its two sides and the ministry only.
    package func dossierDocument(need needID: String, ngo ngoName: String, item: String, caller: Caller) throws -> (
        fileName: String, contentType: String, bytes: Data
    ) {
        let need = try registry.need(needID)
        let ngo = try registry.ngo(named: ngoName)
        try mayReadPair(province: need.province, ngo: ngo.id, caller: caller, "pipeline.document")
        guard let document = try registry.dossierDocument(need: need.id, ngo: ngo.id, item: item) else {
            throw RegistryError.notFound(kind: "document", id: item, suggestions: [])
        }
        return document
    }

    package func replaceChecklist(_ params: ChecklistParams, caller: Caller) throws -> ApprovalChecklist {
        let method = ChecklistOperation.name
        if params.reset == true {
            try caller.mayHandle(.checklist, method)
            try registry.replaceChecklist(nil, audit: caller.audit(method))
        } else if let text = params.replace {
            try caller.mayHandle(.checklist, method)
            do {
                _ = try ChecklistParser.parse(text, file: "checklist")
            } catch {
                throw ServiceError.invalidParams(field: "replace", expected: error.phrase)
            }
            try registry.replaceChecklist(text, audit: caller.audit(method))
        }
        return try checklist()
    }

    /// - Throws: `forbidden` unless the caller is one of the pair's two sides, or sees everything.
    func mayReadPair(province: ProvinceID, ngo: NGOID, caller: Caller, _ method: String) throws {
        switch try reader(caller) {
        case nil, .ministry?: return
        case .province(let own)? where own == province: return
        case .ngo(let own)? where own == ngo: return
        case let role?:
            throw ServiceError.forbidden(
                .key("forbidden.partnership", method, role.description, province.rawValue, ngo.rawValue))
        }
    }
}
