import Crypto
import Foundation
import GRDB
import NGOMatchCore

extension Registry {
    /// Creates a token for `role` and returns it; only its SHA-256 is stored. The audit trail
    /// names the token's id and role, never the token.
    /// - Throws: `RegistryError.notFound` when the role names an unknown province or NGO.
    package func createToken(role: Role, note: String? = nil, audit: AuditEntry) throws -> (
        token: String, info: TokenInfo
    ) {
        switch role {
        case .ministry: break
        case .province(let id):
            guard reference.provinces[id] != nil else {
                throw RegistryError.notFound(
                    kind: "province", id: id.rawValue,
                    suggestions: Suggestions.closest(
                        to: id.rawValue, among: reference.provinces.provinces.map(\.id.rawValue)))
            }
        case .ngo(let id):
            _ = try database.read { db in
                if try Self.fetchNGOs(db, where: "id = ?", arguments: [id.rawValue]).isEmpty {
                    throw RegistryError.notFound(
                        kind: "NGO", id: id.rawValue,
                        suggestions: Suggestions.closest(
                            to: id.rawValue, among: try String.fetchAll(db, sql: "SELECT id FROM ngo")))
                }
            }
        }
        // The id is drawn apart from the secret: it is shown in lists and typed after commands.
        let id = Secret.identifier()
        let token = "ngm_\(Secret.make())"
        let info = TokenInfo(id: id, role: role.description, note: note, createdAt: Self.now(), revokedAt: nil)
        // Tokens change who may write, not what rankings are made from: no new revision.
        _ = try change(audit: audit, revises: false) { db in
            try db.execute(
                sql: "INSERT INTO token (id, hash, role, note, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, Self.hash(token), info.role, note, info.createdAt])
            return info
        }
        return (token, info)
    }

    /// The role of a valid, unrevoked token, or nil.
    package func role(ofToken token: String) throws -> (id: String, role: Role)? {
        try database.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, role FROM token WHERE hash = ? AND revoked_at IS NULL",
                    arguments: [Self.hash(token)]),
                let role = Role(row["role"] as String)
            else { return nil }
            return (row["id"], role)
        }
    }

    /// Whether the token of this id is still in force.
    package func isActiveToken(id: String) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM token WHERE id = ? AND revoked_at IS NULL", arguments: [id])
                ?? false
        }
    }

    package func tokens() throws -> [TokenInfo] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM token ORDER BY created_at, id").map(Self.tokenInfo)
        }
    }

    /// Revokes a token by its id (the first 8 characters after `ngm_`) and returns it as it now is.
    package func revokeToken(id: String, audit: AuditEntry) throws -> TokenInfo {
        try change(audit: audit, revises: false) { db in
            try db.execute(
                sql: "UPDATE token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [Self.now(), id])
            if db.changesCount == 0 {
                let ids = try String.fetchAll(db, sql: "SELECT id FROM token WHERE revoked_at IS NULL")
                throw RegistryError.notFound(
                    kind: "active token", id: id, suggestions: Suggestions.closest(to: id, among: ids))
            }
            let row = try Row.fetchOne(db, sql: "SELECT * FROM token WHERE id = ?", arguments: [id])!
            return Self.tokenInfo(row)
        }
    }

    private static func tokenInfo(_ row: Row) -> TokenInfo {
        TokenInfo(
            id: row["id"], role: row["role"], note: row["note"], createdAt: row["created_at"],
            revokedAt: row["revoked_at"])
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension TokenInfo: AuditedRecord {
    var auditName: String { "token \(id) (\(role))" }
}
