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

package enum ReportingSettingsOperation: ServiceOperation {
    package static let name = "reports.settings"
    package static let command = "reports settings"
    package static let access = Access.write("the ministry, to change it; anyone to read it")
    package static let summary = "From when reports count as late."
    package static let guidance =
        "Without parameters, the day ngomatch began keeping filings: reports due before it are untracked, never late. The ministry moves it (trackedSince), back when it records filings kept elsewhere, or forward to start afresh."
    package static let example = #"{"trackedSince":"2026-01-01"}"#
    package static let commandExample = ["reports", "settings", "--tracked-since", "2026-01-01"]
    package static func run(_ service: MatchService, _ params: ReportingSettingsParams, caller: Caller) throws
        -> ReportingSettings
    {
        try service.reportingSettings(params, caller: caller)
    }
}
