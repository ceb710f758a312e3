import NGOMatchCore

/// A meeting of a published schedule, numbered from 1 within its event so that people can
/// name it ("meeting 7"), with where it stands and, after the day, what came of it.
package struct EventMeeting: Codable, Hashable, Sendable {
    /// `proposed → confirmed | declined`, later `held | no-show | cancelled`.
    package enum Status: String, Codable, CaseIterable, Hashable, Sendable {
        case proposed, confirmed, declined, held
        case noShow = "no-show"
        case cancelled

        /// Whether the meeting is on the participants' agendas.
        package var isScheduled: Bool { self != .declined && self != .cancelled }
    }

    /// One side's answer to a proposed meeting.
    package enum Answer: String, Codable, Hashable, Sendable {
        case confirmed, declined
    }

    package enum Outcome: String, Codable, CaseIterable, Hashable, Sendable {
        case followUp = "follow-up agreed"
        case noFollowUp = "no follow-up"
    }

    package var number: Int
    package var slot: Int
    package var time: String
    package var table: Int
    package var tableLabel: String
    package var province: String
    package var provinceName: String
    package var ngo: String
    package var ngoName: String
    /// The province's need the pair was scored on; a follow-up becomes its partnership.
    package var need: String?
    package var score: Double
    package var reasons: [String]
    /// The two delegations share no language.
    package var interpreter: Bool
    package var status: Status
    package var provinceAnswer: Answer?
    package var ngoAnswer: Answer?
    package var outcome: Outcome?
    package var note: String?

    package init(
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
    package static func status(province: Answer?, ngo: Answer?) -> Status {
        if province == .declined || ngo == .declined { return .declined }
        if province == .confirmed && ngo == .confirmed { return .confirmed }
        return .proposed
    }
}
