import NGOMatchCore

public enum ReportingListOperation: ServiceOperation {
    public static let name = "reports.list"
    public static let command = "reports list"
    public static let access = Access.read
    public static let cost = OperationEntry.Cost.uncached
    public static let summary = "Reports NGOs owe under Decree 58, and who is late."
    public static let guidance =
        "Each certified NGO's plan of activities to every province its certificate names (due 45 working days after the certificate was issued or extended) and its annual report (due 18 December), filed, due or late; duties due before ngomatch kept filings are 'untracked'. The ministry sees all, an NGO its own, a province the plans due to it."
    public static let example = #"{"state":"late"}"#
    public static let commandExample = ["reports", "list", "--state", "late"]
    public static func run(_ service: MatchService, _ params: ReportingListParams, caller: Caller) throws
        -> ReportingList
    {
        try service.reportingDuties(params, caller: caller)
    }
}

public enum ReportFileOperation: ServiceOperation {
    public static let name = "reports.file"
    public static let command = "reports file"
    public static let access = Access.write("the NGO's own people; the ministry")
    public static let summary = "Records that an NGO sent a report."
    public static let guidance =
        "Records the day an NGO sent its plan of activities to a province (kind implementation-plan, with province) or its annual report (kind annual-report, with year); undo takes a mistaken record back."
    public static let example = #"{"ngo":"MCNV","kind":"annual-report","year":2026}"#
    public static let commandExample = [
        "reports", "file", "--ngo", "MCNV", "--kind", "annual-report", "--year", "2026",
    ]
    public static func run(_ service: MatchService, _ params: ReportFileParams, caller: Caller) throws
        -> ReportingEntry
    {
        try service.fileReport(params, caller: caller)
    }
}
