import NGOMatchCore

/// A plan as programs and files receive it (`pair --format json`, `pairing.plan`).
package struct PlanReport: Codable, Sendable {
    package struct Meeting: Codable, Hashable, Sendable {
        package let slot: Int
        /// "14:00–14:20", or "slot 0" when the event has no clock times.
        package let time: String
        package let table: Int
        package let tableLabel: String
        package let province: String
        package let provinceName: String
        package let ngo: String
        package let ngoName: String
        package let score: Double
        package let value: Double
        package let mustMeet: Bool
        package let wish: Wishes.Kind?
        package let reasons: [String]
        /// In a stored event's published schedule: the meeting's number (from 1), where it stands,
        /// and whether the two delegations share no language.
        package var number: Int? = nil
        package var status: String? = nil
        package var interpreter: Bool? = nil

        package init(
            slot: Int, time: String, table: Int, tableLabel: String, province: String, provinceName: String,
            ngo: String, ngoName: String, score: Double, value: Double, mustMeet: Bool, wish: Wishes.Kind?,
            reasons: [String]
        ) {
            self.slot = slot
            self.time = time
            self.table = table
            self.tableLabel = tableLabel
            self.province = province
            self.provinceName = provinceName
            self.ngo = ngo
            self.ngoName = ngoName
            self.score = score
            self.value = value
            self.mustMeet = mustMeet
            self.wish = wish
            self.reasons = reasons
        }
    }

    package struct Conflict: Codable, Hashable, Sendable {
        package let kind: String
        package let message: String
    }

    package struct Waiting: Codable, Hashable, Sendable {
        package let province: String
        package let ngo: String
        package let score: Double
        package let value: Double
        package let reason: String
    }

    package struct Attendance: Codable, Hashable, Sendable {
        package let id: String
        package let name: String
        package let meetings: Int
        package let minMeetings: Int
        package let maxMeetings: Int
        package let freeSlots: Int
    }

    /// Whether every minimum is met; if not, whether that is proven (with the proof) or not found.
    package struct Minimums: Codable, Hashable, Sendable {
        package struct Certificate: Codable, Hashable, Sendable {
            package let side: MinimumCertificate.Side
            package let parties: [String]
            package let minimums: [Int]
            package let needed: Int
            package let possible: Int
            package let partners: [String]
            /// Set when the proof is the event's tables.
            package let tables: Int?
            package let message: String
        }

        /// `met`, `proven` or `notFound`.
        package let status: MinimumOutcome.Status
        package let shortfalls: [MinimumOutcome.Shortfall]
        /// Meetings missing in all, below the minimums.
        package let totalShortfall: Int
        package let certificates: [Certificate]
        /// Set when an exact search proved the shortfall (and no certificate alone covers it):
        /// every schedule misses at least this many meetings below the minimums.
        package let leastMissing: Int?
        /// Which schedules `upperBound` bounds (`Plan.BoundCover`): `meetingEveryMinimum`,
        /// `leastShortfall` or `every`.
        package let boundCovers: String
        /// The above in a sentence, in the plan's language.
        package let message: String

        /// The sentence again in another language (an agenda printed in Vietnamese from a plan
        /// made in English, say).
        package func message(in language: Language) -> String {
            Self.message(
                status, totalShortfall, searched: leastMissing != nil,
                covers: Plan.BoundCover(rawValue: boundCovers) ?? .every, language)
        }

        static func message(_ plan: Plan, _ language: Language) -> String {
            message(
                plan.minimums.status, plan.minimums.total, searched: plan.minimums.leastMissing != nil,
                covers: plan.boundCovers, language)
        }

        static func message(
            _ status: MinimumOutcome.Status, _ short: Int, searched: Bool, covers: Plan.BoundCover,
            _ language: Language
        ) -> String {
            let key =
                switch status {
                case .met: "minimums.met"
                case .proven: searched ? "minimums.provenBySearch" : "minimums.proven"
                case .notFound: "minimums.notFound"
                }
            let said = Messages.counted(key, language, short)
            switch covers {
            case .meetingEveryMinimum: return said
            case .leastShortfall: return said + " " + Messages.text("bound.leastShortfall", language)
            case .every: return said + " " + Messages.text("bound.every", language)
            }
        }
    }

    package struct Participants: Codable, Hashable, Sendable {
        package let provinces: [Attendance]
        package let ngos: [Attendance]

        /// Whether any participant asked for a minimum.
        package var hasMinimums: Bool { (provinces + ngos).contains { $0.minMeetings > 0 } }
    }

    package struct Replan: Codable, Hashable, Sendable {
        package struct Confirmed: Codable, Hashable, Sendable {
            package let province: String
            package let ngo: String
            package let slot: Int
            package let table: Int?
            package let newTable: Int?
            package let reason: String?
        }

        /// Confirmed meetings in the same slot and at the same table.
        package let kept: [Confirmed]
        /// Confirmed meetings in the same slot at another table.
        package let tableChanged: [Confirmed]
        /// Confirmed meetings that could not be kept, each with its reason.
        package let dropped: [Confirmed]
        /// Meetings that were not confirmed before.
        package let added: [Meeting]
    }

    package let event: String
    package let rules: String?
    package var meetings: [Meeting]
    package var meetingCount: Int
    package let totalScore: Double
    package let totalValue: Double
    /// No valid schedule has a greater total value (the best choice of pairs when slots are ignored).
    package let upperBound: Double
    /// totalValue ÷ upperBound.
    package let quality: Double
    package let conflicts: [Conflict]
    package let minimums: Minimums
    package let waitlist: [Waiting]
    package let participants: Participants
    package let replan: Replan?

    package init(_ plan: Plan, rules: String?, language: Language = .en) {
        let problem = plan.problem
        let event = problem.event
        func meeting(_ meeting: Plan.Meeting) -> Meeting {
            let candidate = problem.candidates[meeting.candidate]
            let province = problem.provinces[meeting.province]
            let ngo = problem.ngos[meeting.ngo]
            return Meeting(
                slot: meeting.slot, time: event.slotLabel(meeting.slot), table: meeting.table,
                tableLabel: event.tableLabel(meeting.table), province: province.id, provinceName: province.name,
                ngo: ngo.id, ngoName: ngo.name, score: candidate.score, value: Self.round(candidate.value),
                mustMeet: candidate.mustMeet, wish: candidate.wish, reasons: candidate.reasons)
        }
        self.event = event.name
        self.rules = rules
        meetings = plan.meetings.map(meeting)
        meetingCount = plan.meetings.count
        totalScore = Self.round(plan.totalScore)
        totalValue = Self.round(plan.totalValue)
        upperBound = Self.round(plan.upperBound)
        quality = (plan.quality * 100_000).rounded(.down) / 100_000
        conflicts = plan.conflicts.map { Conflict(kind: $0.kind, message: $0.text(language)) }
        minimums = Minimums(
            status: plan.minimums.status, shortfalls: plan.minimums.shortfalls, totalShortfall: plan.minimums.total,
            certificates: plan.minimums.certificates.map {
                .init(
                    side: $0.side, parties: $0.parties, minimums: $0.minimums, needed: $0.needed,
                    possible: $0.possible, partners: $0.partners, tables: $0.tables, message: $0.text(language))
            }, leastMissing: plan.minimums.leastMissing,
            boundCovers: plan.boundCovers.rawValue, message: Minimums.message(plan, language))
        waitlist = plan.waitlist.map { waiting in
            let candidate = problem.candidates[waiting.candidate]
            return Waiting(
                province: problem.provinces[candidate.province].id, ngo: problem.ngos[candidate.ngo].id,
                score: candidate.score, value: Self.round(candidate.value), reason: waiting.reason)
        }
        var provinceCount = [Int](repeating: 0, count: problem.provinces.count)
        var ngoCount = [Int](repeating: 0, count: problem.ngos.count)
        for meeting in plan.meetings {
            provinceCount[meeting.province] += 1
            ngoCount[meeting.ngo] += 1
        }
        func attendance(_ parties: [PlanningProblem.Party], _ counts: [Int]) -> [Attendance] {
            zip(parties, counts).map { party, count in
                Attendance(
                    id: party.id, name: party.name, meetings: count, minMeetings: party.minMeetings,
                    maxMeetings: party.maxMeetings, freeSlots: party.freeSlots)
            }
        }
        participants = Participants(
            provinces: attendance(problem.provinces, provinceCount), ngos: attendance(problem.ngos, ngoCount))
        replan = plan.replan.map { report in
            let added = plan.meetings.filter { !plan.confirmed.contains($0.candidate) }
            func confirmed(_ kept: KeptMeeting, newTable: Int? = nil, reason: String? = nil) -> Replan.Confirmed {
                Replan.Confirmed(
                    province: kept.province, ngo: kept.ngo, slot: kept.slot, table: kept.table, newTable: newTable,
                    reason: reason)
            }
            return Replan(
                kept: report.kept.map { confirmed($0) },
                tableChanged: report.tableChanged.map { confirmed($0.meeting, newTable: $0.table) },
                dropped: report.dropped.map { confirmed($0.meeting, reason: $0.reason) },
                added: added.map(meeting))
        }
    }

    /// Sums of many scores drift in the last digits; six decimals is more than any score has.
    static func round(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}
