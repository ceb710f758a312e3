/// One line of the audit trail.
public struct AuditLine: Hashable, Sendable, Encodable {
    /// The line's place in the trail: later lines have larger ids.
    public let id: Int
    public let at: String
    public let actor: String
    public let method: String
    public let record: String

    package init(id: Int, at: String, actor: String, method: String, record: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.method = method
        self.record = record
    }
}
