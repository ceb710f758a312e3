import NGOMatchCore
import NGOMatchStore

public enum AuditListOperation: ServiceOperation {
    public static let name = "audit.list"
    public static let command = "audit"
    public static let access = Access.read
    public static let summary = "Who changed what, newest first."
    public static let guidance =
        "The audit trail: every change to the registry with when, who (the CLI, the web app's user, or a token) and which record. Newest first, a page at a time; filter by actor or by method and record. The ministry's to read."
    public static let example = #"{"what":"import","limit":5}"#
    public static let commandExample = ["audit", "--what", "import", "--limit", "5"]
    // Every write adds a line: a kept reply would be stale at once.
    public static let cost = OperationEntry.Cost.uncached
    public static func run(_ service: MatchService, _ params: AuditListParams, caller: Caller) throws
        -> Page<AuditLine>
    {
        try service.auditLog(params, caller: caller)
    }
}
