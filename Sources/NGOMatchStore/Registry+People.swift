import Foundation
import GRDB
import NGOMatchCore

/// A person as first written, with the way in their invitation carries.
package struct NewPerson: Sendable {
    package let person: Person
    package let grant: SignInGrant
    package let invitation: OutboxDraft

    package init(person: Person, grant: SignInGrant, invitation: OutboxDraft) {
        self.person = person
        self.grant = grant
        self.invitation = invitation
    }
}

/// People: each write is one transaction, and a write that tells someone writes its notice in it.
extension Registry {
    /// Adds a person and their invitation: the person, the link it holds and the message, or nothing.
    /// - Throws: `RegistryError.conflict` when someone still here already signs in with the address.
    package func invite(_ new: NewPerson, audit: AuditEntry) throws -> Person {
        try change(audit: audit, revises: false) { db in
            let person = new.person
            if let other = try Self.activePerson(emailKey: Self.emailKey(person.email), db) {
                throw RegistryError.conflict(.key("people.emailTaken", person.email, other.name, other.organisation))
            }
            try db.execute(
                sql: """
                    INSERT INTO person (id, email, email_key, name, language, organisation, rights,
                        invited_at, invited_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    person.id, person.email, Self.emailKey(person.email), person.name, person.language.rawValue,
                    person.organisation, person.rights.rawValue, person.invitedAt, person.invitedBy,
                ])
            try Self.insert(new.grant, for: person.id, db)
            try Self.enqueue(new.invitation, db)
            return Audited(value: try Self.person(id: person.id, db), auditName: Self.auditName(person))
        }.value
    }

    /// Everyone, or the people of one organisation, by name; those who left only when asked.
    package func people(organisation: String? = nil, includingLeft: Bool = false) throws -> [Person] {
        try database.read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let organisation {
                conditions.append("organisation = ?")
                arguments.append(organisation)
            }
            if !includingLeft { conditions.append("left_at IS NULL") }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM person \(filter) ORDER BY name, email, id",
                arguments: StatementArguments(arguments)
            ).map(Self.person)
        }
    }

    /// A person by id or by address (someone still here first).
    /// - Throws: `RegistryError.notFound` with the closest ids and addresses.
    package func person(_ key: String) throws -> Person {
        try database.read { db in
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [key]) {
                return Self.person(row)
            }
            if let person = try Self.activePerson(emailKey: Self.emailKey(key), db) { return person }
            let known = try Row.fetchAll(db, sql: "SELECT id, email FROM person WHERE left_at IS NULL")
            let names = known.flatMap { [$0["id"] as String, $0["email"] as String] }
            throw RegistryError.notFound(
                kind: "person", id: key, suggestions: Suggestions.closest(to: key, among: names))
        }
    }

    /// Someone still here who signs in with this address, or nil.
    package func activePerson(email: String) throws -> Person? {
        try database.read { db in try Self.activePerson(emailKey: Self.emailKey(email), db) }
    }

    /// Changes a person; `check` sees them as they are and may refuse.
    package func updatePerson(_ id: String, audit: AuditEntry, _ body: (inout Person) throws -> Void) throws -> Person {
        try change(audit: audit, revises: false) { db in
            var person = try Self.person(id: id, db)
            try body(&person)
            if let other = try Self.activePerson(emailKey: Self.emailKey(person.email), db), other.id != id {
                throw RegistryError.conflict(.key("people.emailTaken", person.email, other.name, other.organisation))
            }
            try db.execute(
                sql: """
                    UPDATE person SET email = ?, email_key = ?, name = ?, language = ?, rights = ?, left_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    person.email, Self.emailKey(person.email), person.name, person.language.rawValue,
                    person.rights.rawValue, person.leftAt, id,
                ])
            if person.leftAt != nil {
                // Someone who left signs in no more: their ways in end with them.
                try db.execute(
                    sql: "UPDATE sign_in SET used_at = ? WHERE person_id = ? AND used_at IS NULL",
                    arguments: [Self.now(), id])
            }
            return Audited(value: try Self.person(id: id, db), auditName: Self.auditName(person))
        }.value
    }

    static func person(id: String, _ db: Database) throws -> Person {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id = ?", arguments: [id]) else {
            throw RegistryError.notFound(
                kind: "person", id: id,
                suggestions: Suggestions.closest(to: id, among: try String.fetchAll(db, sql: "SELECT id FROM person")))
        }
        return person(row)
    }

    static func activePerson(emailKey: String, _ db: Database) throws -> Person? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM person WHERE email_key = ? AND left_at IS NULL", arguments: [emailKey]
        ).map(person)
    }

    static func person(_ row: Row) -> Person {
        Person(
            id: row["id"], email: row["email"], name: row["name"],
            language: Language(rawValue: row["language"]) ?? .vi, organisation: row["organisation"],
            rights: PersonRights(rawValue: row["rights"]) ?? .read, invitedAt: row["invited_at"],
            invitedBy: row["invited_by"], lastSignIn: row["last_sign_in"], leftAt: row["left_at"])
    }

    /// Addresses compare without case: `Lan@Example.org` is `lan@example.org`.
    static func emailKey(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The audit names a person by id and organisation, never by address.
    private static func auditName(_ person: Person) -> String { "person \(person.id) (\(person.organisation))" }
}
