import NGOMatchCore

/// How a newly planned schedule differs from the published one, meeting by meeting, and
/// whom to tell.
package struct ScheduleChanges: Codable, Hashable, Sendable {
    /// A meeting of both schedules in another slot or at another table.
    package struct Moved: Codable, Hashable, Sendable {
        package let number: Int
        package let province: String
        package let ngo: String
        package let from: String
        package let to: String
    }

    package struct Dropped: Codable, Hashable, Sendable {
        package let number: Int
        package let province: String
        package let ngo: String
        package let reason: String
    }

    /// Same slot, same table (numbers).
    package var kept: [Int] = []
    package var moved: [Moved] = []
    package var dropped: [Dropped] = []
    /// New meetings (numbers).
    package var added: [Int] = []
    /// Participants with a moved, dropped or added meeting, by name: they must be told.
    package var notify: [String] = []

    package var isEmpty: Bool { moved.isEmpty && dropped.isEmpty && added.isEmpty }
}

/// Turns a plan into the meetings of a published schedule, keeping each pair's number
/// across replans so that "meeting 7" means the same pair to everyone.
package enum ScheduleNumbering {
    /// - Parameters:
    ///   - previous: the published schedule's meetings, every status.
    ///   - need: the need a pair was scored on.
    ///   - interpreter: whether a pair shares no language.
    ///   - dropReasons: why a confirmed meeting could not be kept, by "province\tngo".
    package static func schedule(
        _ planned: [PlanReport.Meeting], previous: [EventMeeting], need: (String, String) -> String?,
        interpreter: (String, String) -> Bool, dropReasons: [String: String] = [:]
    ) -> (meetings: [EventMeeting], changes: ScheduleChanges) {
        func key(_ province: String, _ ngo: String) -> String { "\(province)\t\(ngo)" }
        var scheduled: [String: EventMeeting] = [:]
        for meeting in previous where meeting.status.isScheduled {
            scheduled[key(meeting.province, meeting.ngo)] = meeting
        }
        var next = (previous.map(\.number).max() ?? 0) + 1
        var changes = ScheduleChanges()
        var told = Set<String>()
        var notify: [String] = []
        func tell(_ names: String...) {
            for name in names where told.insert(name).inserted { notify.append(name) }
        }
        var meetings: [EventMeeting] = []
        var placed = Set<String>()
        for planned in planned {
            let pair = key(planned.province, planned.ngo)
            placed.insert(pair)
            var meeting = EventMeeting(
                number: 0, slot: planned.slot, time: planned.time, table: planned.table, tableLabel: planned.tableLabel,
                province: planned.province, provinceName: planned.provinceName, ngo: planned.ngo,
                ngoName: planned.ngoName, need: need(planned.province, planned.ngo), score: planned.score,
                reasons: planned.reasons, interpreter: interpreter(planned.province, planned.ngo))
            if let old = scheduled[pair] {
                meeting.number = old.number
                meeting.note = old.note
                if old.slot == planned.slot && old.table == planned.table {
                    meeting.status = old.status
                    meeting.provinceAnswer = old.provinceAnswer
                    meeting.ngoAnswer = old.ngoAnswer
                    changes.kept.append(old.number)
                } else {
                    // A new time must be confirmed again.
                    changes.moved.append(
                        .init(
                            number: old.number, province: old.provinceName, ngo: old.ngoName,
                            from: "\(old.time), \(old.tableLabel)", to: "\(planned.time), \(planned.tableLabel)"))
                    tell(old.provinceName, old.ngoName)
                }
            } else {
                meeting.number = next
                next += 1
                changes.added.append(meeting.number)
                tell(planned.provinceName, planned.ngoName)
            }
            meetings.append(meeting)
        }
        for old in previous where old.status.isScheduled && !placed.contains(key(old.province, old.ngo)) {
            let reason =
                dropReasons[key(old.province, old.ngo)]
                ?? (old.status == .confirmed
                    ? "it could not be kept" : "the new plan gives its slot to other meetings (it was not confirmed)")
            changes.dropped.append(
                .init(number: old.number, province: old.provinceName, ngo: old.ngoName, reason: reason))
            tell(old.provinceName, old.ngoName)
        }
        changes.notify = notify
        return (meetings.sorted { $0.number < $1.number }, changes)
    }
}
