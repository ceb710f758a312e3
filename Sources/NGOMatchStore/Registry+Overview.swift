import Foundation
import GRDB
import NGOMatchCore

/// A person whose overview is due, and what it covers.
package struct DueOverview: Sendable {
    package let person: Person
    package let cadence: NoticeCadence
    /// The last overview made for them (or their invitation): what is newer is new to them.
    package let since: String
}

/// The overviews each person gets daily or weekly: when the last was made, so that each covers
/// what came after it, and one is made once however many servers run.
extension Registry {
    package func dueOverviews(now: Date = Date()) throws -> [DueOverview] {
        try database.read { db in
            var due: [DueOverview] = []
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT person.id, overview_run.at FROM person
                    LEFT JOIN overview_run ON overview_run.person_id = person.id
                    WHERE person.left_at IS NULL
                    """)
            {
                let id: String = row["id"]
                let cadence = try Self.cadence(of: id, for: OverviewMail.noticeKind, db)
                guard let interval = cadence.interval else { continue }
                let person = try Self.person(id: id, db)
                let since = (row["at"] as String?) ?? person.invitedAt
                guard since <= Self.stamp(now.addingTimeInterval(-interval)) else { continue }
                due.append(DueOverview(person: person, cadence: cadence, since: since))
            }
            return due
        }
    }

    /// Records that the overview was made (and writes its message, when it has one), unless
    /// another server made it first.
    package func recordOverview(_ due: DueOverview, _ draft: OutboxDraft?, now: Date = Date()) throws -> Bool {
        try change(revises: false) { db -> Audited<Bool> in
            let last = try String.fetchOne(
                db, sql: "SELECT at FROM overview_run WHERE person_id = ?", arguments: [due.person.id])
            guard last == nil || last == due.since else { return Audited(unaudited: false) }
            try db.execute(
                sql: """
                    INSERT INTO overview_run (person_id, at) VALUES (?, ?)
                    ON CONFLICT (person_id) DO UPDATE SET at = excluded.at
                    """, arguments: [due.person.id, Self.stamp(now)])
            if let draft { try Self.mail(draft, db, at: now) }
            return Audited(unaudited: draft != nil)
        }.value
    }
}
