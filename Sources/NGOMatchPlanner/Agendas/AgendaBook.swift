import NGOMatchCore

/// A plan read participant by participant: what each delegation prints and takes along.
package struct AgendaBook: Sendable {
    package enum Side: String, Sendable {
        case province, ngo
    }

    /// One participant's day.
    package struct Agenda: Sendable {
        package let side: Side
        package let id: String
        package let name: String
        /// By slot.
        package let meetings: [PlanReport.Meeting]
        package let minMeetings: Int

        /// The other party of a meeting, by name.
        package func counterpart(_ meeting: PlanReport.Meeting) -> String {
            side == .province ? meeting.ngoName : meeting.provinceName
        }

        /// The other party with what a stored event adds: "No. 7: MCNV (confirmed) — interpreter needed".
        package func meets(_ meeting: PlanReport.Meeting, _ language: Language) -> String {
            var text = counterpart(meeting)
            if let number = meeting.number { text = Messages.text("agenda.number", language, "\(number)") + text }
            if let status = meeting.status, status != "proposed" {
                text += " (\(Messages.text("meetingStatus." + status, language)))"
            }
            if meeting.interpreter == true { text += Messages.text("agenda.interpreter", language) }
            return text
        }
    }

    package let report: PlanReport
    package let event: Event
    package let provinces: [Agenda]
    package let ngos: [Agenda]
    /// The language of the headings, summaries and calendar texts; reasons come from the report.
    package let language: Language

    package init(_ report: PlanReport, event: Event, language: Language = .en) {
        self.report = report
        self.event = event
        self.language = language
        let byProvince = Dictionary(grouping: report.meetings, by: \.province)
        let byNGO = Dictionary(grouping: report.meetings, by: \.ngo)
        provinces = report.participants.provinces.map { party in
            Agenda(
                side: .province, id: party.id, name: party.name,
                meetings: (byProvince[party.id] ?? []).sorted { $0.slot < $1.slot }, minMeetings: party.minMeetings)
        }
        ngos = report.participants.ngos.map { party in
            Agenda(
                side: .ngo, id: party.id, name: party.name,
                meetings: (byNGO[party.id] ?? []).sorted { $0.slot < $1.slot }, minMeetings: party.minMeetings)
        }
    }

    package var everyone: [Agenda] { provinces + ngos }

    /// A catalogue message in the book's language.
    package func say(_ key: String, _ values: any PhraseValue...) -> String {
        Phrase.text(key, values, in: language)
    }

    /// The event's day as the book's language writes it.
    package var date: String? { event.date.map { LocalFormat.date($0, language) } }

    /// A score or value with three decimals, in the book's language.
    package func score(_ value: Double) -> String { LocalFormat.decimal(value, digits: 3, language) }

    /// A share such as 99.8 %.
    package func percent(_ share: Double) -> String { LocalFormat.percent(share, language) }

    /// The master grid: one row per slot, one column per table, "province — NGO" in each cell.
    package var grid: (header: [String], rows: [[String]]) {
        let tableCount = max(event.tables ?? 0, (report.meetings.map(\.table).max() ?? -1) + 1)
        let header = [say("agenda.time")] + (0..<tableCount).map(event.tableLabel)
        let bySlot = Dictionary(grouping: report.meetings, by: \.slot)
        let rows = (0..<event.slots).map { slot -> [String] in
            var cells = [String](repeating: "", count: tableCount)
            for meeting in bySlot[slot] ?? [] {
                let number = meeting.number.map { "\($0). " } ?? ""
                cells[meeting.table] = "\(number)\(meeting.provinceName) — \(meeting.ngoName)"
            }
            return [event.slotLabel(slot)] + cells
        }
        return (header, rows)
    }

    /// A file name for a participant that is safe on every system; two ids may give the
    /// same one, so a folder's names come from `FileNames`.
    package static func fileName(_ id: String) -> String {
        let kept = id.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
                ? Character(scalar) : "-"
        }
        let name = String(kept).trimmingPrefix(while: { $0 == "-" })
        return name.isEmpty ? "participant" : String(name.prefix(80))
    }

    /// Names for one folder's files, distinct even where ids differ only in what a file
    /// name cannot hold (`Ngo, With Comma` and `Ngo; With Comma`) or in case, so no file
    /// of a run overwrites another.
    package struct FileNames: Sendable {
        private var taken: Set<String> = []

        package init() {}

        package mutating func claim(_ id: String) -> String {
            let base = AgendaBook.fileName(id)
            var name = base
            var number = 2
            while !taken.insert(name.lowercased()).inserted {
                name = "\(base)-\(number)"
                number += 1
            }
            return name
        }
    }
}

extension String {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        self[(firstIndex { !predicate($0) } ?? endIndex)...]
    }
}
