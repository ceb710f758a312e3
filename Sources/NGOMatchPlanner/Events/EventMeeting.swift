import NGOMatchCore

/// A meeting of a published schedule, numbered from 1 within its event so that people can
/// name it ("meeting 7"), with where it stands and, after the day, what came of it.
public struct EventMeeting: Codable, Hashable, Sendable {
    /// `proposed → confirmed | declined`, later `held | no-show | cancelled`.
    public enum Status: String, Codable, CaseIterable, Hashable, Sendable {
        case proposed, confirmed, declined, held
        case noShow = "no-show"
        case cancelled

        /// Whether the meeting is on the participants' agendas.
        public var isScheduled: Bool { self != .declined && self != .cancelled }
    }

    /// One side's answer to a proposed meeting.
    public enum Answer: String, Codable, Hashable, Sendable {
        case confirmed, declined
    }

    public enum Outcome: String, Codable, CaseIterable, Hashable, Sendable {
        case followUp = "follow-up agreed"
        case noFollowUp = "no follow-up"
    }

    public var number: Int
    public var slot: Int
    public var time: String
    public var table: Int
    public var tableLabel: String
    public var province: String
    public var provinceName: String
    public var ngo: String
    public var ngoName: String
    /// The province's need the pair was scored on; a follow-up becomes its partnership.
    public var need: String?
    public var score: Double
    public var reasons: [String]
    /// The two delegations share no language.
    public var interpreter: Bool
    public var status: Status
    public var provinceAnswer: Answer?
    public var ngoAnswer: Answer?
    public var outcome: Outcome?
    public var note: String?

    public init(
        number: Int, slot: Int, time: String, table: Int, tableLabel: String, province: String, provinceName: String,
        ngo: String, ngoName: String, need: String?, score: Double, reasons: [String], interpreter: Bool,
        status: Status = .proposed, provinceAnswer: Answer? = nil, ngoAnswer: Answer? = nil,
        outcome: Outcome? = nil, note: String? = nil
    ) {
        self.number = number
        self.slot = slot
        self.time = time
        self.table = table
        self.tableLabel = tableLabel
        self.province = province
        self.provinceName = provinceName
        self.ngo = ngo
        self.ngoName = ngoName
        self.need = need
        self.score = score
        self.reasons = reasons
        self.interpreter = interpreter
        self.status = status
        self.provinceAnswer = provinceAnswer
        self.ngoAnswer = ngoAnswer
        self.outcome = outcome
        self.note = note
    }

    /// The status both answers give: declined if either side declined, confirmed once both confirmed.
    public static func status(province: Answer?, ngo: Answer?) -> Status {
        if province == .declined || ngo == .declined { return .declined }
        if province == .confirmed && ngo == .confirmed { return .confirmed }
        return .proposed
    }
}
