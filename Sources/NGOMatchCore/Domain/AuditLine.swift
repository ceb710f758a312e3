/// One line of the audit trail.
package struct AuditLine: Hashable, Sendable, Encodable {
    /// The line's place in the trail: later lines have larger ids.
    package let id: Int
    package let at: String
    package let actor: String
    package let method: String
    package let record: String

    package init(id: Int, at: String, actor: String, method: String, record: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.method = method
        self.record = record
    }
}
