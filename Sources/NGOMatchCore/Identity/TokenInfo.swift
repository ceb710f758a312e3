/// A stored token: its id and role, never the token itself.
package struct TokenInfo: Hashable, Sendable, Codable {
    package let id: String
    package let role: String
    package let note: String?
    package let createdAt: String
    package let revokedAt: String?

    package init(id: String, role: String, note: String?, createdAt: String, revokedAt: String?) {
        self.id = id
        self.role = role
        self.note = note
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
