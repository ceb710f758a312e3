import Foundation
import GRDB
import NGOMatchCore

/// The pipeline: one stage per pair someone acted on, every move kept with who made it and
/// through which door; a stage that stands for a partnership writes that record too, so track
/// record and load count an approved project without anyone typing it again.
extension Registry {
    /// Moves a pair by the checklist's rules, checked in the transaction that moves it.
    /// - Throws: `RegistryError.conflict` with why the move may not be made.
    package func movePipeline(
        need: NeedID, ngo: NGOID, _ move: PipelineMove, mayGoBack: Bool, now: Date = Date(),
        notices: (PipelinePair, ApprovalChecklist) -> [OutboxDraft], audit: AuditEntry
    ) throws -> PipelinePair {
        try change(audit: audit) { db in
            let checklist = try Self.checklist(db)
            let current = try Self.stage(need: need, ngo: ngo, db)
            let done = Set(try Self.dossierRows(need: need, ngo: ngo, db).filter { $0.doneAt != nil }.map(\.item))
            if let problem = checklist.problem(
                ApprovalChecklist.Move(
                    from: current, to: move.stage, given: move.given, itemsDone: done, mayGoBack: mayGoBack))
            {
                throw RegistryError.conflict(problem)
            }
            let changes = try Self.setStage(need: need, ngo: ngo, move, checklist: checklist, from: current, db)
            let pair = try Self.pipelinePair(need: need, ngo: ngo, db)!
            for notice in notices(pair, checklist) { try Self.enqueue(notice, db, at: now) }
            return AuditedChanges(value: pair, auditName: "pipeline \(need) \(ngo): \(move.stage)", changes: changes)
        }.value
    }

    /// Moves the pair to `stage` unless it is there or further already: an acceptance after the
    /// two have met does not set them back.
    static func reach(
        _ stage: String, need: NeedID, ngo: NGOID, _ move: PipelineMove, _ checklist: ApprovalChecklist,
        _ db: Database
    ) throws {
        let current = try Self.stage(need: need, ngo: ngo, db)
        if let current, let at = checklist.order(current), let target = checklist.order(stage), at >= target { return }
        if let current, checklist.stage(current)?.isClosing == true { return }
        try setStage(need: need, ngo: ngo, move, db)
    }

    /// Writes the move and the pair's stage; with the checklist, the partnership record its
    /// stage stands for (or none, for a closed pair reopened).
    @discardableResult
    static func setStage(
        need: NeedID, ngo: NGOID, _ move: PipelineMove, checklist: ApprovalChecklist? = nil, from: String? = nil,
        _ db: Database
    ) throws -> RecordChanges {
        try db.execute(
            sql: """
                INSERT INTO pipeline_move (need_id, ngo_id, stage, at, by, door, reason, decision_number,
                    decision_date, authority, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                need.rawValue, ngo.rawValue, move.stage, move.at, move.by, move.door, move.reason, move.decisionNumber,
                move.decisionDate?.description, move.authority, move.note,
            ])
        try db.execute(
            sql: """
                INSERT INTO pipeline (need_id, ngo_id, stage, since) VALUES (?, ?, ?, ?)
                ON CONFLICT (need_id, ngo_id) DO UPDATE SET stage = excluded.stage, since = excluded.since
                """, arguments: [need.rawValue, ngo.rawValue, move.stage, move.at])
        var changes = RecordChanges()
        guard let checklist, let target = checklist.stage(move.stage) else { return changes }
        if let status = target.partnership {
            let note = [move.decisionNumber, move.authority, move.reason].compactMap { $0 }.joined(separator: " · ")
            try upsert(
                Partnership(
                    need: need, ngo: ngo, status: status, note: note.isEmpty ? nil : note, recordedAt: move.at), db)
            changes.partnerships = [[need.rawValue, ngo.rawValue]]
        } else if let from, checklist.stage(from)?.partnership != nil {
            try db.execute(
                sql: "DELETE FROM partnership WHERE need_id = ? AND ngo_id = ?",
                arguments: [need.rawValue, ngo.rawValue])
            changes.partnerships = [[need.rawValue, ngo.rawValue]]
        }
        return changes
    }

    static func stage(need: NeedID, ngo: NGOID, _ db: Database) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT stage FROM pipeline WHERE need_id = ? AND ngo_id = ?",
            arguments: [need.rawValue, ngo.rawValue])
    }

    package func pipelinePair(need: NeedID, ngo: NGOID) throws -> PipelinePair? {
        try database.read { db in try Self.pipelinePair(need: need, ngo: ngo, db) }
    }

    static func pipelinePair(need: NeedID, ngo: NGOID, _ db: Database) throws -> PipelinePair? {
        try pipelinePairs(db, where: "p.need_id = ? AND p.ngo_id = ?", [need.rawValue, ngo.rawValue], moves: true)
            .first
    }

    /// Pairs, newest move first, of one organisation or all; without their moves unless asked.
    package func pipelinePairs(organisation: Role? = nil, moves: Bool = false) throws -> [PipelinePair] {
        let (condition, arguments): (String, [any DatabaseValueConvertible]) =
            switch organisation {
            case .province(let id)?: ("n.province_id = ?", [id.rawValue])
            case .ngo(let id)?: ("p.ngo_id = ?", [id.rawValue])
            case .ministry?, nil: ("1", [])
            }
        return try database.read { db in try Self.pipelinePairs(db, where: condition, arguments, moves: moves) }
    }

    static func pipelinePairs(
        _ db: Database, where condition: String, _ arguments: [any DatabaseValueConvertible], moves: Bool
    ) throws -> [PipelinePair] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT p.need_id, p.ngo_id, p.stage, p.since, n.province_id FROM pipeline p
                JOIN need n ON n.id = p.need_id WHERE \(condition) ORDER BY p.since DESC, p.need_id, p.ngo_id
                """, arguments: StatementArguments(arguments))
        var history: [String: [PipelineMove]] = [:]
        if moves {
            // Every pair's moves in one read: the ministry's figures need them all.
            let wanted = Set(rows.map { "\($0["need_id"] as String)\t\($0["ngo_id"] as String)" })
            for row in try Row.fetchAll(db, sql: "SELECT * FROM pipeline_move ORDER BY id") {
                let key = "\(row["need_id"] as String)\t\(row["ngo_id"] as String)"
                guard wanted.contains(key) else { continue }
                history[key, default: []].append(
                    PipelineMove(
                        stage: row["stage"], at: row["at"], by: row["by"], door: row["door"], reason: row["reason"],
                        decisionNumber: row["decision_number"],
                        decisionDate: (row["decision_date"] as String?).flatMap(CalendarDate.init),
                        authority: row["authority"], note: row["note"]))
            }
        }
        return rows.map { row in
            let need: String = row["need_id"]
            let ngo: String = row["ngo_id"]
            return PipelinePair(
                need: NeedID(need), province: ProvinceID(row["province_id"]), ngo: NGOID(ngo), stage: row["stage"],
                since: row["since"], moves: history["\(need)\t\(ngo)"] ?? [])
        }
    }
}
