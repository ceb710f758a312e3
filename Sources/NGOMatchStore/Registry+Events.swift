import Foundation
import GRDB
import NGOMatchCore
import NGOMatchPlanner

/// A change's result named for the audit trail, for writes whose result names nothing itself.
struct Audited<Value>: AuditedRecord {
    let value: Value
    let auditName: String
    var changedRankings = true
}

extension Audited {
    /// A write that is no record of its own (a claim, a try, a read mark): passed no audit entry.
    init(unaudited value: Value) { self.init(value: value, auditName: "") }
}

/// Meeting events: one method per transaction. The service checks who may do what and what
/// the values mean; here every write is all or nothing, bumps the revision and is audited.
extension Registry {
    /// Stores a new event with its participants, wishes and pair rules.
    /// - Throws: `RegistryError.conflict` when the id is taken.
    package func createEvent(_ event: MeetingEvent, audit: AuditEntry) throws -> MeetingEvent {
        try change(audit: audit, revises: false) { db in
            if try Self.eventExists(event.id, db) {
                throw RegistryError.conflict(.key("conflict.eventID", event.id))
            }
            try Self.insertEvent(event, db)
            return Audited(value: try Self.event(event.id, db), auditName: "event \(event.id)")
        }.value
    }

    static func insertEvent(_ event: MeetingEvent, _ db: Database) throws {
        let now = Self.now()
        var stored = event
        stored.createdAt = stored.createdAt ?? now
        stored.updatedAt = now
        try Self.writeSettings(stored, db, insert: true)
        for (position, participant) in stored.participants.enumerated() {
            try Self.writeParticipant(participant, event: stored.id, position: position, db)
        }
        for wish in stored.wishes { try Self.writeWish(wish, event: stored.id, db) }
        for pair in stored.mustMeet { try Self.writePairRule(pair, "mustMeet", event: stored.id, db) }
        for pair in stored.avoid { try Self.writePairRule(pair, "avoid", event: stored.id, db) }
    }

    /// The whole event: settings, participants in the order invited, wishes and pair rules.
    package func event(_ id: String) throws -> MeetingEvent {
        try database.read { try Self.event(id, $0) }
    }

