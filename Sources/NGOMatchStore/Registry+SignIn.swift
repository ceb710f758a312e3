import Foundation
import GRDB
import NGOMatchCore

extension Registry {
    /// Tries a code allows before it is spent.
    package static let codeTries = 5

    /// Writes a way in for someone still here and the message that carries it, together.
    package func grantSignIn(to personID: String, _ grant: SignInGrant, message: OutboxDraft) throws {
        _ = try change(revises: false) { db in
            try Self.insert(grant, for: personID, db)
            try Self.enqueue(message, db)
            return Audited(unaudited: ())
        }
    }

    /// Whom a link would sign in, without using it: the page a mail scanner may open freely.
    package func holder(ofLink link: String, now: Date = Date()) throws -> Person? {
        try database.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT person.* FROM sign_in JOIN person ON person.id = sign_in.person_id
                    WHERE link_hash = ? AND used_at IS NULL AND expires_at > ? AND left_at IS NULL
                    """, arguments: [Self.hash(link), Self.stamp(now)]
            ).map(Self.person)
        }
    }

    /// Uses a link: the person it signs in, once.
    package func redeem(link: String, now: Date = Date()) throws -> SignInOutcome {
        try change(revises: false) { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT sign_in.id AS grant, person_id, used_at, expires_at FROM sign_in
                        WHERE link_hash = ?
                        """, arguments: [Self.hash(link)])
            else { return Audited(unaudited: SignInOutcome.unknown) }
            return try Self.use(row, now: now, db)
        }.value
    }

    /// Uses a code typed with the address it was sent to; a wrong one spends a try.
    package func redeem(code: String, email: String, now: Date = Date()) throws -> SignInOutcome {
        try change(revises: false) { db in
            guard let person = try Self.activePerson(emailKey: Self.emailKey(email), db),
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id AS grant, person_id, used_at, expires_at, code_hash, tries FROM sign_in
                        WHERE person_id = ? AND used_at IS NULL AND expires_at > ?
                        ORDER BY id DESC LIMIT 1
                        """, arguments: [person.id, Self.stamp(now)])
            else { return Audited(unaudited: SignInOutcome.unknown) }
            // Only the newest message's code counts, and only for its few tries: an older
            // grant's code is no second set of guesses.
            guard (row["tries"] as Int) < Self.codeTries else { return Audited(unaudited: .spent) }
            let expected: String = row["code_hash"]
            let given = SignInGrant.codeHash(code.filter(\.isNumber), personID: person.id)
            guard Secret.same(expected, given) else {
                let tries: Int = row["tries"]
                try db.execute(sql: "UPDATE sign_in SET tries = tries + 1 WHERE id = ?", arguments: [row["grant"]])
                return Audited(unaudited: SignInOutcome.wrong(triesLeft: Self.codeTries - tries - 1))
            }
            return try Self.use(row, now: now, db)
        }.value
    }

    private static func use(_ row: Row, now: Date, _ db: Database) throws -> Audited<SignInOutcome> {
        let personID: String = row["person_id"]
        guard row["used_at"] as String? == nil, (row["expires_at"] as String) > stamp(now),
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM person WHERE id = ? AND left_at IS NULL", arguments: [personID]) != nil
        else { return Audited(unaudited: .spent) }
        try db.execute(sql: "UPDATE sign_in SET used_at = ? WHERE id = ?", arguments: [stamp(now), row["grant"]])
        try db.execute(sql: "UPDATE person SET last_sign_in = ? WHERE id = ?", arguments: [stamp(now), personID])
        return Audited(unaudited: .signedIn(try Self.person(id: personID, db)))
    }

    static func insert(_ grant: SignInGrant, for personID: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO sign_in (person_id, purpose, link_hash, code_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [personID, grant.purpose.rawValue, grant.linkHash, grant.codeHash, now(), stamp(grant.expires)])
    }
}
