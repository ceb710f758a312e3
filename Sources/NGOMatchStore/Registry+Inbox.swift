import Crypto
import Foundation
import GRDB
import NGOMatchCore

/// A person's inbox of notices, their choices of how each kind reaches them, and the digests
/// that gather what they chose to read daily or weekly.
extension Registry {
    package func inbox(of personID: String, limit: Int = 100) throws -> [InboxNotice] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM notice WHERE person_id = ? ORDER BY id DESC LIMIT ?",
                arguments: [personID, limit]
            ).map(Self.inboxNotice)
        }
    }

    package func unreadCount(of personID: String) throws -> Int {
        try database.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM notice WHERE person_id = ? AND read_at IS NULL", arguments: [personID])
                ?? 0
        }
    }

    /// Marks every notice of the person read, as their inbox page is shown.
    package func markInboxRead(of personID: String) throws {
        _ = try change(revises: false) { db in
            try db.execute(
                sql: "UPDATE notice SET read_at = ? WHERE person_id = ? AND read_at IS NULL",
                arguments: [Self.now(), personID])
            return Audited(unaudited: ())
        }
    }

    /// The person's choice for each kind they may choose for (immediately when never chosen).
    package func noticeSettings(of personID: String) throws -> [String: NoticeCadence] {
        try database.read { db in
            var settings: [String: NoticeCadence] = [:]
            for kind in NoticeCadence.choosableKinds { settings[kind] = try Self.cadence(of: personID, for: kind, db) }
            return settings
        }
    }

    package func setNoticeSetting(_ personID: String, kind: String, cadence: NoticeCadence, audit: AuditEntry?)
        throws
    {
        _ = try change(audit: audit, revises: false) { db in
            _ = try Self.person(id: personID, db)
            try db.execute(
                sql: """
                    INSERT INTO notice_setting (person_id, kind, cadence) VALUES (?, ?, ?)
                    ON CONFLICT (person_id, kind) DO UPDATE SET cadence = excluded.cadence
                    """, arguments: [personID, kind, cadence.rawValue])
            if cadence == .off || cadence == .immediately {
                // Nothing waits for a digest that will not come.
                try db.execute(
                    sql: "UPDATE notice SET digest_pending = 0 WHERE person_id = ? AND kind = ?",
                    arguments: [personID, kind])
            }
            return Audited(value: (), auditName: "person \(personID): \(kind) \(cadence.rawValue)")
        }
    }

    /// The people whose digest of `cadence` is due at `now`: notices wait, and their last digest
    /// of it went out at least an interval ago.
    package func dueDigests(_ cadence: NoticeCadence, now: Date = Date()) throws -> [(Person, [InboxNotice])] {
        guard let interval = cadence.interval else { return [] }
        return try database.read { db in
            let people = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT notice.person_id FROM notice
                    JOIN notice_setting ON notice_setting.person_id = notice.person_id
                      AND notice_setting.kind = notice.kind AND notice_setting.cadence = ?
                    WHERE notice.digest_pending
                    """, arguments: [cadence.rawValue])
            var due: [(Person, [InboxNotice])] = []
            for id in people {
                let last = try String.fetchOne(
                    db, sql: "SELECT max(created_at) FROM outbox WHERE person_id = ? AND kind = ?",
                    arguments: [id, "digest-\(cadence.rawValue)"])
                if let last, last > Self.stamp(now.addingTimeInterval(-interval)) { continue }
                let person = try Self.person(id: id, db)
                guard person.leftAt == nil else { continue }
                let notices = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT notice.* FROM notice
                        JOIN notice_setting ON notice_setting.person_id = notice.person_id
                          AND notice_setting.kind = notice.kind AND notice_setting.cadence = ?
                        WHERE notice.person_id = ? AND notice.digest_pending ORDER BY notice.id
                        """, arguments: [cadence.rawValue, id]
                ).map(Self.inboxNotice)
                if !notices.isEmpty { due.append((person, notices)) }
            }
            return due
        }
    }

    /// Writes a digest and takes its notices off the waiting list, together: a digest is
    /// written once however many servers run this.
    package func writeDigest(_ draft: OutboxDraft, notices: [Int], now: Date = Date()) throws -> Bool {
        try change(revises: false) { db in
            let waiting =
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(*) FROM notice WHERE digest_pending AND id IN (\(notices.map(String.init).joined(separator: ",")))"
                ) ?? 0
            guard waiting == notices.count, !notices.isEmpty else { return Audited(unaudited: false) }
            try db.execute(
                sql:
                    "UPDATE notice SET digest_pending = 0 WHERE id IN (\(notices.map(String.init).joined(separator: ",")))"
            )
            try Self.mail(draft, db, at: now)
            return Audited(unaudited: true)
        }.value
    }

    /// A signature for an unsubscribe link: whoever holds the link may stop that kind of mail
    /// to that person, and nothing else.
    package func unsubscribeSignature(person: String, kind: String) throws -> String {
        let key = try database.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM registry_info WHERE key = 'unsubscribe_key'") ?? ""
        }
        let code = HMAC<SHA256>.authenticationCode(
            for: Data("\(person)\u{1}\(kind)".utf8), using: SymmetricKey(data: Data(key.utf8)))
        return Data(code).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    private static func inboxNotice(_ row: Row) -> InboxNotice {
        InboxNotice(
            id: row["id"], kind: row["kind"], subject: row["subject"], link: row["link"],
            createdAt: row["created_at"], readAt: row["read_at"])
    }
}

/// A notice as a program following an organisation hears of it.
package struct FollowedNotice: Sendable, Encodable {
    package let notice: InboxNotice
    package let person: String
    package let name: String
    /// The organisation the person acts for, `province:cao-bang`.
    package let organisation: String
}

extension Registry {
    /// The newest notice's id: a follower hears of those after it.
    package func latestNoticeID() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT max(id) FROM notice") ?? 0 }
    }

    /// Notices after `id`, to the people of `organisation` (every organisation when nil), oldest first.
    package func notices(after id: Int, organisation: String?, limit: Int = 200) throws -> [FollowedNotice] {
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT notice.*, person.name AS person_name, person.organisation AS person_organisation
                    FROM notice JOIN person ON person.id = notice.person_id
                    WHERE notice.id > ? AND (? IS NULL OR person.organisation = ?)
                    ORDER BY notice.id LIMIT ?
                    """, arguments: [id, organisation, organisation, limit]
            ).map { row in
                FollowedNotice(
                    notice: InboxNotice(
                        id: row["id"], kind: row["kind"], subject: row["subject"], link: row["link"],
                        createdAt: row["created_at"], readAt: row["read_at"]),
                    person: row["person_id"], name: row["person_name"], organisation: row["person_organisation"])
            }
        }
    }
}
