import Foundation
import GRDB
import NGOMatchCore

/// What a side asks: checked by the service for who may ask it.
package struct InterestDraft: Sendable {
    package let need: NeedID
    package let province: ProvinceID
    package let ngo: NGOID
    package let from: InterestRequest.Side
    package let by: String
    package let message: String
    package let amount: Double?
    package let currency: String?
    package let timeframe: String?

    package init(
        need: NeedID, province: ProvinceID, ngo: NGOID, from: InterestRequest.Side, by: String, message: String,
        amount: Double?, currency: String?, timeframe: String?
    ) {
        self.need = need
        self.province = province
        self.ngo = ngo
        self.from = from
        self.by = by
        self.message = message
        self.amount = amount
        self.currency = currency
        self.timeframe = timeframe
    }
}

/// Interest both ways: one method per transaction, each writing its notices with it.
extension Registry {
    /// Writes a request; when the other side has one open for the pair, both become mutual and
    /// the pair moves to "interested" without an answer. The pair joins the pipeline at its first stage.
    /// - Throws: `RegistryError.conflict` for a closed pair, a request already open, or the cap reached.
    package func expressInterest(
        _ draft: InterestDraft, door: String, now: Date = Date(),
        notices: (InterestOutcome, ApprovalChecklist) -> [OutboxDraft], audit: AuditEntry
    ) throws -> InterestOutcome {
        try change(audit: audit, revises: false) { db in
            let checklist = try Self.checklist(db)
            let settings = try Self.interestSettings(db)
            let stamp = Self.stamp(now)
            if let current = try Self.stage(need: draft.need, ngo: draft.ngo, db),
                let defined = checklist.stage(current), defined.isClosing
            {
                throw RegistryError.conflict(.key("interest.pairClosed", defined.en, checklist.first.en))
            }
            let open = try Self.interestRequests(
                db, where: "need_id = ? AND ngo_id = ? AND status = 'open'",
                [draft.need.rawValue, draft.ngo.rawValue])
            if let same = open.first(where: { $0.from == draft.from }) {
                throw RegistryError.conflict(.key("interest.alreadyOpen", "\(same.id)"))
            }
            let mine =
                draft.from == .province
                ? ("province_id = ? AND from_side = 'province'", draft.province.rawValue)
                : ("ngo_id = ? AND from_side = 'ngo'", draft.ngo.rawValue)
            let openCount =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM interest WHERE \(mine.0) AND status = 'open'",
                    arguments: [mine.1]) ?? 0
            let other = open.first { $0.from == draft.from.other }
            if other == nil, openCount >= settings.openCap {
                throw RegistryError.conflict(.key("interest.cap", "\(openCount)", "\(settings.openCap)"))
            }
            let expires = Self.stamp(now.addingTimeInterval(Double(settings.expiryDays) * 24 * 3600))
            try db.execute(
                sql: """
                    INSERT INTO interest (need_id, ngo_id, province_id, from_side, by, message, amount, currency,
                        timeframe, status, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    draft.need.rawValue, draft.ngo.rawValue, draft.province.rawValue, draft.from.rawValue, draft.by,
                    draft.message, draft.amount, draft.currency, draft.timeframe,
                    other == nil ? "open" : "mutual", stamp, expires,
                ])
            let id = Int(db.lastInsertedRowID)
            if try Self.stage(need: draft.need, ngo: draft.ngo, db) == nil {
                try Self.setStage(
                    need: draft.need, ngo: draft.ngo,
                    PipelineMove(stage: checklist.first.id, at: stamp, by: draft.by, door: door), db)
            }
            var connected: InterestRequest?
            if let other {
                try db.execute(
                    sql: "UPDATE interest SET status = 'mutual', answered_at = ? WHERE id = ?",
                    arguments: [stamp, other.id])
                connected = try Self.interestRequest(other.id, db)
                try Self.reach(
                    "interested", need: draft.need, ngo: draft.ngo,
                    PipelineMove(stage: "interested", at: stamp, by: draft.by, door: door, note: "mutual interest"),
                    checklist, db)
            }
            let outcome = InterestOutcome(request: try Self.interestRequest(id, db)!, connectedWith: connected)
            for notice in notices(outcome, checklist) { try Self.enqueue(notice, db, at: now) }
            return Audited(value: outcome, auditName: "interest \(id): \(draft.need) \(draft.ngo)")
        }.value
    }

    /// Answers an open request (accepted or declined, by the other side) or takes it back
    /// (withdrawn, by the side that asked); an acceptance moves the pair to "interested", a
    /// decline closes it with the reason.
    package func answerInterest(
        _ id: Int, status: InterestRequest.Status, reason: DeclineReason?, answer: String?, by: String, door: String,
        now: Date = Date(), notices: (InterestRequest) -> [OutboxDraft], audit: AuditEntry
    ) throws -> InterestRequest {
        try change(audit: audit) { db in
            guard let request = try Self.interestRequest(id, db) else {
                throw RegistryError.notFound(kind: "interest", id: "\(id)", suggestions: [])
            }
            guard request.status == .open else {
                throw RegistryError.conflict(.key("interest.notOpen", "\(id)", request.status.rawValue))
            }
            let stamp = Self.stamp(now)
            try db.execute(
                sql: """
                    UPDATE interest SET status = ?, answered_at = ?, answered_by = ?, reason = ?, answer = ?
                    WHERE id = ?
                    """,
                arguments: [status.rawValue, stamp, by, reason?.rawValue, answer, id])
            let checklist = try Self.checklist(db)
            var changes = RecordChanges()
            switch status {
            case .accepted:
                try Self.reach(
                    "interested", need: request.need, ngo: request.ngo,
                    PipelineMove(stage: "interested", at: stamp, by: by, door: door, note: answer), checklist, db)
            case .declined:
                let closing = checklist.closings.first { $0.partnership == .declined } ?? checklist.closings[0]
                let said = [reason?.rawValue, answer].compactMap { $0 }.joined(separator: ": ")
                try Self.setStage(
                    need: request.need, ngo: request.ngo,
                    PipelineMove(stage: closing.id, at: stamp, by: by, door: door, reason: said), db)
                if let status = closing.partnership {
                    try Self.upsert(
                        Partnership(
                            need: request.need, ngo: request.ngo, status: status, note: said, recordedAt: stamp), db)
                    changes.partnerships = [[request.need.rawValue, request.ngo.rawValue]]
                }
            default: break
            }
            let answered = try Self.interestRequest(id, db)!
            for notice in notices(answered) { try Self.enqueue(notice, db, at: now) }
            return AuditedChanges(value: answered, auditName: "interest \(id): \(status.rawValue)", changes: changes)
        }.value
    }

    /// Adds a message to a request's thread.
    package func addInterestMessage(
        _ id: Int, side: InterestRequest.Side?, by: String, text: String, now: Date = Date(),
        notices: (InterestRequest, InterestMessage) -> [OutboxDraft], audit: AuditEntry
    ) throws -> InterestMessage {
        try change(audit: audit, revises: false) { db in
            guard let request = try Self.interestRequest(id, db) else {
                throw RegistryError.notFound(kind: "interest", id: "\(id)", suggestions: [])
            }
            try db.execute(
                sql: "INSERT INTO interest_message (interest_id, side, by, text, at) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, side?.rawValue, by, text, Self.stamp(now)])
            let message = InterestMessage(
                id: Int(db.lastInsertedRowID), request: id, side: side, by: by, text: text, at: Self.stamp(now))
            for notice in notices(request, message) { try Self.enqueue(notice, db, at: now) }
            return Audited(value: message, auditName: "interest \(id): message \(message.id)")
        }.value
    }

    /// Open requests past their time become expired, with the notices that tell so.
    package func expireInterest(now: Date = Date(), notices: (InterestRequest) -> [OutboxDraft]) throws -> Int {
        try change(revises: false) { db in
            let due = try Self.interestRequests(
                db, where: "status = 'open' AND expires_at <= ?", [Self.stamp(now)])
            for request in due {
                try db.execute(sql: "UPDATE interest SET status = 'expired' WHERE id = ?", arguments: [request.id])
                var expired = request
                expired.status = .expired
                for notice in notices(expired) { try Self.enqueue(notice, db, at: now) }
            }
            return Audited(unaudited: due.count)
        }.value
    }

    package func interestRequest(_ id: Int) throws -> InterestRequest {
        guard let request = try database.read({ db in try Self.interestRequest(id, db) }) else {
            throw RegistryError.notFound(kind: "interest", id: "\(id)", suggestions: [])
        }
        return request
    }

    package func interestMessages(_ id: Int) throws -> [InterestMessage] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM interest_message WHERE interest_id = ? ORDER BY id", arguments: [id]
            ).map {
                InterestMessage(
                    id: $0["id"], request: $0["interest_id"],
                    side: ($0["side"] as String?).flatMap(InterestRequest.Side.init(rawValue:)), by: $0["by"],
                    text: $0["text"], at: $0["at"])
            }
        }
    }

    /// Requests, newest first, of one organisation (`province:ID`, `ngo:ID`) or all.
    package func interestRequests(
        organisation: Role? = nil, need: NeedID? = nil, ngo: NGOID? = nil, status: InterestRequest.Status? = nil
    ) throws -> [InterestRequest] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        switch organisation {
        case .province(let id)?:
            conditions.append("province_id = ?")
            arguments.append(id.rawValue)
        case .ngo(let id)?:
            conditions.append("ngo_id = ?")
            arguments.append(id.rawValue)
        case .ministry?, nil: break
        }
        if let need {
            conditions.append("need_id = ?")
            arguments.append(need.rawValue)
        }
        if let ngo {
            conditions.append("ngo_id = ?")
            arguments.append(ngo.rawValue)
        }
        if let status {
            conditions.append("status = ?")
            arguments.append(status.rawValue)
        }
        return try database.read { db in
            try Self.interestRequests(
                db, where: conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments)
        }
    }

    static func interestRequest(_ id: Int, _ db: Database) throws -> InterestRequest? {
        try interestRequests(db, where: "id = ?", [id]).first
    }

    static func interestRequests(_ db: Database, where condition: String, _ arguments: [any DatabaseValueConvertible])
        throws -> [InterestRequest]
    {
        try Row.fetchAll(
            db, sql: "SELECT * FROM interest WHERE \(condition) ORDER BY id DESC",
            arguments: StatementArguments(arguments)
        ).map { row in
            InterestRequest(
                id: row["id"], need: NeedID(row["need_id"]), province: ProvinceID(row["province_id"]),
                ngo: NGOID(row["ngo_id"]), from: InterestRequest.Side(rawValue: row["from_side"]) ?? .ngo,
                by: row["by"], message: row["message"], amount: row["amount"], currency: row["currency"],
                timeframe: row["timeframe"], status: InterestRequest.Status(rawValue: row["status"]) ?? .open,
                createdAt: row["created_at"], expiresAt: row["expires_at"], answeredAt: row["answered_at"],
                answeredBy: row["answered_by"], reason: (row["reason"] as String?).flatMap(DeclineReason.init),
                answer: row["answer"])
        }
    }
}

/// A change's result that also says which records it touched (a partnership a decline records).
struct AuditedChanges<Value>: AuditedRecord {
    let value: Value
    let auditName: String
    let changes: RecordChanges
    var changedRecords: RecordChanges? { changes }
}
