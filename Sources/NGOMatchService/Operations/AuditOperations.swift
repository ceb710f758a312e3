import NGOMatchCore
import NGOMatchStore

package enum AuditListOperation: ServiceOperation {
    package static let name = "audit.list"
    package static let command = "audit"
    package static let access = Access.read
    package static let summary = "Who changed what, newest first."
    package static let guidance =
        "The audit trail: every change to the registry with when, who (the CLI, the web app's user, or a token) and which record. Newest first, a page at a time; filter by actor or by method and record. The ministry's to read."
    package static let example = #"{"what":"import","limit":5}"#
    package static let commandExample = ["audit", "--what", "import", "--limit", "5"]
    // Every write adds a line: a kept reply would be stale at once.
    package static let cost = OperationEntry.Cost.uncached
    package static func run(_ service: MatchService, _ params: AuditListParams, caller: Caller) throws
        -> Page<AuditLine>
    {
        try service.auditLog(params, caller: caller)
    }
}
