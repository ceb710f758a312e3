import NGOMatchCore
import NGOMatchPlanner
import Testing

/// A published schedule's numbers and answers across replans (issue 15).
struct ScheduleNumberingTests {
    static func planned(_ province: String, _ ngo: String, slot: Int, table: Int = 0) -> PlanReport.Meeting {
        PlanReport.Meeting(
            slot: slot, time: "slot \(slot)", table: table, tableLabel: "Table \(table + 1)", province: province,
            provinceName: province.uppercased(), ngo: ngo, ngoName: ngo.uppercased(), score: 0.5, value: 0.5,
            mustMeet: false, wish: nil, reasons: [])
    }

    static func stored(
        _ number: Int, _ province: String, _ ngo: String, slot: Int, table: Int = 0, status: EventMeeting.Status
    ) -> EventMeeting {
        EventMeeting(
            number: number, slot: slot, time: "slot \(slot)", table: table, tableLabel: "Table \(table + 1)",
            province: province, provinceName: province.uppercased(), ngo: ngo, ngoName: ngo.uppercased(), need: nil,
            score: 0.5, reasons: [], interpreter: false, status: status,
            provinceAnswer: status == .confirmed ? .confirmed : nil, ngoAnswer: status == .confirmed ? .confirmed : nil)
    }

    @Test func aPairKeepsItsNumberAndOnlyAnUnmovedMeetingKeepsItsAnswers() {
        let previous = [
            Self.stored(1, "a", "x", slot: 0, status: .confirmed),
            Self.stored(2, "b", "y", slot: 0, table: 1, status: .proposed),
            Self.stored(3, "a", "y", slot: 1, status: .declined),
            Self.stored(4, "b", "x", slot: 1, status: .proposed),
            Self.stored(5, "c", "z", slot: 2, status: .cancelled),
        ]
        let (meetings, changes) = ScheduleNumbering.schedule(
            [Self.planned("a", "x", slot: 0), Self.planned("b", "y", slot: 2), Self.planned("c", "z", slot: 3)],
            previous: previous, need: { province, _ in "\(province)-1" }, interpreter: { _, ngo in ngo == "z" },
            dropReasons: [:])
        #expect(meetings.map(\.number) == [1, 2, 6], "new pairs are numbered after every number ever given")
        #expect(meetings[0].status == .confirmed && meetings[0].provinceAnswer == .confirmed)
        #expect(meetings[1].status == .proposed && meetings[1].provinceAnswer == nil)
        #expect(meetings[2].interpreter && meetings[2].need == "c-1")
        #expect(changes.kept == [1])
        #expect(changes.moved.map(\.number) == [2] && changes.moved[0].from == "slot 0, Table 2")
        #expect(changes.dropped.map(\.number) == [4], "a declined or cancelled meeting is not dropped again")
        #expect(changes.added == [6])
        #expect(changes.notify == ["B", "Y", "C", "Z", "X"])
    }
}