    /// Every event's settings and participants (not wishes), newest first.
    package func events() throws -> [MeetingEvent] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM event ORDER BY created_at DESC, id").map { id in
                var event = try Self.settings(id, db)
                event.participants = try Self.participants(id, db)
                return event
            }
        }
    }

    /// Changes the event's settings (not its participants, wishes or pair rules, which `body`
    /// sees but cannot change here).
    /// `notices` sees the event as changed and gives the messages that tell of it, written in
    /// the same transaction.
    package func changeEventSettings(
        _ id: String, audit: AuditEntry, notices: (MeetingEvent, MeetingEvent) throws -> [OutboxDraft] = { _, _ in [] },
        _ body: (inout MeetingEvent) throws -> Void
    ) throws -> MeetingEvent {
        try change(audit: audit, revises: false) { db in
            let before = try Self.event(id, db)
            var event = before
            try body(&event)
            event.updatedAt = Self.now()
            try Self.writeSettings(event, db, insert: false)
            let changed = try Self.event(id, db)
            for draft in try notices(before, changed) { try Self.enqueue(draft, db) }
            return Audited(value: changed, auditName: "event \(id)")
        }.value
    }

    /// Adds participants, or updates those already invited; `check` sees the event first and may refuse.
    /// `notices` sees the event before and after and gives the messages that tell of it.
    package func saveEventParticipants(
        _ id: String, _ participants: [EventParticipant], audit: AuditEntry, check: (MeetingEvent) throws -> Void,
        notices: (MeetingEvent, MeetingEvent) throws -> [OutboxDraft] = { _, _ in [] }
    ) throws -> MeetingEvent {
        try change(audit: audit, revises: false) { db in
            var event = try Self.settings(id, db)
            event.participants = try Self.participants(id, db)
            let before = event
            try check(event)
            var next =
                (try Int.fetchOne(
                    db, sql: "SELECT max(position) FROM event_participant WHERE event_id = ?",
                    arguments: [id]) ?? -1) + 1
            for participant in participants {
                let position =
                    try Int.fetchOne(
                        db,
                        sql: "SELECT position FROM event_participant WHERE event_id = ? AND side = ? AND party_id = ?",
                        arguments: [id, participant.side.rawValue, participant.id]) ?? next
                if position == next { next += 1 }
                try Self.writeParticipant(participant, event: id, position: position, db)
            }
            try Self.touch(id, db)
            let names = participants.map(\.id).joined(separator: ", ")
            var result = try Self.settings(id, db)
            result.participants = try Self.participants(id, db)
            for draft in try notices(before, result) { try Self.enqueue(draft, db) }
            return Audited(value: result, auditName: "event \(id): \(names)")
        }.value
    }

    /// Changes one participant, reading only the event's settings and that participant: a
    /// participant's answer costs the same however many others have answered.
    package func changeEventParticipant(
        _ id: String, side: EventParticipant.Side, party: String, audit: AuditEntry,
        _ body: (inout EventParticipant, MeetingEvent) throws -> Void
    ) throws -> EventParticipant {
        try change(audit: audit, revises: false) { db in
            let settings = try Self.settings(id, db)
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT position, document FROM event_participant WHERE event_id = ? AND side = ? AND party_id = ?",
                    arguments: [id, side.rawValue, party])
            else { throw Self.notInvited(party, event: id, db) }
            var participant = try Self.decode(EventParticipant.self, row["document"])
            try body(&participant, settings)
            participant.answeredAt = Self.now()
            try Self.writeParticipant(participant, event: id, position: row["position"], db)
            return Audited(value: participant, auditName: "event \(id): \(party)")
        }.value
    }

    /// One invited participant, or nil.
    package func eventParticipant(_ id: String, side: EventParticipant.Side, party: String) throws -> EventParticipant?
    {
        try database.read { db in
            try String.fetchOne(
                db, sql: "SELECT document FROM event_participant WHERE event_id = ? AND side = ? AND party_id = ?",
                arguments: [id, side.rawValue, party]
            ).map { try Self.decode(EventParticipant.self, $0) }
        }
    }

    /// Stores a wish (a weight of 0 removes it) after `check` has seen the event's settings and
    /// the two parties, both of whom must be invited.
    package func saveEventWish(
        _ id: String, _ wish: EventWish, audit: AuditEntry, check: (MeetingEvent) throws -> Void
    ) throws -> EventWish {
        try change(audit: audit, revises: false) { db in
            let settings = try Self.settings(id, db)
            try check(settings)
            for (side, party) in [(EventParticipant.Side.province, wish.province), (.ngo, wish.ngo)] {
                let invited =
                    try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM event_participant WHERE event_id = ? AND side = ? AND party_id = ?",
                        arguments: [id, side.rawValue, party]) ?? false
                if !invited { throw Self.notInvited(party, event: id, db) }
            }
            try db.execute(
                sql: "DELETE FROM event_wish WHERE event_id = ? AND province_id = ? AND ngo_id = ? AND from_side = ?",
                arguments: [id, wish.province, wish.ngo, wish.from.rawValue])
            if wish.weight > 0 { try Self.writeWish(wish, event: id, db) }
            let asker = wish.from == .province ? wish.province : wish.ngo
            try db.execute(
                sql: """
                    UPDATE event_participant SET document = json_set(document, '$.answeredAt', ?)
                    WHERE event_id = ? AND side = ? AND party_id = ?
                    """, arguments: [Self.now(), id, wish.from.rawValue, asker])
            return Audited(value: wish, auditName: "event \(id): wish \(wish.province) \(wish.ngo)")
        }.value
    }

    /// Sets a pair's rule, `mustMeet` or `avoid`, or clears it with nil.
    package func saveEventPairRule(
        _ id: String, _ pair: EventPair, rule: String?, audit: AuditEntry, check: (MeetingEvent) throws -> Void
    ) throws -> MeetingEvent {
        try change(audit: audit, revises: false) { db in
            var event = try Self.settings(id, db)
            event.participants = try Self.participants(id, db)
            try check(event)
            try db.execute(
                sql: "DELETE FROM event_pair WHERE event_id = ? AND province_id = ? AND ngo_id = ?",
                arguments: [id, pair.province, pair.ngo])
            if let rule { try Self.writePairRule(pair, rule, event: id, db) }
            try Self.touch(id, db)
            return Audited(
                value: try Self.event(id, db), auditName: "event \(id): \(rule ?? "free") \(pair.province) \(pair.ngo)")
        }.value
    }

    /// Keeps a planning run and, when `publish` is given, makes its meetings the published
    /// schedule: `meetings` replaces the schedule (numbers chosen by the caller), and the
    /// meetings of the old schedule that are not in it are marked cancelled.
    package func storeEventPlan(
        _ id: String, report: Data, summary: EventPlanRecord, publish: String?, meetings: [EventMeeting],
        audit: AuditEntry, check: (MeetingEvent) throws -> Void,
        notices: (MeetingEvent, EventPlanRecord) throws -> [OutboxDraft] = { _, _ in [] }
    ) throws -> EventPlanRecord {
        try change(audit: audit, revises: false) { db in
            var event = try Self.settings(id, db)
            try check(event)
            let number =
                (try Int.fetchOne(db, sql: "SELECT max(number) FROM event_plan WHERE event_id = ?", arguments: [id])
                    ?? 0) + 1
            let record = EventPlanRecord(
                number: number, madeAt: Self.now(), madeBy: audit.actor, publishedAs: publish,
                meetings: summary.meetings, totalValue: summary.totalValue, upperBound: summary.upperBound,
                minimums: summary.minimums)
            try db.execute(
                sql: """
                    INSERT INTO event_plan (event_id, number, made_at, made_by, published_as, meeting_count,
                      total_value, upper_bound, minimums, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, number, record.madeAt, record.madeBy, publish, record.meetings, record.totalValue,
                    record.upperBound, record.minimums, String(decoding: report, as: UTF8.self),
                ])
            if let publish {
                let kept = Set(meetings.map(\.number))
                for var old in try Self.meetings(id, db) where !kept.contains(old.number) && old.status.isScheduled {
                    old.status = .cancelled
                    old.note = old.note ?? "not in the schedule published with plan \(number)"
                    try Self.writeMeeting(old, event: id, db)
                }
                for meeting in meetings { try Self.writeMeeting(meeting, event: id, db) }
                event.status = .published
                event.published = publish
            } else if event.status == .open || event.status == .draft {
                event.status = .planned
            }
            event.updatedAt = Self.now()
            try Self.writeSettings(event, db, insert: false)
            for draft in try notices(event, record) { try Self.enqueue(draft, db) }
            return Audited(value: record, auditName: "event \(id): plan \(number)\(publish.map { " (\($0))" } ?? "")")
        }.value
    }

    /// Every planning run of the event, oldest first.
    package func eventPlans(_ id: String) throws -> [EventPlanRecord] {
        try database.read { db in
            _ = try Self.settings(id, db)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM event_plan WHERE event_id = ? ORDER BY number", arguments: [id]
            )
            .map { row in
                EventPlanRecord(
                    number: row["number"], madeAt: row["made_at"], madeBy: row["made_by"],
                    publishedAs: row["published_as"], meetings: row["meeting_count"], totalValue: row["total_value"],
                    upperBound: row["upper_bound"], minimums: row["minimums"])
            }
        }
    }

    /// The report of plan `number`, or of the last published plan; nil when there is none.
    package func eventPlanReport(_ id: String, number: Int? = nil) throws -> (number: Int, report: Data)? {
        try database.read { db in
            _ = try Self.settings(id, db)
            let row =
                if let number {
                    try Row.fetchOne(
                        db, sql: "SELECT number, report FROM event_plan WHERE event_id = ? AND number = ?",
                        arguments: [id, number])
                } else {
                    try Row.fetchOne(
                        db,
                        sql: """
                            SELECT number, report FROM event_plan WHERE event_id = ? AND published_as IS NOT NULL
                            ORDER BY number DESC LIMIT 1
                            """, arguments: [id])
                }
            return row.map { (number: $0["number"], report: Data(($0["report"] as String).utf8)) }
        }
    }

    /// The meetings of the published schedule, by number, cancelled and declined ones included.
    package func eventMeetings(_ id: String) throws -> [EventMeeting] {
        try database.read { db in
            _ = try Self.settings(id, db)
            return try Self.meetings(id, db)
        }
    }

    /// Changes one meeting; when `body` returns a partnership (a follow-up agreed), it is
    /// recorded in the same transaction.
    /// A meeting held for a need moves its pair to "met" in the pipeline (never back), and a
    /// partnership the body returns moves it to the stage that record stands for.
    package func changeEventMeeting(
        _ id: String, number: Int, door: String, audit: AuditEntry,
        _ body: (inout EventMeeting, MeetingEvent, PartnershipLookup) throws -> Partnership?
    ) throws -> EventMeeting {
        try change(audit: audit) { db in
            let settings = try Self.settings(id, db)
            guard
                let document = try String.fetchOne(
                    db, sql: "SELECT document FROM event_meeting WHERE event_id = ? AND number = ?",
                    arguments: [id, number])
            else {
                let numbers = try Int.fetchAll(
                    db, sql: "SELECT number FROM event_meeting WHERE event_id = ? ORDER BY number", arguments: [id])
                throw RegistryError.notFound(
                    kind: "meeting", id: "\(id) #\(number)",
                    suggestions: numbers.isEmpty
                        ? [] : ["one of \(numbers.first!)–\(numbers.last!) (events agenda \(id) lists them)"])
            }
            var meeting = try Self.decode(EventMeeting.self, document)
            let reader = PartnershipLookup { need, ngo in
                try Self.fetchPartnerships(db, where: "need_id = ? AND ngo_id = ?", arguments: [need, ngo]).first
            }
            let partnership = try body(&meeting, settings, reader)
            if let partnership { try Self.upsert(partnership, db) }
            if let need = meeting.need, meeting.status == .held {
                let checklist = try Self.checklist(db)
                let stages = ["met"] + (partnership.map { [checklist.stage(for: $0.status)] } ?? [])
                for stage in stages {
                    try Self.reach(
                        stage, need: NeedID(need), ngo: NGOID(meeting.ngo),
                        PipelineMove(
                            stage: stage, at: Self.now(), by: audit.actor, door: door,
                            note: "meeting \(meeting.number) at \(settings.name)"), checklist, db)
                }
            }
            try Self.writeMeeting(meeting, event: id, db)
            return Audited(value: meeting, auditName: "event \(id): meeting \(number)")
        }.value
    }

    // MARK: - Rows

    static func eventExists(_ id: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM event WHERE id = ?", arguments: [id]) ?? false
    }

    static func event(_ id: String, _ db: Database) throws -> MeetingEvent {
        var event = try settings(id, db)
        event.participants = try participants(id, db)
        for row in try Row.fetchAll(
            db, sql: "SELECT * FROM event_wish WHERE event_id = ? ORDER BY province_id, ngo_id, from_side",
            arguments: [id])
        {
            event.wishes.append(
                EventWish(
                    province: row["province_id"], ngo: row["ngo_id"],
                    from: EventParticipant.Side(rawValue: row["from_side"]) ?? .province, weight: row["weight"],
                    reason: row["reason"]))
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT * FROM event_pair WHERE event_id = ? ORDER BY province_id, ngo_id", arguments: [id])
        {
            let pair = EventPair(province: row["province_id"], ngo: row["ngo_id"])
            if row["rule"] == "mustMeet" { event.mustMeet.append(pair) } else { event.avoid.append(pair) }
        }
        return event
    }

    /// The settings alone: no participants, wishes or pair rules.
    static func settings(_ id: String, _ db: Database) throws -> MeetingEvent {
        guard let document = try String.fetchOne(db, sql: "SELECT document FROM event WHERE id = ?", arguments: [id])
        else {
            let ids = try String.fetchAll(db, sql: "SELECT id FROM event")
            throw RegistryError.notFound(kind: "event", id: id, suggestions: Suggestions.closest(to: id, among: ids))
        }
        return try decode(MeetingEvent.self, document)
    }

    static func participants(_ id: String, _ db: Database) throws -> [EventParticipant] {
        try String.fetchAll(
            db, sql: "SELECT document FROM event_participant WHERE event_id = ? ORDER BY position", arguments: [id]
        ).map { try decode(EventParticipant.self, $0) }
    }

    static func meetings(_ id: String, _ db: Database) throws -> [EventMeeting] {
        try String.fetchAll(
            db, sql: "SELECT document FROM event_meeting WHERE event_id = ? ORDER BY number", arguments: [id]
        ).map { try decode(EventMeeting.self, $0) }
    }

    static func notInvited(_ party: String, event: String, _ db: Database) -> RegistryError {
        let invited =
            (try? String.fetchAll(
                db, sql: "SELECT party_id FROM event_participant WHERE event_id = ?", arguments: [event])) ?? []
        return .notFound(
            kind: "participant", id: "\(event): \(party)",
            suggestions: Suggestions.closest(to: party, among: invited))
    }

    private static func touch(_ id: String, _ db: Database) throws {
        var event = try settings(id, db)
        event.updatedAt = now()
        try writeSettings(event, db, insert: false)
    }

    private static func writeSettings(_ event: MeetingEvent, _ db: Database, insert: Bool) throws {
        var settings = event
        settings.participants = []
        settings.wishes = []
        settings.mustMeet = []
        settings.avoid = []
        let document = try encode(settings)
        if insert {
            try db.execute(
                sql: "INSERT INTO event (id, status, document, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [event.id, event.status.rawValue, document, event.createdAt, event.updatedAt])
        } else {
            try db.execute(
                sql: "UPDATE event SET status = ?, document = ?, updated_at = ? WHERE id = ?",
                arguments: [event.status.rawValue, document, event.updatedAt, event.id])
        }
    }

    private static func writeParticipant(_ participant: EventParticipant, event: String, position: Int, _ db: Database)
        throws
    {
        try db.execute(
            sql: """
                INSERT INTO event_participant (event_id, side, party_id, position, document) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (event_id, side, party_id) DO UPDATE SET document = excluded.document
                """, arguments: [event, participant.side.rawValue, participant.id, position, try encode(participant)])
    }

    private static func writeWish(_ wish: EventWish, event: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO event_wish (event_id, province_id, ngo_id, from_side, weight, reason)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [event, wish.province, wish.ngo, wish.from.rawValue, wish.weight, wish.reason])
    }

    private static func writePairRule(_ pair: EventPair, _ rule: String, event: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO event_pair (event_id, province_id, ngo_id, rule) VALUES (?, ?, ?, ?)",
            arguments: [event, pair.province, pair.ngo, rule])
    }

    private static func writeMeeting(_ meeting: EventMeeting, event: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO event_meeting (event_id, number, province_id, ngo_id, status, document)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                event, meeting.number, meeting.province, meeting.ngo, meeting.status.rawValue, try encode(meeting),
            ])
    }
}

/// Reads a pair's partnership inside a meeting's transaction, to advance it.
package struct PartnershipLookup {
    let read: (String, String) throws -> Partnership?

    package func partnership(need: String, ngo: String) throws -> Partnership? { try read(need, ngo) }
}
