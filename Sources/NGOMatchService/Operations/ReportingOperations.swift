import NGOMatchCore

package enum ReportingListOperation: ServiceOperation {
    package static let name = "reports.list"
    package static let command = "reports list"
    package static let access = Access.read
    package static let cost = OperationEntry.Cost.uncached
    package static let summary = "Reports NGOs owe under Decree 58, and who is late."
    package static let guidance =
        "Each certified NGO's plan of activities to every province its certificate names (due 45 working days after the certificate was issued or extended) and its annual report (due 18 December), filed, due or late; duties due before ngomatch kept filings are 'untracked'. The ministry sees all, an NGO its own, a province the plans due to it."
    package static let example = #"{"state":"late"}"#
    package static let commandExample = ["reports", "list", "--state", "late"]
    package static func run(_ service: MatchService, _ params: ReportingListParams, caller: Caller) throws
        -> ReportingList
    {
        try service.reportingDuties(params, caller: caller)
    }
}

package enum ReportFileOperation: ServiceOperation {
    package static let name = "reports.file"
    package static let command = "reports file"
    package static let access = Access.write("the NGO's own people; the ministry")
    package static let summary = "Records that an NGO sent a report."
    package static let guidance =
        "Records the day an NGO sent its plan of activities to a province (kind implementation-plan, with province) or its annual report (kind annual-report, with year); undo takes a mistaken record back."
    package static let example = #"{"ngo":"MCNV","kind":"annual-report","year":2026}"#
    package static let commandExample = [
        "reports", "file", "--ngo", "MCNV", "--kind", "annual-report", "--year", "2026",
    ]
    package static func run(_ service: MatchService, _ params: ReportFileParams, caller: Caller) throws
        -> ReportingEntry
    {
        try service.fileReport(params, caller: caller)
    }
}
