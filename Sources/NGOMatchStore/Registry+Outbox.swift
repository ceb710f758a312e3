import Foundation
import GRDB
import NGOMatchCore

/// A message a sender has taken to deliver; no other sender takes it while the claim holds.
package struct ClaimedMessage: Sendable {
    package let id: Int
    package let messageID: String
    package let recipient: String
    package let message: String
    package let attempts: Int
}

/// The outbox: notices written with their changes, taken one at a time by whichever sender
/// claims them first, in any process on the file.
extension Registry {
    /// Takes the next message due, for `claimant` until `lease` ends. A claim whose holder is
    /// known to be gone (a process killed mid-send) is taken over at once; any other waits out its lease.
    package func claimDueMessage(
        by claimant: String, lease: TimeInterval, now: Date = Date(), isAbandoned: (String) -> Bool = { _ in false }
    ) throws -> ClaimedMessage? {
        try change(revises: false) { db in
            let candidates = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, message_id, recipient, message, attempts, claimed_by, claimed_until FROM outbox
                    WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 20
                    """, arguments: [Self.stamp(now)])
            for row in candidates {
                if let holder = row["claimed_by"] as String?, let until = row["claimed_until"] as String?,
                    until > Self.stamp(now), !isAbandoned(holder)
                {
                    continue
                }
                try db.execute(
                    sql: "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ?",
                    arguments: [claimant, Self.stamp(now.addingTimeInterval(lease)), row["id"]])
                return Audited<ClaimedMessage?>(
                    unaudited: ClaimedMessage(
                        id: row["id"], messageID: row["message_id"], recipient: row["recipient"],
                        message: row["message"] ?? "", attempts: row["attempts"]))
            }
            return Audited<ClaimedMessage?>(unaudited: nil)
        }.value
    }

    /// The message reached the relay (or the folder).
    package func recordDelivery(_ id: Int, now: Date = Date()) throws {
        _ = try change(revises: false) { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL,
                        claimed_by = NULL, claimed_until = NULL,
                        message = CASE WHEN holds_secret THEN NULL ELSE message END
                    WHERE id = ?
                    """, arguments: [Self.stamp(now), id])
            return Audited(unaudited: ())
        }
    }

    /// A try that failed: tried again at `retryAt`, or never when it is nil (a refusal for good).
    package func recordFailure(_ id: Int, reason: String, retryAt: Date?) throws {
        _ = try change(revises: false) { db in
            if let retryAt {
                try db.execute(
                    sql: """
                        UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                            claimed_by = NULL, claimed_until = NULL WHERE id = ?
                        """, arguments: [reason, Self.stamp(retryAt), id])
            } else {
                try db.execute(
                    sql: """
                        UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?,
                            claimed_by = NULL, claimed_until = NULL WHERE id = ?
                        """, arguments: [reason, id])
            }
            return Audited(unaudited: ())
        }
    }

    /// The outbox, newest first, in the states asked for (all when empty).
    package func outbox(states: [OutboxEntry.State] = [], limit: Int = 200) throws -> [OutboxEntry] {
        try database.read { db in
            let filter =
                states.isEmpty ? "" : "WHERE state IN (\(states.map { "'\($0.rawValue)'" }.joined(separator: ",")))"
            return try Row.fetchAll(
                db, sql: "SELECT * FROM outbox \(filter) ORDER BY id DESC LIMIT ?", arguments: [limit]
            ).map(Self.outboxEntry)
        }
    }

    /// The messages sent to one person, newest first: what the organiser reads as "who was told what".
    package func outbox(recipient: String) throws -> [OutboxEntry] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE recipient = ? ORDER BY id DESC", arguments: [recipient]
            ).map(Self.outboxEntry)
        }
    }

    /// The messages about one topic (`event:ID`), newest first: who was told what about it, and when.
    package func outbox(topic: String) throws -> [OutboxEntry] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE topic = ? ORDER BY id DESC", arguments: [topic]
            ).map(Self.outboxEntry)
        }
    }

    /// Writes each draft unless a message of one of `kinds` about `topic` went to the same
    /// recipient after `since`: in one transaction, so two servers writing reminders at once
    /// write each once.
    /// - Parameter now: when the drafts are written, as the interval is counted.
    package func enqueueUnlessSent(
        kinds: [String], writing kind: String, topic: String, since: Date, now: Date = Date(), _ drafts: [OutboxDraft]
    ) throws -> Int {
        try change(revises: false) { db in
            var written = 0
            for draft in drafts {
                // The inbox holds every such notice to a person, mailed or not; the outbox, the others.
                let (table, column, who) =
                    draft.personID.map { ("notice", "person_id", $0) } ?? ("outbox", "recipient", draft.recipient)
                let recent =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT count(*) FROM \(table)
                            WHERE topic = ? AND kind IN (\(kinds.map { _ in "?" }.joined(separator: ", ")))
                              AND \(column) = ? AND created_at > ?
                            """,
                        arguments: StatementArguments([topic] + kinds + [who, Self.stamp(since)])) ?? 0
                guard recent == 0, draft.kind == kind else { continue }
                try Self.enqueue(draft, db, at: now)
                written += 1
            }
            return Audited(unaudited: written)
        }.value
    }

    /// Puts a message that failed back in line, due now.
    package func retryOutbox(_ id: Int, audit: AuditEntry) throws -> OutboxEntry {
        try change(audit: audit, revises: false) { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]) else {
                throw RegistryError.notFound(kind: "message", id: String(id), suggestions: [])
            }
            guard row["state"] as String == OutboxEntry.State.failed.rawValue else {
                throw RegistryError.conflict(.key("outbox.notFailed", id, row["state"] as String))
            }
            guard row["message"] as String? != nil else {
                throw RegistryError.conflict(.key("outbox.noBody", id))
            }
            try db.execute(
                sql: "UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE id = ?",
                arguments: [Self.now(), id])
            let entry = Self.outboxEntry(
                try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id])!)
            return Audited(value: entry, auditName: "message \(id) to \(entry.recipient)")
        }.value
    }

    /// Writes a notice: into the person's inbox when it is a kind they choose for, and into the
    /// outbox unless they chose a digest or no mail for it.
    static func enqueue(_ draft: OutboxDraft, _ db: Database, at moment: Date = Date()) throws {
        if let person = draft.personID, NoticeCadence.choosableKinds.contains(draft.kind) {
            let cadence = try cadence(of: person, for: draft.kind, db)
            try db.execute(
                sql: """
                    INSERT INTO notice (person_id, kind, topic, subject, link, created_at, digest_pending)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    person, draft.kind, draft.topic, draft.subject, draft.link, stamp(moment),
                    cadence == .daily || cadence == .weekly,
                ])
            guard cadence == .immediately else { return }
        }
        try mail(draft, db, at: moment)
    }

    static func cadence(of person: String, for kind: String, _ db: Database) throws -> NoticeCadence {
        try String.fetchOne(
            db, sql: "SELECT cadence FROM notice_setting WHERE person_id = ? AND kind = ?", arguments: [person, kind]
        ).flatMap(NoticeCadence.init(rawValue:)) ?? NoticeCadence.standard(for: kind)
    }

    /// Writes the message to the outbox, whatever the person's settings.
    static func mail(_ draft: OutboxDraft, _ db: Database, at moment: Date = Date()) throws {
        let now = stamp(moment)
        try db.execute(
            sql: """
                INSERT INTO outbox (message_id, recipient, person_id, kind, subject, message, holds_secret, state,
                    next_attempt_at, created_at, topic)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)
                """,
            arguments: [
                draft.messageID, draft.recipient, draft.personID, draft.kind, draft.subject, draft.message,
                draft.holdsSecret, now, now, draft.topic,
            ])
    }

    private static func outboxEntry(_ row: Row) -> OutboxEntry {
        OutboxEntry(
            id: row["id"], messageID: row["message_id"], recipient: row["recipient"], kind: row["kind"],
            subject: row["subject"], state: OutboxEntry.State(rawValue: row["state"]) ?? .pending,
            attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"], lastError: row["last_error"],
            createdAt: row["created_at"], sentAt: row["sent_at"])
    }
}
