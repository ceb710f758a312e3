import NGOMatchCore

public struct ReportingListParams: OperationParams {
    public static let parameters = [
        Parameter("ngo", .text, "Only this NGO's duties (id, name or acronym)."),
        Parameter("province", .text, "Only the plans due to this province (any of its names)."),
        Parameter("state", .choice(ReportingDuty.State.allCases.map(\.rawValue)), "Only duties in this state."),
        Parameter("kind", .choice(ReportingDuty.Kind.allCases.map(\.rawValue)), "Only plans, or only annual reports."),
        Parameter("on", .text, "Judge the duties as on this day, YYYY-MM-DD (default today)."),
    ]
    public var ngo: String?
    public var province: String?
    public var state: String?
    public var kind: String?
    public var on: String?

    public init(
        ngo: String? = nil, province: String? = nil, state: String? = nil, kind: String? = nil, on: String? = nil
    ) {
        self.ngo = ngo
        self.province = province
        self.state = state
        self.kind = kind
        self.on = on
    }
}

public struct ReportFileParams: OperationParams {
    public static let parameters = [
        Parameter.ngo,
        Parameter("kind", .choice(ReportingDuty.Kind.allCases.map(\.rawValue)), required: true, "What was filed."),
        Parameter("province", .text, "The province a plan went to (any of its names)."),
        Parameter("year", .integer, "The year an annual report covers (default this year)."),
        Parameter("filedOn", .text, "The day it was sent, YYYY-MM-DD (default today)."),
        Parameter("undo", .boolean, "Takes back a filing recorded by mistake."),
        Parameter("note", .text, "A note: the letter's number, how it was sent."),
    ]
    public var ngo: String
    public var kind: String
    public var province: String?
    public var year: Int?
    public var filedOn: String?
    public var undo: Bool?
    public var note: String?

    public init(
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
