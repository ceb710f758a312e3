/// A stored token: its id and role, never the token itself.
public struct TokenInfo: Hashable, Sendable, Codable {
    public let id: String
    public let role: String
    public let note: String?
    public let createdAt: String
    public let revokedAt: String?

    package init(id: String, role: String, note: String?, createdAt: String, revokedAt: String?) {
        self.id = id
        self.role = role
        self.note = note
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
