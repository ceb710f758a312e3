import NGOMatchCore
import NGOMatchStore

package struct AuditListParams: OperationParams {
    package static let parameters = [
        Parameter("actor", .text, "Only lines whose actor contains this text (e.g. 'web', 'token:')."),
        Parameter("what", .text, "Only lines whose method or record contains this text (e.g. 'import', 'cao-bang-1')."),
        Paging.limit, Paging.after,
    ]
    package var actor: String?
    package var what: String?
    package var limit: Int?
    package var after: String?

    package init(actor: String? = nil, what: String? = nil, limit: Int? = nil, after: String? = nil) {
        self.actor = actor
        self.what = what
        self.limit = limit
        self.after = after
    }
}

extension MatchService {
    /// The audit trail, newest first, a page at a time. The cursor names the last line shown,
    /// so lines written meanwhile do not shift the pages that follow.
    package func auditLog(_ params: AuditListParams, caller: Caller) throws -> Page<AuditLine> {
        try caller.mayHandle(.auditTrail, "audit.list")
        try Paging.check(limit: params.limit)
        var before: Int? = nil
        if let last = try Paging.lastKey(after: params.after, list: "audit") {
            // A cursor of the audit list whose key is not a line number was not made by us.
            guard let id = Int(last) else {
                throw ServiceError.invalidParams(
                    field: "after", expected: .key("params.after", "audit", params.after ?? ""))
            }
            before = id
        }
        // One line more than asked says whether a next page exists without a second query.
        let asked = params.limit ?? Int(Int32.max)
        let found = try registry.auditLines(
            limit: asked == Int(Int32.max) ? asked : asked + 1, before: before, actor: params.actor,
            method: params.what)
        let items = Array(found.lines.prefix(asked))
        let next = found.lines.count > asked ? items.last.map { Paging.encode(String($0.id), list: "audit") } : nil
        return Page(items: items, total: found.total, next: next)
    }
}
