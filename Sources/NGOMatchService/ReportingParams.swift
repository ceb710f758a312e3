import NGOMatchCore

package struct ReportingListParams: OperationParams {
    package static let parameters = [
        Parameter("ngo", .text, "Only this NGO's duties (id, name or acronym)."),
        Parameter("province", .text, "Only the plans due to this province (any of its names)."),
        Parameter("state", .choice(ReportingDuty.State.allCases.map(\.rawValue)), "Only duties in this state."),
        Parameter("kind", .choice(ReportingDuty.Kind.allCases.map(\.rawValue)), "Only plans, or only annual reports."),
        Parameter("on", .text, "Judge the duties as on this day, YYYY-MM-DD (default today)."),
    ]
    package var ngo: String?
    package var province: String?
    package var state: String?
    package var kind: String?
    package var on: String?

    package init(
        ngo: String? = nil, province: String? = nil, state: String? = nil, kind: String? = nil, on: String? = nil
    ) {
        self.ngo = ngo
        self.province = province
        self.state = state
        self.kind = kind
        self.on = on
    }
}

package struct ReportFileParams: OperationParams {
    package static let parameters = [
        Parameter.ngo,
        Parameter("kind", .choice(ReportingDuty.Kind.allCases.map(\.rawValue)), required: true, "What was filed."),
        Parameter("province", .text, "The province a plan went to (any of its names)."),
        Parameter("year", .integer, "The year an annual report covers (default this year)."),
        Parameter("filedOn", .text, "The day it was sent, YYYY-MM-DD (default today)."),
        Parameter("undo", .boolean, "Takes back a filing recorded by mistake."),
        Parameter("note", .text, "A note: the letter's number, how it was sent."),
    ]
    package var ngo: String
    package var kind: String
    package var province: String?
    package var year: Int?
    package var filedOn: String?
    package var undo: Bool?
    package var note: String?

    package init(
        ngo: String, kind: String, province: String? = nil, year: Int? = nil, filedOn: String? = nil,
        undo: Bool? = nil, note: String? = nil
    ) {
        self.ngo = ngo
        self.kind = kind
        self.province = province
        self.year = year
        self.filedOn = filedOn
        self.undo = undo
        self.note = note
    }
}

package struct ReportingSettingsParams: OperationParams {
    package static let parameters = [
        Parameter("trackedSince", .text, "The first day filings count from, YYYY-MM-DD (the ministry's to change).")
    ]
    package var trackedSince: String?

    package init(trackedSince: String? = nil) { self.trackedSince = trackedSince }
}

/// From when reports are judged: earlier ones are untracked, never late.
package struct ReportingSettings: Encodable, Sendable, Hashable {
    package let trackedSince: CalendarDate
}
